package io.careloop.engine.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.ReplyDelivery;
import io.careloop.engine.ticket.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agents' replies through the outbox: written in the reply's transaction, sent after commit by the
 * dispatcher exactly once, retried with back-off and then failed, resent with the same key after a
 * crash left a send unfinished; the state shows on the reply in the timeline.
 */
class OutboxIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    private static final OutboxDispatcher.Policy POLICY =
            new OutboxDispatcher.Policy(3, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10));

    private final List<String> sentKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private CareLoop wired;

    @AfterEach
    void unwire() {
        if (wired != null) {
            wired.tickets().sendRepliesWith(wired.outbox()::enqueue);
        }
    }

    @OnEveryDatabase
    void aReplyGoesOutOnceAfterCommitAndItsStateAndMessageIdAreOnTheTimeline(Kind db) throws InterruptedException {
        OutboxDispatcher outbox = dispatcher(db);
        String number = ticket(db);
        careLoops.on(db).tickets().reply(number, "请按说明书储存。", "ann.agent", null);

        // the commit wakes the dispatcher: no one has to call it
        for (int i = 0; i < 200 && !"sent".equals(delivery(db, number).state()); i++) {
            Thread.sleep(50);
        }
        assertThat(outbox.dispatchDue()).isZero();
        assertThat(sentKeys).hasSize(1);
        ReplyDelivery d = delivery(db, number);
        assertThat(d.state()).isEqualTo("sent");
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.sentAt()).isNotNull();
        assertThat(Rows.string(careLoops.on(db), "SELECT i.external_id FROM interaction i JOIN ticket t ON t.id = i.ticket_id "
                + "WHERE t.number = ? AND i.kind = 'reply'", number)).isEqualTo("<" + sentKeys.get(0) + "@test>");
    }

    @OnEveryDatabase
    void aReplyThatRollsBackIsNeverQueued(Kind db) {
        dispatcher(db);
        String number = ticket(db);
        assertThatThrownBy(() -> careLoops.on(db).tickets().reply(number, "stale", "ann.agent", 999))
                .isInstanceOf(ConflictException.class);
        assertThat(Rows.count(careLoops.on(db), "SELECT COUNT(*) FROM outbound_message WHERE ticket_number = ?", number))
                .isZero();
    }

    @OnEveryDatabase
    void aFailingChannelIsRetriedWithBackOffUntilTheLastAttemptFails(Kind db) {
        OutboxDispatcher outbox = dispatcher(db);
        MutableClock clock = careLoops.clock(db);
        String number = ticket(db);
        failuresLeft.set(100);
        careLoops.on(db).tickets().reply(number, "第一次回复", "ann.agent", null);

        assertThat(outbox.dispatchDue()).isZero();
        ReplyDelivery first = delivery(db, number);
        assertThat(first.state()).isEqualTo("queued");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isEqualTo("smtp down");
        assertThat(first.nextTry()).isEqualTo(clock.instant().plusSeconds(30));
        outbox.dispatchDue();
        assertThat(delivery(db, number).attempts()).as("not due yet").isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        outbox.dispatchDue();
        assertThat(delivery(db, number).nextTry()).as("twice the wait").isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        outbox.dispatchDue();
        ReplyDelivery last = delivery(db, number);
        assertThat(last.state()).isEqualTo("failed");
        assertThat(last.attempts()).isEqualTo(3);
        clock.advance(Duration.ofHours(2));
        assertThat(outbox.dispatchDue()).isZero();
        assertThat(delivery(db, number).attempts()).isEqualTo(3);
    }

    @OnEveryDatabase
    void aSendACrashLeftUnfinishedIsResentAfterTheLeaseWithTheSameKey(Kind db) {
        OutboxDispatcher outbox = dispatcher(db);
        MutableClock clock = careLoops.clock(db);
        CareLoop careLoop = careLoops.on(db);
        String number = ticket(db);
        // the reply was queued and a node claimed it, then died before it could mark it sent
        careLoop.tickets().sendRepliesWith((t, n, interaction, channel) -> t.mapper(OutboxMapper.class).insert(
                new OutboxMessage(null, "crashed-" + interaction, n, interaction, channel, "queued", 0, clock.instant(), null,
                        null, null, clock.instant(), clock.instant(), null, OutboxMessage.REPLY)));
        careLoop.tickets().reply(number, "crash", "ann.agent", null);
        OutboxMessage row = careLoop.transactions().read(s -> s.getMapper(OutboxMapper.class).forTicket(number)).get(0);
        careLoop.transactions().write(t -> t.mapper(OutboxMapper.class).claim(row.id(), "queued", 0, clock.instant()));
        assertThat(delivery(db, number).state()).isEqualTo("sending");

        assertThat(outbox.dispatchDue()).as("within the lease the other node may still be sending").isZero();
        clock.advance(Duration.ofMinutes(11));
        assertThat(outbox.dispatchDue()).isEqualTo(1);
        assertThat(sentKeys).containsExactly(row.idempotencyKey());
        assertThat(delivery(db, number).state()).isEqualTo("sent");
        assertThat(delivery(db, number).attempts()).isEqualTo(2);
    }

    @OnEveryDatabase
    void aReplyOnAChannelNoPluginServesIsRecordedAsNotSent(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String number = ticket(db);
        careLoop.tickets().reply(number, "see you", "ann.agent", null);
        ReplyDelivery d = delivery(db, number);
        assertThat(d.state()).isEqualTo("not-sent");
        assertThat(d.lastError()).isEqualTo("no plugin serves channel email");
    }

    private OutboxDispatcher dispatcher(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        OutboxDispatcher outbox = new OutboxDispatcher(careLoop.transactions(), m -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("smtp down");
            }
            sentKeys.add(m.idempotencyKey());
            return new OutboxDispatcher.Sent("fake", "<" + m.idempotencyKey() + "@test>");
        }, channel -> true, careLoops.clock(db), POLICY);
        careLoop.tickets().sendRepliesWith(outbox::enqueue);
        wired = careLoop;
        return outbox;
    }

    private static String ticket(Kind db) {
        return careLoops.on(db).intake().intake(Drafts.ticket(Drafts.unique("outbox"), Drafts.doctor("周医生",
                Drafts.unique("dr") + "@hospital.cn")), "api", null, "test").ticket().number();
    }

    private static ReplyDelivery delivery(Kind db, String number) {
        return careLoops.on(db).tickets().view(number).timeline().stream().filter(e -> "reply".equals(e.kind()))
                .map(TimelineEntry::delivery).reduce((a, b) -> b).orElseThrow();
    }
}
