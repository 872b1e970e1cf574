package io.careloop.web.live;

import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiException;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;

/** The browser's live channel: ticket events as server-sent events, and who views a ticket. */
public final class LiveRoutes {

    private static final String EVENT_STREAM = "text/event-stream";

    private final LiveEvents live;

    public LiveRoutes(LiveEvents live) {
        this.live = live;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/events")
                        .summary("Server-sent events: ticket numbers that changed (refetch them) and presence, within the data scope")
                        .access(Access.to(Permission.TICKET_READ)).handle(this::events),
                ApiRoute.post("/api/v1/tickets/{number}/presence")
                        .summary("Heartbeat of an open ticket view; answers who is viewing the ticket, on any node")
                        .access(Access.to(Permission.TICKET_READ)).handle(this::heartbeat));
    }

    private void events(Context ctx, User user) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains(EVENT_STREAM)) {
            throw new ApiException(406, "not-acceptable", "Not acceptable",
                    "this route streams server-sent events: send Accept: text/event-stream");
        }
        new SseHandler(client -> live.listen(user, client)).handle(ctx);
    }

    private void heartbeat(Context ctx, User user) {
        String number = ctx.pathParam("number");
        List<String> viewers = live.heartbeat(number, user.username());
        ctx.json(Map.of("number", number, "viewers", viewers));
    }
}
