package io.careloop.web.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import io.careloop.engine.user.User;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Health and the OpenAPI document: both public. The document describes the API's shape only;
 * no data is reachable through it.
 */
public final class SystemRoutes {

    private final BooleanSupplier databaseUp;
    private final ObjectMapper json;
    private final Supplier<List<ApiRoute>> allRoutes;
    private volatile String openApiJson;

    public SystemRoutes(BooleanSupplier databaseUp, ObjectMapper json, Supplier<List<ApiRoute>> allRoutes) {
        this.databaseUp = databaseUp;
        this.json = json;
        this.allRoutes = allRoutes;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/health").summary("UP once the engine, the database and the web server are ready")
                        .access(Access.PUBLIC).handle(this::health),
                ApiRoute.get("/api/openapi.json").summary("This API's OpenAPI 3.1 document")
                        .access(Access.PUBLIC).handle(this::openApi));
    }

    private void health(Context ctx, User none) {
        boolean db = databaseUp.getAsBoolean();
        ctx.status(db ? 200 : 503).json(Map.of("status", db ? "UP" : "DOWN", "database", db ? "UP" : "DOWN"));
    }

    private void openApi(Context ctx, User none) throws Exception {
        String doc = openApiJson;
        if (doc == null) {
            ObjectNode node = OpenApi.document(json, allRoutes.get(), version());
            doc = json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            openApiJson = doc;
        }
        ctx.contentType("application/json").result(doc);
    }

    static String version() {
        String v = SystemRoutes.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
