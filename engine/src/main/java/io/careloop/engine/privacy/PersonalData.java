package io.careloop.engine.privacy;

import static io.careloop.engine.privacy.DataClass.OPERATIONAL;
import static io.careloop.engine.privacy.DataClass.PERSONAL;
import static io.careloop.engine.privacy.DataClass.SENSITIVE;
import static io.careloop.engine.privacy.DataClass.STAFF;
import static io.careloop.engine.privacy.Exposure.ALWAYS;
import static io.careloop.engine.privacy.Exposure.IN_SCOPE;
import static io.careloop.engine.privacy.Exposure.PATIENT_IN_SCOPE;
import static io.careloop.engine.privacy.Exposure.REGULATED_ROLES;
import static io.careloop.engine.privacy.Exposure.WITH_TICKET;

import java.util.Arrays;
import java.util.List;

/**
 * The classification of the data CareLoop holds: the one place it lives (docs/security.md shows it
 * as a table and a test checks the two agree). {@link CustomerMasking} masks customer fields by
 * their {@link Exposure}; erasure and retention rewrite the fields classed personal or sensitive.
 */
public enum PersonalData {
    CUSTOMER_NAME("customer.name", "customer", PERSONAL, PATIENT_IN_SCOPE),
    CUSTOMER_PHONE("customer.phone", "customer", PERSONAL, IN_SCOPE),
    CUSTOMER_EMAIL("customer.email", "customer", PERSONAL, IN_SCOPE),
    CUSTOMER_ORGANISATION("customer.organisation", "customer", PERSONAL, PATIENT_IN_SCOPE),
    CUSTOMER_DEPARTMENT("customer.department", "customer", PERSONAL, PATIENT_IN_SCOPE),
    /** National ID, insurance or patient numbers: CareLoop has no field for them; they arrive in texts. */
    ID_NUMBERS("text.id-numbers", "ticket subject/description, interaction bodies, audit snapshots and reasons",
            SENSITIVE, REGULATED_ROLES),
    /** Phone numbers and e-mail addresses written into texts (besides the customer's own fields). */
    TEXT_CONTACTS("text.contacts", "ticket subject/description, interaction bodies, audit reasons", PERSONAL,
            REGULATED_ROLES),
    /** Symptoms, conditions, medication, adverse reactions: any ticket text may carry them. */
    HEALTH_DATA("text.health", "ticket subject/description, interaction bodies, survey comments, audit snapshots and reasons",
            SENSITIVE, WITH_TICKET),
    CASE_FACTS("ticket.case-facts", "ticket product, lot, category, severity, queue, status, SLA times", OPERATIONAL, ALWAYS),
    CUSTOMER_PROFILE("customer.profile", "customer type, tier", OPERATIONAL, ALWAYS),
    STAFF_NAMES("staff.names", "app_user, ticket assignee, customer owning rep, audit actor", STAFF, ALWAYS);

    private final String code;
    private final String where;
    private final DataClass dataClass;
    private final Exposure exposure;

    PersonalData(String code, String where, DataClass dataClass, Exposure exposure) {
        this.code = code;
        this.where = where;
        this.dataClass = dataClass;
        this.exposure = exposure;
    }

    public String code() {
        return code;
    }

    public String where() {
        return where;
    }

    public DataClass dataClass() {
        return dataClass;
    }

    public Exposure exposure() {
        return exposure;
    }

    /** The customer fields masked for some readers. */
    public static List<PersonalData> maskedCustomerFields() {
        return Arrays.stream(values()).filter(p -> p.code.startsWith("customer.") && p.exposure != ALWAYS).toList();
    }
}
