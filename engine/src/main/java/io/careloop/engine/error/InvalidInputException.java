package io.careloop.engine.error;

/** Input that can never succeed as sent; {@link #field()} names the offending field. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
