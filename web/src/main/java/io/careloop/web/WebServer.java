package io.careloop.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.CareLoop;
import io.careloop.engine.live.LiveFeed;
import io.careloop.engine.live.TicketViewers;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.user.LoginThrottle;
import io.careloop.engine.user.User;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.ErrorMapper;
import io.careloop.web.api.RefusedBodies;
import io.careloop.web.api.Requests;
import io.careloop.web.audit.AuditRoutes;
import io.careloop.web.audit.PersonalDataReads;
import io.careloop.web.auth.AuthRoutes;
import io.careloop.web.auth.Authenticator;
import io.careloop.web.auth.DataScope;
import io.careloop.web.customer.CustomerRoutes;
import io.careloop.web.live.LiveEvents;
import io.careloop.web.live.LiveRoutes;
import io.careloop.web.plugin.PluginRoutes;
import io.careloop.web.privacy.PersonalDataRoutes;
import io.careloop.web.privacy.RetentionRoutes;
import io.careloop.web.queue.QueueRoutes;
import io.careloop.web.ui.AgentWorkspace;
import io.careloop.web.feedback.FeedbackRoutes;
import io.careloop.web.pv.AdverseEventRoutes;
import io.careloop.web.quality.CapaRoutes;
import io.careloop.web.quality.QualityRoutes;
import io.careloop.web.report.ReportRoutes;
import io.careloop.web.report.ReportScheduleRoutes;
import io.careloop.web.sla.CalendarRoutes;
import io.careloop.web.sla.QueueCalendarRoutes;
import io.careloop.web.studio.DeploymentRoutes;
import io.careloop.web.studio.IncidentRoutes;
import io.careloop.web.studio.ProcessRoutes;
import io.careloop.web.system.BackupRoutes;
import io.careloop.web.system.SystemRoutes;
import io.careloop.web.ticket.AssigneeRoutes;
import io.careloop.web.ticket.AttachmentRoutes;
import io.careloop.web.ticket.TicketRoutes;
import io.careloop.web.user.UserRoutes;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;

/** Builds the Javalin app over a started CareLoop. Main and the tests both call {@link #create}. */
public final class WebServer {

    /** Largest request body accepted, in bytes (uploads will get their own, streamed limit). */
    public static final long MAX_REQUEST_BYTES = 1_000_000L;
    /**
     * Scripts only from this origin (no inline script, no eval). The studio's editors (bpmn-js, dmn-js)
     * build SVG icons and the bpmn.io mark with {@code style="…"} attributes and use a few {@code data:}
     * SVG images in their CSS: style attributes (not {@code <style>} elements) and data: images are
     * allowed, nothing else inline (docs/security.md).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'";

    /** Largest multipart upload (a file to import, a plugin archive), in MB. */
    public static final long MAX_UPLOAD_MB = 1024;

    private WebServer() {
    }

    /** Every API route, in the order the OpenAPI document lists them. */
    public static List<ApiRoute> routes(CareLoop careLoop) {
        return routes(careLoop, liveEvents(careLoop));
    }

    private static List<ApiRoute> routes(CareLoop careLoop, LiveEvents live) {
        ObjectMapper json = careLoop.json();
        Requests requests = new Requests(json);
        List<ApiRoute> all = new ArrayList<>();
        all.addAll(new SystemRoutes(careLoop.database()::ping, json, () -> all).routes());
        all.addAll(new AuthRoutes(careLoop.users(), requests, new LoginThrottle(careLoop.transactions(),
                careLoop.clock(), SettingsLoader.loginPolicy(System.getenv()))).routes());
        all.addAll(new TicketRoutes(careLoop.intake(), careLoop.tickets(), careLoop.qualityComplaints(), requests).routes());
        all.addAll(new AttachmentRoutes(careLoop.attachments()).routes());
        all.addAll(new CustomerRoutes(careLoop.customers(), careLoop.personalData(), requests, careLoop.contactPoints()).routes());
        all.addAll(new PersonalDataRoutes(careLoop.subjectAccess(), careLoop.erasure(), requests, json, careLoop.clock())
                .routes());
        all.addAll(new RetentionRoutes(careLoop.retention(), requests).routes());
        all.addAll(new UserRoutes(careLoop.users(), requests).routes());
        all.addAll(new PluginRoutes(careLoop.plugins(), careLoop.imports(), careLoop.transactions(), requests, careLoop.audit()).routes());
        all.addAll(new AuditRoutes(careLoop::verifyAudit).routes());
        all.addAll(new BackupRoutes(careLoop.backups()).routes());
        all.addAll(new CalendarRoutes(careLoop.calendars(), requests).routes());
        all.addAll(new QueueCalendarRoutes(careLoop.queueCalendars(), requests).routes());
        all.addAll(new FeedbackRoutes(careLoop.feedback(), careLoop.tickets(), requests).routes());
        all.addAll(new AdverseEventRoutes(careLoop.adverseEvents(), requests).routes());
        all.addAll(new QualityRoutes(careLoop.qualityComplaints(), requests).routes());
        all.addAll(new CapaRoutes(careLoop.capas()).routes());
        all.addAll(new ReportRoutes(careLoop.reports()).routes());
        all.addAll(new ReportScheduleRoutes(careLoop.reportSchedules(), requests).routes());
        all.addAll(new ProcessRoutes(careLoop.studio(), careLoop.migrations(), careLoop.monitor(), requests).routes());
        all.addAll(new DeploymentRoutes(careLoop.studio()).routes());
        all.addAll(new IncidentRoutes(careLoop.monitor()).routes());
        all.addAll(new QueueRoutes(careLoop.tickets()).routes());
        all.addAll(new AssigneeRoutes(careLoop.tickets(), careLoop.users()).routes());
        all.addAll(new LiveRoutes(live).routes());
        return List.copyOf(all);
    }

    private static LiveEvents liveEvents(CareLoop careLoop) {
        return new LiveEvents(careLoop.events(), careLoop.tickets(), new LiveFeed(careLoop.transactions(), careLoop.clock()),
                new TicketViewers(careLoop.transactions(), careLoop.clock()));
    }

    public static Javalin create(CareLoop careLoop) {
        LiveEvents live = liveEvents(careLoop);
        List<ApiRoute> routes = routes(careLoop, live);
        Authenticator auth = new Authenticator(careLoop.users());
        DataScope scope = new DataScope(careLoop.tickets());
        PersonalDataReads reads = new PersonalDataReads(careLoop.audit(), careLoop.transactions());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(careLoop.json(), false));
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // uploads (files to import, plugin archives) stream to disk past 1 MB, never whole into memory
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_MB, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_MB, SizeUnit.MB);
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.header("X-Frame-Options", "DENY");
                if (ctx.path().startsWith("/api/")) {
                    ctx.header("Cache-Control", "no-store");
                }
            });
            new ErrorMapper(careLoop.json()).register(config);
            config.events.serverStarted(live::start);
            config.events.serverStopping(live::close);
            AgentWorkspace.register(config);
            for (ApiRoute r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), ctx -> {
                    User user;
                    try {
                        user = r.access().open() ? null : auth.authorize(ctx, r);
                        scope.check(r, ctx, user);
                    } catch (RuntimeException refused) {
                        RefusedBodies.drain(ctx, MAX_REQUEST_BYTES);
                        throw refused;
                    }
                    r.handler().handle(ctx, user);
                    reads.afterHandler(r, ctx, user);
                });
            }
        });
    }
}
