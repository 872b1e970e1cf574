package io.careloop.web.customer;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.privacy.CustomerMasking;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a customer. */
public final class CustomerJson {

    private CustomerJson() {
    }

    /** A customer as the reader may see it: masked fields hold masks and are named in {@code masked}. */
    public static Map<String, Object> of(CustomerMasking.Masked view) {
        Map<String, Object> m = of(view.customer());
        m.put("masked", view.maskedFields());
        return m;
    }

    public static Map<String, Object> of(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("type", c.type().code());
        m.put("tier", c.tier().code());
        m.put("name", c.name());
        m.put("organisation", c.organisation());
        m.put("department", c.department());
        m.put("email", c.email());
        m.put("phone", c.phone());
        m.put("owningRep", c.owningRep());
        m.put("createdAt", c.createdAt());
        m.put("updatedAt", c.updatedAt());
        m.put("version", c.version());
        return m;
    }
}
