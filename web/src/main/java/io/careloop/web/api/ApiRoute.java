package io.careloop.web.api;

import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;

/**
 * One route of the API: registered with Javalin, documented in the OpenAPI document and walked by
 * the security tests from this one description, so the three cannot drift apart.
 *
 * @param queryParams   names of the query parameters the route reads
 * @param requestSchema the OpenAPI component schema of the JSON body, or null without one
 * @param success       the HTTP status of a successful call
 */
public record ApiRoute(HandlerType method, String path, String summary, Access access, List<String> queryParams,
                       String requestSchema, int success, ApiHandler handler) {

    public ApiRoute {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(access);
        Objects.requireNonNull(handler);
        queryParams = List.copyOf(queryParams);
    }

    public static Builder get(String path) {
        return new Builder(HandlerType.GET, path);
    }

    public static Builder post(String path) {
        return new Builder(HandlerType.POST, path);
    }

    public static Builder put(String path) {
        return new Builder(HandlerType.PUT, path);
    }

    public static Builder patch(String path) {
        return new Builder(HandlerType.PATCH, path);
    }

    public static Builder delete(String path) {
        return new Builder(HandlerType.DELETE, path);
    }

    /** True for methods that change state: they need a CSRF token when made with a session cookie. */
    public boolean changesState() {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    /** Reads a route declaration in the order a reader scans it: method, path, what, who, handler. */
    public static final class Builder {
        private final HandlerType method;
        private final String path;
        private String summary = "";
        private Access access = Access.ANY_USER;
        private List<String> queryParams = List.of();
        private String requestSchema;
        private int success = 200;

        private Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder summary(String s) {
            this.summary = s;
            return this;
        }

        public Builder access(Access a) {
            this.access = a;
            return this;
        }

        public Builder query(String... names) {
            this.queryParams = List.of(names);
            return this;
        }

        public Builder body(String schema) {
            this.requestSchema = schema;
            return this;
        }

        public Builder success(int status) {
            this.success = status;
            return this;
        }

        public ApiRoute handle(ApiHandler handler) {
            return new ApiRoute(method, path, summary, access, queryParams, requestSchema, success, handler);
        }
    }
}
