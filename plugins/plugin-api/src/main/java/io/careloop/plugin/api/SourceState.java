package io.careloop.plugin.api;

/**
 * Small strings a source remembers between polls and restarts (a folder's UIDVALIDITY and last
 * UID, a feed's cursor), stored by the host in the database per plugin and source. Save a
 * position only after the items before it were handed to the sink: a crash then repeats a few
 * items (answered as duplicates) and loses none.
 */
public interface SourceState {

    /** The value stored under {@code key}, or null. */
    String get(String key);

    /** Stores {@code value} under {@code key} (at most 200 and 4,000 characters); null removes it. */
    void put(String key, String value);
}
