package io.careloop.web.live;

import io.careloop.engine.event.DomainEvent;
import io.careloop.engine.event.DomainEvents;
import io.careloop.engine.live.LiveEvent;
import io.careloop.engine.live.LiveFeed;
import io.careloop.engine.live.TicketViewers;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans ticket events and presence out to the browsers' event streams, across nodes: what happens
 * here is sent to this node's browsers at once and appended to the database's live feed; every
 * {@link #POLL_MILLIS} this node reads what the other nodes appended and sends it on. A client
 * only hears of tickets its user's data scope covers, and only the number and what happened (it
 * refetches what it may read), never a ticket's text.
 */
public final class LiveEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    static final long POLL_MILLIS = 500;

    private record Listener(User user, SseClient client) {
    }

    private final DomainEvents events;
    private final TicketService tickets;
    private final LiveFeed feed;
    private final TicketViewers viewers;
    /** This node's name in the live feed and the viewer rows: one per server start. */
    private final String node = UUID.randomUUID().toString();
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile AutoCloseable subscription;
    private volatile long seen;
    /** One thread for the feed's writes and polls and the pings, so nothing waits for the database in a request. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "careloop-live");
        t.setDaemon(true);
        return t;
    });

    public LiveEvents(DomainEvents events, TicketService tickets, LiveFeed feed, TicketViewers viewers) {
        this.events = events;
        this.tickets = tickets;
        this.feed = feed;
        this.viewers = viewers;
    }

    /** Starts hearing this node's events and polling the other nodes' (the server calls it once it runs). */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        seen = feed.lastId();
        subscription = events.subscribe(this::onEvent);
        worker.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        // a comment now and then keeps proxies from closing an idle stream and finds clients that left
        worker.scheduleAtFixedRate(() -> listeners.forEach(l -> send(l, null, null)), 15, 15, TimeUnit.SECONDS);
        worker.scheduleAtFixedRate(this::prune, 1, 1, TimeUnit.MINUTES);
        LOG.info("live events started node={}", node);
    }

    /** Keeps {@code client} open and sends it what {@code user} may see until it disconnects. */
    public void listen(User user, SseClient client) {
        Listener l = new Listener(user, client);
        listeners.add(l);
        client.onClose(() -> listeners.remove(l));
        client.keepAlive();
        client.sendEvent("ready", Map.of("user", user.username()));
    }

    /** A heartbeat of {@code username}'s view of ticket {@code number}; answers everyone viewing it on any node. */
    public List<String> heartbeat(String number, String username) {
        TicketViewers.Heartbeat h = viewers.heartbeat(number, username, node);
        presence(number, h.viewers());
        if (h.arrived()) {
            worker.execute(() -> append(LiveEvent.PRESENCE, number, null, username));
        }
        return h.viewers();
    }

    private void presence(String number, List<String> viewing) {
        broadcast(number, "presence", Map.of("number", number, "viewers", viewing));
    }

    private void onEvent(DomainEvent e) {
        if ("ticket".equals(e.entityType())) {
            String actor = e.actor() == null ? "" : e.actor();
            worker.execute(() -> append(LiveEvent.TICKET, e.entityId(), e.type(), actor));
            ticket(e.entityId(), e.type(), actor);
        }
    }

    private void ticket(String number, String type, String actor) {
        broadcast(number, "ticket", Map.of("number", number, "type", type == null ? "" : type, "actor", actor));
    }

    private void append(String kind, String number, String type, String actor) {
        try {
            feed.append(node, kind, number, type, actor);
        } catch (RuntimeException ex) {
            LOG.warn("live feed append failed node={} ticket={}", node, number, ex);
        }
    }

    /** What the other nodes appended since the last poll, sent to this node's browsers. */
    private void poll() {
        try {
            for (LiveEvent e : feed.othersAfter(seen, node)) {
                seen = Math.max(seen, e.id());
                if (LiveEvent.PRESENCE.equals(e.kind())) {
                    presence(e.ticketNumber(), viewers.viewing(e.ticketNumber()));
                } else {
                    ticket(e.ticketNumber(), e.eventType(), e.actor() == null ? "" : e.actor());
                }
            }
        } catch (RuntimeException ex) {
            LOG.debug("live feed poll failed node={}", node, ex);
        }
    }

    private void prune() {
        try {
            feed.prune();
            viewers.forgetExpired();
        } catch (RuntimeException ex) {
            LOG.debug("live feed prune failed node={}", node, ex);
        }
    }

    private void broadcast(String number, String name, Map<String, Object> data) {
        if (listeners.isEmpty()) {
            return;
        }
        Ticket t = tickets.find(number);
        for (Listener l : listeners) {
            if (Permissions.ticketScope(l.user()).covers(t)) {
                send(l, name, data);
            }
        }
    }

    private void send(Listener l, String name, Object data) {
        try {
            if (l.client().terminated()) {
                listeners.remove(l);
            } else if (name == null) {
                l.client().sendComment("ping");
            } else {
                l.client().sendEvent(name, data);
            }
        } catch (RuntimeException ex) {
            LOG.debug("event stream closed user={}", l.user().username());
            listeners.remove(l);
        }
    }

    @Override
    public void close() throws Exception {
        worker.shutdownNow();
        AutoCloseable s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
