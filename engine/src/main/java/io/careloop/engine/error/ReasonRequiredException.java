package io.careloop.engine.error;

/**
 * A change that needs a stated reason came without one: every change of a regulated record
 * (an adverse event, medication error or product-quality case) must say why. HTTP 422.
 */
public class ReasonRequiredException extends RuntimeException {

    public ReasonRequiredException(String message) {
        super(message);
    }

    /** The request field that carries the reason. */
    public String field() {
        return "reason";
    }
}
