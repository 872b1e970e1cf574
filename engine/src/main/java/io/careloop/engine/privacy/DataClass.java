package io.careloop.engine.privacy;

/** How much protection a piece of data needs (docs/security.md, "Personal data"). */
public enum DataClass {
    /** Identifies a person (PIPL personal information). */
    PERSONAL("personal"),
    /** PIPL sensitive personal information: ID numbers, health data. */
    SENSITIVE("sensitive"),
    /** Staff data: who did what in CareLoop; kept for the audit trail. */
    STAFF("staff"),
    /** Describes the case, not the person. */
    OPERATIONAL("operational");

    private final String code;

    DataClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
