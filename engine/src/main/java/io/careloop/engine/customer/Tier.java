package io.careloop.engine.customer;

import io.careloop.engine.db.Coded;
import io.careloop.engine.error.Codes;

/** Customer tier: VIP and A get priority handling, B standard, C and patients standard. */
public enum Tier implements Coded {
    VIP("VIP"),
    A("A"),
    B("B"),
    C("C");

    private final String code;

    Tier(String code) {
        this.code = code;
    }

    /** The code used in the API, the database and the processes. */
    @Override
    public String code() {
        return code;
    }

    /** Parses a code case-insensitively; null or blank gives null; anything unknown is a 400. */
    public static Tier fromCode(String value) {
        return Codes.parseOrNull(Tier.class, Tier::code, value, "tier");
    }
}
