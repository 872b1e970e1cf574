package io.careloop.web.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;

/** Multipart uploads as a browser form or curl -F sends them, with a bearer token (plugin and crash tests). */
public final class Uploads {

    public record Answer(int status, String body, JsonNode json) {
    }

    private Uploads() {
    }

    public static Answer post(URI base, String path, String token, String fileName, byte[] content, String preset)
            throws IOException, InterruptedException {
        io.careloop.web.testing.Multipart form = new io.careloop.web.testing.Multipart();
        if (preset != null) {
            form.field("preset", preset);
        }
        io.careloop.web.testing.Multipart.Answer a = form.file("file", fileName, "text/csv", content).post(base, path, token);
        JsonNode json = a.body() == null || a.body().isBlank() ? null : new ObjectMapper().readTree(a.body());
        return new Answer(a.status(), a.body(), json);
    }
}
