package io.careloop.engine.ticket;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** Ticket category (问题分类), see DOMAIN.md. */
public enum Category implements Coded {
    MEDICATION_ERROR("medication-error"),
    ADVERSE_EVENT("adverse-event"),
    PRODUCT_QUALITY("product-quality"),
    MEDICAL_INQUIRY("medical-inquiry"),
    SERVICE_PROCESS("service-process"),
    CUSTOMER_RELATIONSHIP("customer-relationship");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static Category fromCode(String value) {
        return Codes.parseOrNull(Category.class, Category::code, value, "category");
    }
}
