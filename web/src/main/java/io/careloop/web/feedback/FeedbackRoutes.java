package io.careloop.web.feedback;

import io.careloop.engine.feedback.FeedbackService;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The feedback loop over HTTP: a survey response for a ticket (what the survey importer plugin
 * does in-process), and the supervisor's report of the follow-up call (回访).
 */
public final class FeedbackRoutes {

    /** Integrations deliver survey results; staff may record one taken by phone. */
    static final Access RECORD = Access.to(Permission.SURVEY_RECORD);
    static final Access FOLLOW_UP = Access.to(Permission.FOLLOW_UP);

    record SurveyBody(Integer csat, Integer nps, String comment, Boolean problemPersists, Boolean completed,
                      String sourceKey) {
    }

    record FollowUpBody(String note) {
    }

    private final FeedbackService feedback;
    private final TicketService tickets;
    private final Requests requests;

    public FeedbackRoutes(FeedbackService feedback, TicketService tickets, Requests requests) {
        this.feedback = feedback;
        this.tickets = tickets;
        this.requests = requests;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/tickets/{number}/survey-responses")
                        .summary("Record a survey response (CSAT, NPS); a complete one goes to the feedback loop")
                        .access(RECORD).body("SurveyResponseRequest").success(201).handle(this::survey),
                ApiRoute.post("/api/v1/tickets/{number}/follow-up")
                        .summary("Report the follow-up call (回访) the feedback loop asked for")
                        .access(FOLLOW_UP).body("FollowUpRequest").handle(this::followUp));
    }

    private void survey(Context ctx, User user) {
        SurveyBody b = requests.body(ctx, SurveyBody.class);
        String number = ctx.pathParam("number");
        boolean recorded = feedback.recordSurveyResponse(number, b.csat(), b.nps(), b.comment(), b.problemPersists(),
                b.completed() == null || b.completed(), b.sourceKey());
        ctx.status(recorded ? 201 : 200).json(Map.of("ticket", number, "recorded", recorded,
                "followUpOpen", feedback.followUpOpen(number)));
    }

    private void followUp(Context ctx, User user) {
        FollowUpBody b = requests.body(ctx, FollowUpBody.class);
        String number = ctx.pathParam("number");
        feedback.completeFollowUp(number, b.note(), user.username());
        ctx.json(Map.of("ticket", number, "followUpOpen", feedback.followUpOpen(number),
                "status", tickets.find(number).status().code()));
    }
}
