package io.careloop.web.ticket;

import io.careloop.engine.attachment.StoredAttachment;
import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.privacy.FreeTextMasking;
import io.careloop.engine.user.User;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A ticket's attachments: the list (stored and refused files) and the download of one file. Both
 * lie under {@code /api/v1/tickets/{number}}, so the ticket data scope applies; a download is a read
 * of personal data and audited (PersonalDataReads). The file is always offered as a download with
 * its sniffed type and {@code nosniff}: a browser never renders a customer's HTML or SVG inline.
 */
public final class AttachmentRoutes {

    private final TicketAttachments attachments;

    public AttachmentRoutes(TicketAttachments attachments) {
        this.attachments = attachments;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/tickets/{number}/attachments")
                        .summary("The files that came with the ticket's messages, stored or refused (with the reason)")
                        .access(TicketRoutes.READ).handle(this::list),
                ApiRoute.get("/api/v1/tickets/{number}/attachments/{attachmentId}")
                        .summary("Download one stored attachment (always as a download; the read is audited)")
                        .access(TicketRoutes.READ).handle(this::download));
    }

    private void list(Context ctx, User user) {
        String number = ctx.pathParam("number");
        // file names may carry identifiers ("ID 11010519491231002X.jpg"): masked like the ticket's texts
        UnaryOperator<String> text = FreeTextMasking.forReader(user);
        List<Map<String, Object>> items = attachments.list(number).stream().map(a -> {
            Map<String, Object> m = json(number, a);
            m.put("fileName", text.apply(a.fileName()));
            return m;
        }).toList();
        ctx.json(Map.of("items", items));
    }

    private void download(Context ctx, User user) {
        String number = ctx.pathParam("number");
        long id = Requests.longParam(ctx.pathParam("attachmentId"), "attachmentId");
        TicketAttachments.Download d = attachments.open(number, id);
        StoredAttachment a = d.attachment();
        ctx.contentType(a.contentType())
                .header("Content-Disposition", disposition(a.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Content-Length", String.valueOf(a.sizeBytes()))
                .result(d.content());
    }

    static Map<String, Object> json(String number, StoredAttachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("fileName", a.fileName());
        m.put("contentType", a.contentType());
        m.put("declaredType", a.declaredType());
        m.put("size", a.sizeBytes());
        m.put("sha256", a.sha256());
        m.put("state", a.state());
        m.put("reason", a.reason());
        m.put("source", a.source());
        m.put("createdAt", a.createdAt());
        m.put("href", a.stored() ? "/api/v1/tickets/" + number + "/attachments/" + a.id() : null);
        return m;
    }

    /** RFC 6266: an ASCII fallback name and the real one in UTF-8 (RFC 5987). */
    static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
