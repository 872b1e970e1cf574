package io.careloop.web.studio;

import io.careloop.engine.studio.DiagramValidator;
import io.careloop.engine.studio.ProcessStudio;
import io.careloop.engine.studio.ProcessVersion;
import io.careloop.engine.studio.StudioFile;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployments of new process and decision versions from the studio: validated (every error at
 * once, 422, nothing deployed), with a required comment, audited. The import check validates a
 * file from another modeler without deploying it.
 */
public final class DeploymentRoutes {

    static final Access EDIT = Access.to(Permission.PROCESS_EDIT);

    private final ProcessStudio studio;

    public DeploymentRoutes(ProcessStudio studio) {
        this.studio = studio;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/deployments").summary("Deploy new versions (multipart: one or more fields file, "
                        + "comment required, overrideAdverseEventPath=true for an admin): 201 with the versions, or 422 "
                        + "listing every error with its file and element id").access(EDIT).success(201)
                        .handle(this::deploy),
                ApiRoute.post("/api/v1/deployments/validate").summary("Check diagrams without deploying them (the import"
                        + " check for files from other modelers): every error and unsupported element").access(EDIT)
                        .handle(this::validate));
    }

    private void deploy(Context ctx, User user) {
        List<StudioFile> files = Uploads.diagrams(ctx);
        boolean override = "true".equalsIgnoreCase(ctx.formParam("overrideAdverseEventPath"));
        List<ProcessVersion> versions = studio.deploy(files, ctx.formParam("comment"), user.username(),
                user.has(Role.ADMIN), override);
        ctx.status(201).json(Map.of("versions", versions));
    }

    private void validate(Context ctx, User user) {
        List<StudioFile> files = Uploads.diagrams(ctx);
        DiagramValidator.Result result = studio.validator().validate(files, false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", result.valid());
        body.put("errors", result.errors());
        body.put("processKeys", result.processKeys());
        body.put("decisionKeys", result.decisionKeys());
        ctx.json(body);
    }
}
