package io.careloop.engine.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A customer: a health-care professional, an organisation, a distributor or a patient. */
public record Customer(Long id, CustomerType type, Tier tier, String name, String organisation, String department,
                       String email, String phone, String owningRep, Instant createdAt, Instant updatedAt,
                       Integer version) {

    public Customer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tier, "tier");
        version = version == null ? 0 : version;
    }

    /** The lower-cased e-mail address that identifies a sender; null without an address. */
    public String emailKey() {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
