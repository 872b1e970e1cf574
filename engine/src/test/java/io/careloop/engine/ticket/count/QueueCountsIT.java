package io.careloop.engine.ticket.count;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.PageCursor;
import io.careloop.engine.ticket.Priority;
import io.careloop.engine.ticket.QueueCounts;
import io.careloop.engine.ticket.QueueFilter;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketFilters;
import io.careloop.engine.ticket.TicketPage;
import io.careloop.engine.ticket.TicketQuery;
import io.careloop.engine.ticket.TicketScope;
import io.careloop.engine.ticket.TicketSort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queue screen's counts come from V21's roll-up (count rows plus unfolded deltas), not from the
 * tickets: every count must say how many tickets paging the same view to its end lists, before and
 * after the background fold, for a supervisor and for an agent's scope, with and without filters.
 */
class QueueCountsIT {

    private static final String ME = "agent-count";
    private static final Category[] CATEGORIES = {Category.SERVICE_PROCESS, Category.PRODUCT_QUALITY,
            Category.MEDICAL_INQUIRY, Category.CUSTOMER_RELATIONSHIP, Category.MEDICATION_ERROR};
    private static final Severity[] SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH};
    private static final String[] PRODUCTS = {"Amoxil 500", "Lipitor 20", null};

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private static final Map<Kind, Desk> DESKS = new EnumMap<>(Kind.class);

    private record Desk(Customer vip, Customer tierC, List<String> numbers) {
    }

    @OnEveryDatabase
    void everyCountEqualsWhatPagingTheSameViewToItsEndLists(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Desk desk = desk(db);
        // no background fold meanwhile: the first comparison reads counts with delta rows not folded yet
        careLoop.queueCounts().close();
        try {
            careLoop.tickets().claim(desk.numbers().get(0), ME, null);
            careLoop.tickets().reclassify(desk.numbers().get(3), Category.PRODUCT_QUALITY, Severity.MEDIUM,
                    "the pack was damaged", ME, null);

            assertCountsMatchPages(careLoop);
            assertThat(careLoop.queueCounts().fold()).as("delta rows folded").isPositive();
            assertCountsMatchPages(careLoop);
            assertThat(careLoop.queueCounts().fold()).as("nothing left to fold").isZero();
        } finally {
            careLoop.queueCounts().start(java.time.Duration.ofSeconds(2));
        }
    }

    @OnEveryDatabase
    void aTicketWriteMovesTheCountsAtOnceWithoutAFold(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        desk(db);
        careLoop.queueCounts().fold();
        QueueCounts before = careLoop.tickets().queueCounts(ME, TicketScope.ALL);

        String number = careLoop.intake().intake(Drafts.ticket("moves the counts", Category.SERVICE_PROCESS, Severity.LOW),
                "api", Drafts.unique("k"), "count-test").ticket().number();
        QueueCounts opened = careLoop.tickets().queueCounts(ME, TicketScope.ALL);
        careLoop.tickets().claim(number, ME, null);
        QueueCounts claimed = careLoop.tickets().queueCounts(ME, TicketScope.ALL);
        careLoop.tickets().resolve(number, "done", "answered in full", ME, null);
        QueueCounts resolved = careLoop.tickets().queueCounts(ME, TicketScope.ALL);

        assertThat(opened.unassigned()).isEqualTo(before.unassigned() + 1);
        assertThat(claimed.unassigned()).isEqualTo(before.unassigned());
        assertThat(claimed.mine()).isEqualTo(before.mine() + 1);
        assertThat(resolved.mine()).isEqualTo(before.mine());
        assertThat(resolved.byQueue()).isEqualTo(before.byQueue());
        assertCountsMatchPages(careLoop);
    }

    @OnEveryDatabase
    void aCustomersNewTierMovesTheirOpenTicketsToThatTiersCount(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        Desk desk = desk(db);
        QueueFilter vip = new QueueFilter(null, null, null, null, null, Tier.VIP);
        long vipBefore = total(careLoop.tickets().queueCounts(ME, TicketScope.ALL, vip));
        long openOfC = pageAll(careLoop, view(null, null, null, false, new QueueFilter(null, null, null, null, null,
                Tier.C)), TicketScope.ALL).stream().filter(t -> desk.tierC().id().equals(t.customerId())).count();
        assertThat(openOfC).as("open tickets of the tier-C customer").isPositive();

        Customer c = desk.tierC();
        careLoop.customers().update(c.id(), new CustomerDraft(c.type(), Tier.VIP, c.name(), c.organisation(),
                c.department(), c.email(), c.phone(), c.owningRep()), c.version(), "admin");

        assertThat(total(careLoop.tickets().queueCounts(ME, TicketScope.ALL, vip))).isEqualTo(vipBefore + openOfC);
        assertCountsMatchPages(careLoop);
        careLoop.queueCounts().fold();
        assertCountsMatchPages(careLoop);
        // back, so the other tests of this class see the desk they made
        Customer now = careLoop.customers().get(c.id());
        careLoop.customers().update(c.id(), new CustomerDraft(c.type(), Tier.C, c.name(), c.organisation(),
                c.department(), c.email(), c.phone(), c.owningRep()), now.version(), "admin");
        assertCountsMatchPages(careLoop);
    }

    // ---- the desk: open tickets over several queues, agents, SLA states, categories, severities, products, tiers ----

    private static synchronized Desk desk(Kind db) {
        return DESKS.computeIfAbsent(db, k -> makeDesk(careLoops.on(k)));
    }

    private static Desk makeDesk(CareLoop careLoop) {
        Customer vip = careLoop.customers().create(new CustomerDraft(CustomerType.DOCTOR, Tier.VIP, "计数 VIP",
                null, null, Drafts.unique("vip") + "@example.cn", null, null), "admin");
        Customer tierC = careLoop.customers().create(new CustomerDraft(CustomerType.PATIENT, Tier.C, "计数 C",
                null, null, Drafts.unique("c") + "@example.cn", null, null), "admin");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Long customer = i % 3 == 0 ? vip.id() : i % 3 == 1 ? tierC.id() : null;
            TicketDraft draft = new TicketDraft("count " + i, "counted ticket " + i, i % 2 == 0 ? Channel.EMAIL : Channel.PHONE,
                    CATEGORIES[i % CATEGORIES.length], SEVERITIES[i % SEVERITIES.length], customer, null,
                    PRODUCTS[i % PRODUCTS.length], null, null);
            String number = careLoop.intake().intake(draft, "api", Drafts.unique("k"), "count-test").ticket().number();
            numbers.add(number);
            if (i % 4 == 1) {
                careLoop.tickets().claim(number, ME, null);
            } else if (i % 4 == 2) {
                careLoop.tickets().claim(number, "agent-other", null);
            }
            if (i % 7 == 3) {
                careLoop.tickets().slaWarning(number, "resolution");
            }
            if (i % 9 == 4) {
                careLoop.tickets().slaBreached(number, "resolution");
            }
            if (i % 6 == 5) {
                careLoop.tickets().resolve(number, "done", "answered in full", "agent-other", null);
            }
            if (i == 11) {
                careLoop.tickets().reopen(number, "the customer wrote again", "agent-other", null);
            }
            if (i % 10 == 8) {
                careLoop.tickets().reclassify(number, Category.MEDICAL_INQUIRY, Severity.HIGH, "re-read the text", "agent-other",
                        null);
            }
        }
        return new Desk(vip, tierC, numbers);
    }

    // ---- counts against pages ----

    private static void assertCountsMatchPages(CareLoop careLoop) {
        TicketScope agent = new TicketScope(false, List.of("service-desk"), ME, Set.of(Category.MEDICAL_INQUIRY));
        List<QueueFilter> filters = List.of(QueueFilter.NONE,
                new QueueFilter(null, null, Severity.HIGH, null, null, Tier.VIP),
                new QueueFilter(Category.MEDICAL_INQUIRY, null, null, null, "Amoxil 500", null),
                new QueueFilter(null, Priority.HIGH, null, Channel.PHONE, null, null),
                new QueueFilter(null, null, null, null, "Lipitor 20", Tier.C));
        for (TicketScope scope : List.of(TicketScope.ALL, agent)) {
            for (QueueFilter f : filters) {
                QueueCounts c = careLoop.tickets().queueCounts(ME, scope, f);
                String as = "scope " + scope + ", filter " + f + ": ";
                assertThat(c.mine()).as(as + "mine").isEqualTo(pageAll(careLoop, view(null, ME, null, false, f), scope).size());
                assertThat(c.unassigned()).as(as + "unassigned")
                        .isEqualTo(pageAll(careLoop, view(null, null, null, true, f), scope).size());
                assertThat(c.atRisk()).as(as + "at risk")
                        .isEqualTo(pageAll(careLoop, view(null, null, Ticket.AT_RISK, false, f), scope).size());
                assertThat(c.breached()).as(as + "breached")
                        .isEqualTo(pageAll(careLoop, view(null, null, Ticket.BREACHED, false, f), scope).size());
                List<Ticket> all = pageAll(careLoop, view(null, null, null, false, f), scope);
                assertThat(c.byQueue().values().stream().mapToLong(Long::longValue).sum()).as(as + "all queues")
                        .isEqualTo(all.stream().filter(t -> t.queue() != null).count());
                for (String queue : all.stream().map(Ticket::queue).filter(q -> q != null).distinct().toList()) {
                    assertThat(c.byQueue().get(queue)).as(as + "queue " + queue)
                            .isEqualTo(pageAll(careLoop, view(queue, null, null, false, f), scope).size());
                }
            }
        }
    }

    private static TicketQuery view(String queue, String assignee, String sla, boolean unassigned, QueueFilter f) {
        return new TicketQuery(null, queue, assignee, f.priority(), f.category(), null, null, TicketSort.DUE, null, 7, sla,
                new TicketFilters(f.severity(), f.channel(), f.product(), f.tier(), true, unassigned));
    }

    /** Every ticket of the view, following the cursors to the last page. */
    private static List<Ticket> pageAll(CareLoop careLoop, TicketQuery first, TicketScope scope) {
        List<Ticket> seen = new ArrayList<>();
        TicketQuery q = first;
        while (true) {
            TicketPage page = careLoop.tickets().page(q, scope);
            seen.addAll(page.items());
            if (page.next() == null) {
                return seen;
            }
            q = new TicketQuery(q.status(), q.queue(), q.assignee(), q.priority(), q.category(), q.customerId(), q.text(),
                    q.sort(), PageCursor.decode(page.next().encode()), q.limit(), q.slaState(), q.filters());
        }
    }

    private static long total(QueueCounts c) {
        return c.byQueue().values().stream().mapToLong(Long::longValue).sum();
    }
}
