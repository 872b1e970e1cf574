package io.careloop.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.error.InvalidInputException;
import io.javalin.http.Context;

/** Reads request bodies and parameters, turning every malformation into a 400 that names the field. */
public final class Requests {

    /** Deepest nesting of objects and arrays a request body may have: ours need 3; a hostile one wants thousands. */
    public static final int MAX_DEPTH = 32;

    private final ObjectMapper json;

    public Requests(ObjectMapper json) {
        // a copy: the limits apply to what clients send, not to what CareLoop reads back from its own tables
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    /** The JSON body as {@code type}; an empty body is an error. */
    public <T> T body(Context ctx, Class<T> type) {
        return parse(ctx.body(), type);
    }

    /** A request body as {@code type}: the value, or an InvalidInputException or BadJson (a 400), nothing else. */
    public <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("body", "a JSON object is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ErrorMapper.BadJson.from(e);
        }
    }

    /** The JSON body as {@code type}, or {@code fallback} when the request has no body. */
    public <T> T optionalBody(Context ctx, Class<T> type, T fallback) {
        String body = ctx.body();
        return body == null || body.isBlank() ? fallback : body(ctx, type);
    }

    public static Long longParam(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number, got '" + value + "'");
        }
    }

    public static int intParam(String value, String field, int fallback) {
        Integer v = intParam(value, field);
        return v == null ? fallback : v;
    }

    /** A whole number that fits an int (never wrapped), or null when absent. */
    public static Integer intParam(String value, String field) {
        Long v = longParam(value, field);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, field + " is out of range, got '" + value + "'");
        }
        return v.intValue();
    }

    /**
     * The version the client last saw: the body's {@code version} field, else an {@code If-Match}
     * header ({@code "3"} or {@code W/"3"}); null when the client sent neither.
     */
    public static Integer expectedVersion(Context ctx, Integer fromBody) {
        if (fromBody != null) {
            return fromBody;
        }
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must carry the version as a number, got " + ifMatch);
        }
    }
}
