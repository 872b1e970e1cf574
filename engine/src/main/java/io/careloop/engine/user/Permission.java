package io.careloop.engine.user;

import static io.careloop.engine.user.Role.ADMIN;
import static io.careloop.engine.user.Role.AGENT;
import static io.careloop.engine.user.Role.INTEGRATOR;
import static io.careloop.engine.user.Role.SPECIALIST;
import static io.careloop.engine.user.Role.SUPERVISOR;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permission matrix: every action a route or a service guards, with the roles that may take it.
 * This enum is the one place the matrix lives (docs/security.md shows it as a table, and a test
 * checks the two agree); the data scope within a permission is in {@link Permissions}.
 */
public enum Permission {
    /** One's own profile, session and API tokens. */
    SELF("self", AGENT, SUPERVISOR, SPECIALIST, INTEGRATOR, ADMIN),
    /** Open a ticket (integrations do, through API tokens). */
    TICKET_CREATE("ticket.create", AGENT, SUPERVISOR, SPECIALIST, INTEGRATOR, ADMIN),
    /** Read tickets, queues and their live events, within the data scope. */
    TICKET_READ("ticket.read", AGENT, SUPERVISOR, SPECIALIST, ADMIN),
    /** Claim, reply, note, reclassify, resolve, reopen, close, wait, resume, escalate, within the data scope. */
    TICKET_WORK("ticket.work", AGENT, SUPERVISOR, SPECIALIST, ADMIN),
    /** List who may be given a ticket (the workspace's assignee picker): a supervisor's decision. */
    TICKET_ASSIGN("ticket.assign", SUPERVISOR, ADMIN),
    CUSTOMER_READ("customer.read", AGENT, SUPERVISOR, SPECIALIST, ADMIN),
    CUSTOMER_WRITE("customer.write", AGENT, SUPERVISOR, ADMIN),
    CUSTOMER_DELETE("customer.delete", SUPERVISOR, ADMIN),
    /** Answer a person's access request: everything held about them as JSON. */
    PERSONAL_DATA_EXPORT("personal-data.export", SUPERVISOR, ADMIN),
    /** Pseudonymise a person (their regulated records stay). */
    PERSONAL_DATA_ERASE("personal-data.erase", ADMIN),
    /** Verify the audit chain, run the retention purge. */
    AUDIT("audit", SUPERVISOR, ADMIN),
    USER_ADMIN("user.admin", ADMIN),
    /** Take an online backup of the embedded database. */
    BACKUP("backup", ADMIN),
    PLUGIN_READ("plugin.read", INTEGRATOR, ADMIN),
    /** Install, configure, start, stop plugins; replay quarantined items. */
    PLUGIN_MANAGE("plugin.manage", INTEGRATOR, ADMIN),
    /** Review a possible adverse event and work the adverse-event case (pharmacovigilance). */
    PHARMACOVIGILANCE("pharmacovigilance", SPECIALIST, SUPERVISOR, ADMIN),
    /** Work the product-quality complaint: sample return, quality investigation, CAPA. */
    QUALITY("quality", SPECIALIST, SUPERVISOR, ADMIN),
    /** Record a customer's survey response (integrations import them too). */
    SURVEY_RECORD("survey.record", AGENT, SUPERVISOR, INTEGRATOR, ADMIN),
    /** Record the follow-up call (回访) the feedback loop asks of a supervisor. */
    FOLLOW_UP("follow-up", SUPERVISOR, ADMIN),
    /** Business calendars (working hours, holidays, make-up days) behind the SLA clocks. */
    CALENDAR_MANAGE("calendar.manage", SUPERVISOR, ADMIN),
    /**
     * KPIs, their exports and the tickets behind them (docs/reports.md). Not agents or specialists:
     * the numbers compare teams and agents, which is a supervisor's view (docs/security.md).
     */
    REPORT_READ("report.read", SUPERVISOR, ADMIN),
    /** The weekly reports' schedules: who gets which KPIs by e-mail, and their deliveries (docs/reports.md). */
    REPORT_SCHEDULE("report.schedule", SUPERVISOR, ADMIN),
    PROCESS_READ("process.read", SUPERVISOR, SPECIALIST, ADMIN),
    PROCESS_EDIT("process.edit", SUPERVISOR, ADMIN);

    private final String code;
    private final Set<Role> roles;

    Permission(String code, Role first, Role... more) {
        this.code = code;
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** The name used in docs/security.md and in 403 answers. */
    public String code() {
        return code;
    }

    /** The roles holding this permission. */
    public Set<Role> roles() {
        return roles;
    }

    public boolean grantedTo(User user) {
        return user.hasAny(roles);
    }

    public static Permission fromCode(String code) {
        for (Permission p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no permission " + code);
    }
}
