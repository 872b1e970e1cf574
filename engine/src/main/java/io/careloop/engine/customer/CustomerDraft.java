package io.careloop.engine.customer;

import io.careloop.engine.error.InvalidInputException;

/**
 * A customer as a client or a channel describes it, before it is stored. Blank strings count as
 * absent; a draft needs a name, an e-mail address or a phone number.
 */
public record CustomerDraft(CustomerType type, Tier tier, String name, String organisation, String department,
                            String email, String phone, String owningRep) {

    public CustomerDraft {
        name = clean(name, 200, "customer.name");
        organisation = clean(organisation, 200, "customer.organisation");
        department = clean(department, 200, "customer.department");
        email = clean(email, 320, "customer.email");
        phone = clean(phone, 64, "customer.phone");
        owningRep = clean(owningRep, 64, "customer.owningRep");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("customer.email", "'" + email + "' is not an e-mail address");
        }
        if (name == null && email == null && phone == null) {
            throw new InvalidInputException("customer", "a customer needs at least a name, an e-mail address or a phone number");
        }
    }

    static String clean(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return v;
    }
}
