package io.careloop.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: every error the API answers has this shape, served as
 * {@code application/problem+json}.
 *
 * @param type   a URI naming the kind of problem
 * @param field  the request field at fault, for invalid input
 * @param errors every error, where one request has several (a refused deployment: file, element id, rule)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      java.util.List<?> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String BASE = "https://careloop.io/problems/";

    public static Problem of(int status, String slug, String title, String detail, String instance, String field) {
        return new Problem(BASE + slug, title, status, detail, instance, field, null);
    }

    /** A problem listing several errors at once (e.g. every error of a refused deployment). */
    public Problem withErrors(java.util.List<?> list) {
        return new Problem(type, title, status, detail, instance, field, java.util.List.copyOf(list));
    }
}
