package io.careloop.web.ui;

import io.careloop.web.api.ApiException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The agent workspace: the single-page app Vite builds from web/frontend into the classpath's
 * {@code /app}. Hashed assets are cached for a year; index.html is revalidated, and every path
 * that is no file and no API route answers index.html so the app's own routes survive a reload.
 */
public final class AgentWorkspace {

    private static final String ROOT = "/app";

    private AgentWorkspace() {
    }

    /** Serves the app when the build put it on the classpath (a build with -Dskip.npm has none). */
    public static void register(JavalinConfig config) {
        String index = read(ROOT + "/index.html");
        if (index == null) {
            return;
        }
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/assets";
            sf.directory = ROOT + "/assets";
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
        });
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = ROOT;
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "no-cache");
        });
        config.spaRoot.addHandler("/", ctx -> {
            if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/assets/")) {
                throw new ApiException(404, "not-found", "Not found", "no route " + ctx.path());
            }
            ctx.header("Cache-Control", "no-cache").html(index);
        });
    }

    private static String read(String resource) {
        try (InputStream in = AgentWorkspace.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
