package io.careloop.web.customer;

import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;

/** A customer as the API receives it; {@code version} is the one the client last read (updates). */
public record CustomerRequest(String type, String tier, String name, String organisation, String department,
                              String email, String phone, String owningRep, Integer version) {

    public CustomerDraft toDraft() {
        return new CustomerDraft(CustomerType.fromCode(type), Tier.fromCode(tier), name, organisation, department, email,
                phone, owningRep);
    }
}
