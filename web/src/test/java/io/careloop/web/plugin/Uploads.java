package io.careloop.web.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Multipart uploads as a browser form or curl -F sends them, with a bearer token (plugin and crash tests). */
public final class Uploads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Answer(int status, String body, JsonNode json) {
    }

    private Uploads() {
    }

    public static Answer post(URI base, String path, String token, String fileName, byte[] content, String preset)
            throws IOException, InterruptedException {
        String boundary = "----careloop" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (preset != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"preset\"\r\n\r\n" + preset + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = r.body() == null || r.body().isBlank() ? null : new ObjectMapper().readTree(r.body());
        return new Answer(r.statusCode(), r.body(), json);
    }
}
