package io.careloop.web.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A browser's server-sent event stream (GET /api/v1/events) read line by line; close it when done. */
public final class EventStream implements AutoCloseable {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<?> handle;

    private EventStream(URI base, String sessionId) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/events"))
                .header("Accept", "text/event-stream")
                .header("Cookie", ApiClient.SESSION_COOKIE + "=" + sessionId).build();
        handle = HttpClient.newHttpClient().sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    lines.add("status " + r.statusCode());
                    try (Stream<String> body = r.body()) {
                        body.forEach(lines::add);
                    }
                });
    }

    /** The stream of the server at {@code base} for the session {@code sessionId}. */
    public static EventStream open(URI base, String sessionId) {
        return new EventStream(base, sessionId);
    }

    /** The lines read until one contains {@code wanted} (that one last); fails after 20 seconds without. */
    public List<String> until(String wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(wanted)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no line with " + wanted + " in " + seen);
    }

    @Override
    public void close() {
        handle.cancel(true);
    }
}
