package io.careloop.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * A channel that brings items in: a mailbox poll, a file import, a feed. Implement it in a plugin
 * class annotated with {@code @Extension}; the host finds it through PF4J.
 */
public interface InboundSource extends ExtensionPoint {

    /** The channel code of the items this source produces, e.g. {@code email}. */
    String channel();

    /**
     * Reads what is new and hands each item to the sink. Called by the host on its schedule;
     * the host stops a call that runs past its time limit by interrupting the thread.
     */
    void poll(IntakeSink sink) throws Exception;
}
