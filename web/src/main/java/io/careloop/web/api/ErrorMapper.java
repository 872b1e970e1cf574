package io.careloop.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.ForbiddenException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.studio.DeploymentRejectedException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns exceptions into problem+json responses. */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final ObjectMapper json;

    public ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.exception(InvalidInputException.class, (e, ctx) ->
                send(ctx, Problem.of(400, "invalid-input", "Invalid input", e.getMessage(), ctx.path(), e.field())));
        config.routes.exception(BadJson.class, (e, ctx) ->
                send(ctx, Problem.of(400, "invalid-json", "Malformed JSON", e.getMessage(), ctx.path(), e.field())));
        config.routes.exception(ReasonRequiredException.class, (e, ctx) ->
                send(ctx, Problem.of(422, "reason-required", "Reason required", e.getMessage(), ctx.path(), e.field())));
        config.routes.exception(DeploymentRejectedException.class, (e, ctx) ->
                send(ctx, Problem.of(422, "invalid-diagram", "Invalid diagram", e.getMessage(), ctx.path(), null)
                        .withErrors(e.errors())));
        config.routes.exception(NotFoundException.class, (e, ctx) ->
                send(ctx, Problem.of(404, "not-found", "Not found", e.getMessage(), ctx.path(), null)));
        config.routes.exception(ConflictException.class, (e, ctx) ->
                send(ctx, Problem.of(409, "conflict", "Conflict", e.getMessage(), ctx.path(), null)));
        config.routes.exception(ForbiddenException.class, (e, ctx) ->
                send(ctx, Problem.of(403, "forbidden", "Forbidden", e.getMessage(), ctx.path(), null)));
        config.routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"careloop\"");
            }
            send(ctx, Problem.of(e.status(), e.slug(), e.title(), e.getMessage(), ctx.path(), null));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            String slug = e.getStatus() == 413 ? "too-large" : e.getStatus() == 404 ? "not-found" : "http-" + e.getStatus();
            String detail = e.getStatus() == 413 ? "the request body is larger than the server accepts" : e.getMessage();
            send(ctx, Problem.of(e.getStatus(), slug, title(e.getStatus()), detail, ctx.path(), null));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(500, "internal", "Internal error",
                    "the server could not complete the request; it has been logged", ctx.path(), null));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !Problem.CONTENT_TYPE.equals(ctx.contentType())) {
                send(ctx, Problem.of(404, "not-found", "Not found", "no such resource: " + ctx.path(), ctx.path(), null));
            }
        });
        config.routes.error(405, ctx -> send(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path(), ctx.path(), null)));
    }

    private void send(Context ctx, Problem p) {
        try {
            ctx.status(p.status()).contentType(Problem.CONTENT_TYPE).result(json.writeValueAsString(p));
        } catch (JsonProcessingException e) {
            ctx.status(p.status()).result(p.detail());
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            default -> "HTTP " + status;
        };
    }

    /** A body that is not the JSON the route expects, with the field path where reading stopped. */
    public static final class BadJson extends RuntimeException {
        private final String field;

        BadJson(String message, String field) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }

        static BadJson from(JsonProcessingException e) {
            String path = null;
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                path = m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
            }
            if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
                return new BadJson("unknown field '" + path + "'; known fields: " + u.getKnownPropertyIds(), path);
            }
            String msg = e.getOriginalMessage();
            if (msg != null && msg.length() > 300) {
                msg = msg.substring(0, 300) + "…";
            }
            return new BadJson(path == null ? "the body is not valid JSON: " + msg
                    : "field '" + path + "' has the wrong type or format: " + msg, path);
        }
    }
}
