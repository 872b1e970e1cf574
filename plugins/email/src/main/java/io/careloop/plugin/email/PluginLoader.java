package io.careloop.plugin.email;

import java.util.concurrent.Callable;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader. Jakarta
 * Mail and Jakarta Activation find their providers (IMAP, SMTP, stream and content handlers)
 * through the context class loader; under PF4J that is the host's, which does not hold them.
 */
final class PluginLoader {

    private PluginLoader() {
    }

    static <T> T call(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(PluginLoader.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
