package io.careloop.plugins.phonelog;

/** A row that cannot become a call: which field, and why. */
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
