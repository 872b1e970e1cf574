package io.careloop.engine.error;

/** The caller is known but their roles do not allow the action. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
