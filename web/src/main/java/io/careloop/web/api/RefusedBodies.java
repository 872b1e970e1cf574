package io.careloop.web.api;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards the body of a request the server refuses before its handler ran (401, 403,
 * 404 of the data scope).
 *
 * <p>HTTP/1.1 lets a server answer before it has read the request. Jetty then closes the
 * connection, and a client that is still writing its body (a multipart upload, say) sees a reset
 * or "broken pipe" instead of the answer. Draining a bounded body first makes the refusal reach
 * the client. A body declared larger than the bound is not read: the answer is sent and the
 * connection closed, as before, so a refused client cannot make the server read without limit.
 */
public final class RefusedBodies {

    private RefusedBodies() {
    }

    /** Discards at most {@code limit} bytes of the request body; silent on any I/O failure. */
    public static void drain(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || declared > limit) {
            return;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; read <= limit && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the body was already taken: nothing left to protect
        }
    }
}
