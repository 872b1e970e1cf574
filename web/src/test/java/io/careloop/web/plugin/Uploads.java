package io.careloop.web.plugin;

import io.careloop.web.testing.Multipart;
import java.net.URI;

/** A file upload to an import route as a browser form or curl -F sends it, with a bearer token (plugin and crash tests). */
public final class Uploads {

    private Uploads() {
    }

    public static Multipart.Answer post(URI base, String path, String token, String fileName, byte[] content, String preset) {
        Multipart form = new Multipart();
        if (preset != null) {
            form.field("preset", preset);
        }
        return form.file("file", fileName, "text/csv", content).post(base, path, token);
    }
}
