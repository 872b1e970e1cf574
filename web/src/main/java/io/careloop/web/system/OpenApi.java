package io.careloop.web.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careloop.engine.user.Role;
import io.careloop.web.api.ApiRoute;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OpenAPI 3.1 document, built from the same route list that Javalin serves, so it always
 * matches the routes. Component schemas are kept by hand in {@code openapi-components.json}.
 */
public final class OpenApi {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}");

    private OpenApi() {
    }

    public static ObjectNode document(ObjectMapper json, List<ApiRoute> routes, String version) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "CareLoop API");
        info.put("version", version);
        info.put("description", "Pharma customer-service tickets. Errors are RFC 9457 application/problem+json. "
                + "Authenticate with POST /api/v1/auth/login (cookie session; send X-CSRF-Token on changes) "
                + "or an API token (Authorization: Bearer). Every text field (subject, description, replies, notes, "
                + "names) is plain text exactly as sent, never HTML: display it as text, never as markup.");
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoute r : routes) {
            ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            ObjectNode op = path.putObject(r.method().name().toLowerCase(Locale.ROOT));
            op.put("operationId", operationId(r));
            op.put("summary", r.summary());
            if (!r.access().open()) {
                op.put("x-roles", r.access().roles().stream().map(Role::code).collect(Collectors.joining(",")));
                if (r.access().permission() != null) {
                    op.put("x-permission", r.access().permission().code());
                }
                ArrayNode sec = op.putArray("security");
                sec.addObject().putArray("bearer");
                sec.addObject().putArray("session");
            } else {
                op.putArray("security");
            }
            ArrayNode params = op.putArray("parameters");
            Matcher m = PATH_PARAM.matcher(r.path());
            while (m.find()) {
                ObjectNode p = params.addObject();
                p.put("name", m.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", "string");
            }
            for (String q : r.queryParams()) {
                ObjectNode p = params.addObject();
                p.put("name", q);
                p.put("in", "query");
                p.put("required", false);
                p.putObject("schema").put("type", "string");
            }
            if (r.requestSchema() != null) {
                ObjectNode body = op.putObject("requestBody");
                body.put("required", !r.requestSchema().equals("VersionRequest") && !r.requestSchema().equals("ResolveRequest")
                        && !r.requestSchema().equals("CloseRequest"));
                body.putObject("content").putObject("application/json").putObject("schema")
                        .put("$ref", "#/components/schemas/" + r.requestSchema());
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject(String.valueOf(r.success())).put("description", "success");
            ObjectNode problem = json.createObjectNode();
            problem.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
            responses.set("default", problem.put("description", "an RFC 9457 problem"));
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas(json));
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "careloop_session");
        return doc;
    }

    static String operationId(ApiRoute r) {
        String cleaned = r.path().replace("/api/v1/", "").replaceAll("[{}]", "").replace('/', '-');
        return r.method().name().toLowerCase(Locale.ROOT) + "-" + cleaned;
    }

    private static ObjectNode schemas(ObjectMapper json) {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi-components.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-components.json is missing");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read openapi-components.json", e);
        }
    }
}
