package io.careloop.plugins.support;

/** A row of an imported file that cannot become an item: which field, and why (the row is rejected, kept for replay). */
public final class RowProblem extends Exception {

    private final String field;

    public RowProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
