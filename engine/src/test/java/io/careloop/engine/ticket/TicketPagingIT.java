package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queue pages: keyset pagination over our ticket table. The tests read the same 25 tickets of one
 * customer, made once per database; filtering by that customer keeps other tickets out of the pages.
 */
class TicketPagingIT {

    private static final int TICKETS = 25;
    private static final int LIMIT = 7;
    private static final Category[] CATEGORIES = {Category.SERVICE_PROCESS, Category.PRODUCT_QUALITY,
            Category.MEDICAL_INQUIRY, Category.ADVERSE_EVENT, Category.CUSTOMER_RELATIONSHIP};
    private static final Severity[] SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH};

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    /** The tickets every test pages through, made on first use per database; the tests only read them. */
    private static final Map<Kind, List<Ticket>> TICKETS_ON = new EnumMap<>(Kind.class);

    @OnEveryDatabase
    void pagingByDueTimeVisitsEveryTicketOnceSoonestFirst(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);

        List<List<Ticket>> pages = pages(careLoop, query(tickets, TicketSort.DUE));

        assertThat(pages).hasSize(4).allSatisfy(p -> assertThat(p.size()).isLessThanOrEqualTo(LIMIT));
        List<Ticket> seen = pages.stream().flatMap(List::stream).toList();
        assertThat(seen).extracting(Ticket::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tickets.stream().map(Ticket::id).toList());
        assertThat(seen).isSortedAccordingTo(Comparator.comparing(Ticket::resolutionDue).thenComparing(Ticket::id));
        // several tickets share a due time: the id breaks the tie, so none is skipped or repeated at a page boundary
        assertThat(seen.stream().map(Ticket::resolutionDue).distinct().count()).isLessThan(TICKETS);
    }

    @OnEveryDatabase
    void pagingByCreationVisitsEveryTicketOnceNewestFirst(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);

        List<List<Ticket>> pages = pages(careLoop, query(tickets, TicketSort.CREATED));

        assertThat(pages).hasSize(4);
        List<Ticket> seen = pages.stream().flatMap(List::stream).toList();
        assertThat(seen).extracting(Ticket::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tickets.stream().map(Ticket::id).toList());
        assertThat(seen).isSortedAccordingTo(Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id).reversed());
        assertThat(seen.stream().map(Ticket::createdAt).distinct().count()).isLessThan(TICKETS);
    }

    @OnEveryDatabase
    void everyFilterKeepsExactlyTheMatchingTickets(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);
        long customer = tickets.get(0).customerId();

        assertFilter(careLoop, tickets, q(customer, null, "pharmacovigilance", null, null, null, null),
                t -> "pharmacovigilance".equals(t.queue()));
        assertFilter(careLoop, tickets, q(customer, TicketStatus.OPEN, null, null, null, null, null),
                t -> t.status() == TicketStatus.OPEN);
        assertFilter(careLoop, tickets, q(customer, TicketStatus.RESOLVED, null, null, null, null, null),
                t -> t.status() == TicketStatus.RESOLVED);
        assertFilter(careLoop, tickets, q(customer, null, null, "agent-a", null, null, null),
                t -> "agent-a".equals(t.assignee()));
        assertFilter(careLoop, tickets, q(customer, null, null, null, Priority.URGENT, null, null),
                t -> t.priority() == Priority.URGENT);
        assertFilter(careLoop, tickets, q(customer, null, null, null, null, Category.PRODUCT_QUALITY, null),
                t -> t.category() == Category.PRODUCT_QUALITY);
        assertFilter(careLoop, tickets, q(customer, TicketStatus.OPEN, "service-desk", "agent-a", null, null, null),
                t -> t.status() == TicketStatus.OPEN && "service-desk".equals(t.queue()) && "agent-a".equals(t.assignee()));
        // the customer alone: all of them, and another customer's tickets stay out
        assertFilter(careLoop, tickets, q(customer, null, null, null, null, null, null), t -> true);
    }

    @OnEveryDatabase
    void openOnlyPagesVisitEveryOpenTicketOnceInOrderAcrossTheOpenStatuses(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);
        long customer = tickets.get(0).customerId();
        Predicate<Ticket> open = t -> t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED;
        // the open ones are in two statuses (new, and open once claimed): the page is a union of one branch per status
        assertThat(tickets.stream().filter(open).map(Ticket::status).distinct()).hasSizeGreaterThan(1);

        for (TicketSort sort : TicketSort.values()) {
            List<Ticket> seen = pages(careLoop, new TicketQuery(null, null, null, null, null, customer, null, sort, null, LIMIT,
                    null, new TicketFilters(null, null, null, null, true, false))).stream().flatMap(List::stream).toList();
            assertThat(seen).extracting(Ticket::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(tickets.stream().filter(open).map(Ticket::id).toList());
            Comparator<Ticket> order = sort == TicketSort.DUE
                    ? Comparator.comparing(Ticket::resolutionDue).thenComparing(Ticket::id)
                    : Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id).reversed();
            assertThat(seen).isSortedAccordingTo(order);
        }
        // all open tickets with no narrowing filter (a supervisor's view; on H2 the page names its index): the whole
        // database's open tickets, each once, soonest due first, this test's among them
        List<Ticket> everyOpen = pages(careLoop, new TicketQuery(null, null, null, null, null, null, null, TicketSort.DUE, null,
                LIMIT, null, new TicketFilters(null, null, null, null, true, false))).stream().flatMap(List::stream).toList();
        assertThat(everyOpen).extracting(Ticket::id).doesNotHaveDuplicates()
                .containsAll(tickets.stream().filter(open).map(Ticket::id).toList());
        assertThat(everyOpen).allMatch(open)
                .isSortedAccordingTo(Comparator.comparing(Ticket::resolutionDue).thenComparing(Ticket::id));
        assertFilter(careLoop, tickets, new TicketQuery(null, null, "agent-a", null, null, customer, null, TicketSort.DUE, null,
                LIMIT, null, new TicketFilters(null, null, null, null, true, false)), open.and(t -> "agent-a".equals(t.assignee())));
        assertFilter(careLoop, tickets, new TicketQuery(null, null, null, null, null, customer, null, TicketSort.DUE, null,
                LIMIT, null, new TicketFilters(null, null, null, null, true, true)), open.and(t -> t.assignee() == null));
    }

    @OnEveryDatabase
    void textSearchFindsSubstringsInSubjectAndDescriptionChineseIncluded(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);
        long customer = tickets.get(0).customerId();

        assertThat(texts(careLoop, customer, "皮疹")).containsExactlyInAnyOrder("ticket 3", "ticket 4");
        assertThat(texts(careLoop, customer, "RASH after")).containsExactlyInAnyOrder("Rash after dose 8");
        assertThat(texts(careLoop, customer, "  破损 ")).containsExactlyInAnyOrder("包装破损 ticket 9");
    }

    @OnEveryDatabase
    void percentAndUnderscoreInTheSearchTextAreLiteralsNotWildcards(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);
        long customer = tickets.get(0).customerId();

        // "100%" as a wildcard would also find "100xoff"; "%_off" would also find "%xoff"
        assertThat(texts(careLoop, customer, "100%")).containsExactlyInAnyOrder("ticket 5", "ticket 7");
        assertThat(texts(careLoop, customer, "%_off")).containsExactly("ticket 5");
        assertThat(texts(careLoop, customer, "a\\b")).containsExactly("ticket 10");
    }

    @OnEveryDatabase
    void aCursorFromAnotherSortOrderIsRefused(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        List<Ticket> tickets = twentyFiveTickets(db);
        TicketPage firstByDue = careLoop.tickets().page(query(tickets, TicketSort.DUE));
        String cursor = firstByDue.next().encode();

        assertThatThrownBy(() -> careLoop.tickets().page(new TicketQuery(null, null, null, null, null,
                tickets.get(0).customerId(), null, TicketSort.CREATED, PageCursor.decode(cursor), LIMIT)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> PageCursor.decode("not-a-cursor"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    // ---- the tickets: one customer's; ticket i and i + 15 share category, severity and receipt, so their due time ----

    private static synchronized List<Ticket> twentyFiveTickets(Kind db) {
        return TICKETS_ON.computeIfAbsent(db, k -> makeTickets(careLoops.on(k), careLoops.clock(k)));
    }

    private static List<Ticket> makeTickets(CareLoop careLoop, MutableClock clock) {
        Customer customer = careLoop.customers().create(Drafts.doctor("分页 Paging", Drafts.unique("paging") + "@example.cn"),
                "admin");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            if (i % 2 == 0) {
                clock.advance(Duration.ofMinutes(1)); // pairs of tickets share a creation time
            }
            TicketDraft draft = new TicketDraft(subject(i), description(i), Channel.EMAIL,
                    CATEGORIES[i % CATEGORIES.length], SEVERITIES[i % SEVERITIES.length], customer.id(), null, null,
                    null, CareLoops.START.minus(Duration.ofHours(i % 5)));
            String number = careLoop.intake().intake(draft, "api", Drafts.unique("k"), "paging-test").ticket().number();
            if (i % 4 == 0) {
                careLoop.tickets().claim(number, "agent-a", null);
            }
            if (i % 8 == 0) {
                careLoop.tickets().resolve(number, "done", "agent-a", null);
            }
            numbers.add(number);
        }
        // another customer's tickets, alike in every other way, must never show up in these pages
        Customer other = careLoop.customers().create(Drafts.doctor("别人 Other", Drafts.unique("other") + "@example.cn"),
                "admin");
        for (int i = 3; i < 6; i++) {
            careLoop.intake().intake(new TicketDraft(subject(i), description(i), Channel.EMAIL,
                    CATEGORIES[i % CATEGORIES.length], SEVERITIES[i % SEVERITIES.length], other.id(), null, null, null,
                    CareLoops.START), "api", Drafts.unique("k"), "paging-test");
        }
        return numbers.stream().map(careLoop.tickets()::find).toList();
    }

    private static String subject(int i) {
        return switch (i) {
            case 8 -> "Rash after dose 8";
            case 9 -> "包装破损 ticket 9";
            default -> "ticket " + i;
        };
    }

    private static String description(int i) {
        return switch (i) {
            case 3 -> "患者出现皮疹，已停药";
            case 4 -> "皮疹 again";
            case 5 -> "coupon 100%_off";
            case 6 -> "coupon 100xoff";
            case 7 -> "coupon 100%xoff";
            case 10 -> "path a\\b";
            default -> "nothing special " + i;
        };
    }

    // ---- paging ----

    private static TicketQuery query(List<Ticket> tickets, TicketSort sort) {
        return new TicketQuery(null, null, null, null, null, tickets.get(0).customerId(), null, sort, null, LIMIT);
    }

    private static TicketQuery q(long customerId, TicketStatus status, String queue, String assignee, Priority priority,
                                 Category category, String text) {
        return new TicketQuery(status, queue, assignee, priority, category, customerId, text, TicketSort.DUE, null, LIMIT);
    }

    /** Follows the cursors from the first page to the last. */
    private static List<List<Ticket>> pages(CareLoop careLoop, TicketQuery first) {
        List<List<Ticket>> pages = new ArrayList<>();
        TicketQuery q = first;
        while (true) {
            TicketPage page = careLoop.tickets().page(q);
            pages.add(page.items());
            if (page.next() == null) {
                return pages;
            }
            // the client hands the cursor back as the opaque string it was given
            PageCursor after = PageCursor.decode(page.next().encode());
            q = new TicketQuery(q.status(), q.queue(), q.assignee(), q.priority(), q.category(), q.customerId(), q.text(),
                    q.sort(), after, q.limit(), q.slaState(), q.filters());
            assertThat(pages).as("pages before the cursor loops").hasSizeLessThan(TICKETS);
        }
    }

    private static void assertFilter(CareLoop careLoop, List<Ticket> tickets, TicketQuery query, Predicate<Ticket> matches) {
        List<Long> expected = tickets.stream().filter(matches).map(Ticket::id).toList();
        List<Ticket> found = pages(careLoop, query).stream().flatMap(List::stream).toList();
        assertThat(expected).as("tickets the filter should keep").isNotEmpty();
        assertThat(found).extracting(Ticket::id).as("filter %s", query).containsExactlyInAnyOrderElementsOf(expected);
        Set<Long> distinct = new HashSet<>(found.stream().map(Ticket::id).toList());
        assertThat(distinct).hasSameSizeAs(found);
    }

    private static List<String> texts(CareLoop careLoop, long customerId, String text) {
        return pages(careLoop, q(customerId, null, null, null, null, null, text)).stream()
                .flatMap(List::stream).map(Ticket::subject).toList();
    }
}
