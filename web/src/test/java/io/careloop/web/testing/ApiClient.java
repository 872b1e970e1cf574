package io.careloop.web.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Speaks HTTP to a running CareLoop the way a real client does: a browser session (cookie plus the
 * CSRF token the login answered), an API token (Bearer), or nothing at all. Bodies are JSON.
 */
public final class ApiClient {

    public static final String SESSION_COOKIE = "careloop_session";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final ObjectMapper json;
    private String sessionId;
    private String csrfToken;
    private String bearer;

    public ApiClient(URI base, ObjectMapper json) {
        this.base = base;
        this.json = json;
    }

    /** Another client of the same server with no credentials. */
    public ApiClient anonymous() {
        return new ApiClient(base, json);
    }

    /** Another client of the same server that sends {@code Authorization: Bearer token}. */
    public ApiClient withToken(String token) {
        ApiClient c = new ApiClient(base, json);
        c.bearer = token;
        return c;
    }

    /** Signs in; on success keeps the session cookie and the CSRF token for the next requests. */
    public Response login(String username, String password) {
        Response r = post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (r.status() == 200) {
            sessionId = r.cookie(SESSION_COOKIE);
            csrfToken = r.json().path("csrfToken").asText(null);
        }
        return r;
    }

    /** Signs in and fails the test when that does not work. */
    public ApiClient loggedIn(String username, String password) {
        Response r = login(username, password);
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return this;
    }

    public String sessionId() {
        return sessionId;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Sends {@code id} as the session cookie from now on (to replay an old or a foreign session). */
    public ApiClient useSession(String id, String csrf) {
        this.sessionId = id;
        this.csrfToken = csrf;
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /**
     * Sends one request. {@code body} is serialised as JSON unless it is a String, which is sent as
     * it is (for malformed bodies), or a byte[], which is streamed without a Content-Length (chunked,
     * as a client that does not know the size sends it). A session client adds the cookie and, unless {@code headers}
     * names X-CSRF-Token itself (null value = leave it out), the CSRF token.
     */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        String text = body == null || body instanceof byte[] ? null : body instanceof String s ? s : write(body);
        if (body instanceof byte[] bytes) {
            b.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        } else {
            b.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header("Accept", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (sessionId != null) {
            b.header("Cookie", SESSION_COOKIE + "=" + sessionId);
            if (csrfToken != null && !headers.containsKey("X-CSRF-Token") && !"GET".equals(method)) {
                b.header("X-CSRF-Token", csrfToken);
            }
        }
        headers.forEach((k, v) -> {
            if (v != null) {
                b.header(k, v);
            }
        });
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method, path, r.statusCode(), r.headers().map(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A query string from name/value pairs, URL-encoded; null values are left out. */
    public static String query(String path, String... nameValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                m.put(nameValues[i], nameValues[i + 1]);
            }
        }
        if (m.isEmpty()) {
            return path;
        }
        return path + "?" + m.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One answer: status, headers (names lower-case) and the body as text and as JSON. */
    public record Response(String method, String path, int status, Map<String, List<String>> headers, String body,
                           ObjectMapper mapper) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst().orElse(null);
        }

        public List<String> headerValues(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        /** The Set-Cookie line that sets {@code name}, or null. */
        public String setCookie(String name) {
            return headerValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .findFirst().orElse(null);
        }

        /** The value a Set-Cookie line gives {@code name}, or null. */
        public String cookie(String name) {
            String line = setCookie(name);
            if (line == null) {
                return null;
            }
            String pair = line.split(";", 2)[0];
            return pair.substring(name.length() + 1);
        }

        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return method + " " + path + " -> " + status + " " + shown;
        }
    }
}
