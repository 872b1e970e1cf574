package io.careloop.plugins.survey;

/** A response row that cannot be read: which field, and why. */
final class RowProblem extends Exception {

    private final String field;

    RowProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
