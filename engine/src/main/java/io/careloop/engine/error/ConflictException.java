package io.careloop.engine.error;

/**
 * The request collides with the current state: a stale version, a ticket someone else claimed,
 * an action the ticket's status does not allow. The caller reloads and decides again.
 */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
