package io.careloop.web.live;

import io.careloop.engine.event.DomainEvent;
import io.careloop.engine.event.DomainEvents;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the engine's ticket events out to the browsers' event streams. A client only hears of
 * tickets its user's data scope covers, and only the number and what happened (it refetches
 * what it may read), never a ticket's text.
 */
public final class LiveEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    private record Listener(User user, SseClient client) {
    }

    private final DomainEvents events;
    private final TicketService tickets;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** Set by the first {@link #listen}: until a browser listens, nobody hears of events and nothing subscribes. */
    private volatile AutoCloseable subscription;
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "careloop-sse-ping");
        t.setDaemon(true);
        return t;
    });

    public LiveEvents(DomainEvents events, TicketService tickets) {
        this.events = events;
        this.tickets = tickets;
    }

    /** Keeps {@code client} open and sends it what {@code user} may see until it disconnects. */
    public void listen(User user, SseClient client) {
        if (started.compareAndSet(false, true)) {
            subscription = events.subscribe(this::onEvent);
            // a comment now and then keeps proxies from closing an idle stream and finds clients that left
            pings.scheduleAtFixedRate(() -> listeners.forEach(l -> send(l, null, null)), 15, 15, TimeUnit.SECONDS);
        }
        Listener l = new Listener(user, client);
        listeners.add(l);
        client.onClose(() -> listeners.remove(l));
        client.keepAlive();
        client.sendEvent("ready", Map.of("user", user.username()));
    }

    /** Tells everyone who may see ticket {@code number} who is viewing it. */
    public void presence(String number, List<String> viewers) {
        broadcast(number, "presence", Map.of("number", number, "viewers", viewers));
    }

    private void onEvent(DomainEvent e) {
        if ("ticket".equals(e.entityType()) && !listeners.isEmpty()) {
            broadcast(e.entityId(), "ticket", Map.of("number", e.entityId(), "type", e.type(),
                    "actor", e.actor() == null ? "" : e.actor()));
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
        pings.shutdownNow();
        AutoCloseable s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
