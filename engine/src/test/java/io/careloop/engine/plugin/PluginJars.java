package io.careloop.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes real PF4J plugin jars from classes of the test sources (as PF4J's own tests do): a
 * manifest descriptor, {@code META-INF/extensions.idx} and the extension classes' bytes.
 */
final class PluginJars {

    private PluginJars() {
    }

    static Path write(Path dir, String id, String version, String requires, Class<?>... extensions) throws IOException {
        Path jar = dir.resolve(id + "-" + version + ".jar");
        writeTo(jar, id, version, requires, extensions);
        return jar;
    }

    static void writeTo(Path jar, String id, String version, String requires, Class<?>... extensions) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(new Attributes.Name("Plugin-Id"), id);
        a.put(new Attributes.Name("Plugin-Version"), version);
        a.put(new Attributes.Name("Plugin-Requires"), requires);
        a.put(new Attributes.Name("Plugin-Description"), "test plugin " + id);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            StringBuilder idx = new StringBuilder();
            for (Class<?> c : extensions) {
                idx.append(c.getName()).append('\n');
            }
            j.write(idx.toString().getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
            for (Class<?> c : extensions) {
                String path = c.getName().replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(path));
                try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
    }
}
