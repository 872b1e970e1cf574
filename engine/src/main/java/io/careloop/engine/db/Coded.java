package io.careloop.engine.db;

/** An enum stored and sent as its lower-case code rather than its Java name. */
public interface Coded {
    String code();
}
