package io.careloop.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workspace's cluster tables (V18): viewers of a ticket and the live feed, on H2 and PostgreSQL. */
class LiveTablesIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void viewersOfEveryNodeAreListedUntilTheirHeartbeatExpires(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        TicketViewers viewers = new TicketViewers(careLoop.transactions(), clock);
        String ticket = Drafts.unique("CL-V");

        assertThat(viewers.heartbeat(ticket, "wang", "node-b").arrived()).isTrue();
        TicketViewers.Heartbeat li = viewers.heartbeat(ticket, "li", "node-a");
        assertThat(li.viewers()).containsExactly("li", "wang");
        assertThat(viewers.heartbeat(ticket, "li", "node-a").arrived()).isFalse();

        clock.advance(TicketViewers.TTL.minusSeconds(5));
        viewers.heartbeat(ticket, "li", "node-a");
        clock.advance(Duration.ofSeconds(10));
        assertThat(viewers.viewing(ticket)).containsExactly("li");
        clock.advance(TicketViewers.TTL.multipliedBy(3));
        assertThat(viewers.viewing(ticket)).isEmpty();
        assertThat(viewers.forgetExpired()).isGreaterThanOrEqualTo(2);
    }

    @OnEveryDatabase
    void aNodeReadsWhatTheOtherNodesAppendedAfterTheLastRowItSaw(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        LiveFeed feed = new LiveFeed(careLoop.transactions(), clock);
        String ticket = Drafts.unique("CL-F");
        long before = feed.lastId();

        feed.append("node-a", LiveEvent.TICKET, ticket, "ticket.claimed", "li");
        feed.append("node-b", LiveEvent.PRESENCE, ticket, null, "wang");

        assertThat(feed.othersAfter(before, "node-b")).singleElement().satisfies(e -> {
            assertThat(e.ticketNumber()).isEqualTo(ticket);
            assertThat(e.eventType()).isEqualTo("ticket.claimed");
            assertThat(e.actor()).isEqualTo("li");
        });
        long last = feed.lastId();
        assertThat(feed.othersAfter(before, "node-a")).extracting(LiveEvent::kind).containsExactly(LiveEvent.PRESENCE);
        assertThat(feed.othersAfter(last, "node-c")).isEmpty();

        clock.advance(LiveFeed.KEEP.plusMinutes(1));
        assertThat(feed.prune()).isGreaterThanOrEqualTo(2);
        assertThat(feed.othersAfter(before, "node-c")).isEmpty();
    }
}
