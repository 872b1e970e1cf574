package io.careloop.web.api;

/** An error the web layer itself raises (authentication, CSRF, unreadable request). */
public class ApiException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final java.util.Map<String, String> headers;

    public ApiException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, java.util.Map.of());
    }

    public ApiException(int status, String slug, String title, String detail, java.util.Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.headers = java.util.Map.copyOf(headers);
    }

    /** 429 with Retry-After in whole seconds (at least one). */
    public static ApiException tooManyRequests(String detail, java.time.Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        return new ApiException(429, "too-many-requests", "Too many requests", detail,
                java.util.Map.of("Retry-After", String.valueOf(seconds)));
    }

    /** Headers the answer carries besides the problem body. */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Authentication required", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
