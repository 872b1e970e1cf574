package io.careloop.engine.customer;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** Who the customer is. */
public enum CustomerType implements Coded {
    DOCTOR("doctor"),
    PHARMACIST("pharmacist"),
    HOSPITAL("hospital"),
    PHARMACY("pharmacy"),
    DISTRIBUTOR("distributor"),
    PATIENT("patient");

    private final String code;

    CustomerType(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static CustomerType fromCode(String value) {
        return Codes.parseOrNull(CustomerType.class, CustomerType::code, value, "type");
    }
}
