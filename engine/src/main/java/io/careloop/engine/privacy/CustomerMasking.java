package io.careloop.engine.privacy;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Masks a customer's personal fields by the {@link Exposure} {@link PersonalData} gives them, for a
 * reader who has none of the customer's tickets in scope; and restores masked values a client sends
 * back unchanged, so a masked value is never written over the real one. The one place masking rules
 * are applied (the customer directory's JSON and every other answer carrying a customer use it).
 */
public final class CustomerMasking {

    private CustomerMasking() {
    }

    /** The customer as this reader may see it, with the fields that were masked (field codes without "customer."). */
    public record Masked(Customer customer, List<String> maskedFields) {
    }

    public static Masked forReader(Customer c, boolean inScope) {
        if (inScope) {
            return new Masked(c, List.of());
        }
        List<String> masked = new ArrayList<>();
        String name = field(PersonalData.CUSTOMER_NAME, c, c.name(), masked);
        String organisation = field(PersonalData.CUSTOMER_ORGANISATION, c, c.organisation(), masked);
        String department = field(PersonalData.CUSTOMER_DEPARTMENT, c, c.department(), masked);
        String email = field(PersonalData.CUSTOMER_EMAIL, c, c.email(), masked);
        String phone = field(PersonalData.CUSTOMER_PHONE, c, c.phone(), masked);
        return new Masked(new Customer(c.id(), c.type(), c.tier(), name, organisation, department, email, phone,
                c.owningRep(), c.createdAt(), c.updatedAt(), c.version()), List.copyOf(masked));
    }

    /**
     * What a reader outside scope sent on an update: each field they saw masked and sent back as they
     * saw it keeps its stored value; a field they typed anew is taken as typed.
     */
    public static CustomerDraft restore(CustomerDraft sent, Customer stored, boolean inScope) {
        if (inScope) {
            return sent;
        }
        return new CustomerDraft(sent.type(), sent.tier(),
                keep(PersonalData.CUSTOMER_NAME, stored, sent.name(), stored.name()),
                keep(PersonalData.CUSTOMER_ORGANISATION, stored, sent.organisation(), stored.organisation()),
                keep(PersonalData.CUSTOMER_DEPARTMENT, stored, sent.department(), stored.department()),
                keep(PersonalData.CUSTOMER_EMAIL, stored, sent.email(), stored.email()),
                keep(PersonalData.CUSTOMER_PHONE, stored, sent.phone(), stored.phone()),
                sent.owningRep());
    }

    /** True when {@code field} of {@code c} is hidden from a reader outside scope. */
    static boolean hidden(PersonalData field, Customer c) {
        return switch (field.exposure()) {
            case IN_SCOPE -> true;
            case PATIENT_IN_SCOPE -> c.type() == CustomerType.PATIENT;
            case ALWAYS, WITH_TICKET, REGULATED_ROLES -> false;
        };
    }

    private static String field(PersonalData field, Customer c, String value, List<String> masked) {
        if (value == null || !hidden(field, c)) {
            return value;
        }
        masked.add(field.code().substring("customer.".length()));
        return mask(field, value);
    }

    private static String keep(PersonalData field, Customer stored, String sent, String storedValue) {
        if (storedValue != null && hidden(field, stored) && Objects.equals(sent, mask(field, storedValue))) {
            return storedValue;
        }
        return sent;
    }

    /** 138****5678 keeps the last four digits; z***@example.com the first letter and the domain; 张* the first character. */
    static String mask(PersonalData field, String value) {
        return switch (field) {
            case CUSTOMER_PHONE -> value.length() <= 4 ? "****" : "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
            case CUSTOMER_EMAIL -> {
                int at = value.indexOf('@');
                yield value.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append) + "***" + (at < 0 ? "" : value.substring(at));
            }
            case CUSTOMER_NAME -> value.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                    StringBuilder::append) + "*";
            default -> "***";
        };
    }
}
