package io.careloop.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The checks every error answer must pass: RFC 9457 problem+json with a status and a detail. */
public final class Problems {

    public static final String TYPE_BASE = "https://careloop.io/problems/";

    private Problems() {
    }

    /** Asserts {@code r} is a problem with {@code status}; answers its JSON for further checks. */
    public static JsonNode assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).as("status field of %s", r).isEqualTo(status);
        assertThat(p.path("type").asText()).as("type of %s", r).startsWith(TYPE_BASE);
        assertThat(p.path("title").asText()).as("title of %s", r).isNotBlank();
        assertThat(p.path("detail").asText()).as("detail of %s", r).isNotBlank();
        return p;
    }

    /** Asserts a 400 invalid-input problem that names {@code field}. */
    public static JsonNode assertInvalid(ApiClient.Response r, String field) {
        JsonNode p = assertProblem(r, 400);
        assertThat(p.path("field").asText()).as("field of %s", r).isEqualTo(field);
        return p;
    }
}
