package io.careloop.web.system;

import io.careloop.engine.backup.Backup;
import io.careloop.engine.backup.Backups;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Online backups of the embedded H2 database (docs/operations.md). */
public final class BackupRoutes {

    private final Backups backups;

    public BackupRoutes(Backups backups) {
        this.backups = backups;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.post("/api/v1/system/backups")
                .summary("Back up the H2 database now, while CareLoop runs, into the data directory's backups/")
                .access(Access.to(Permission.BACKUP)).success(201).handle(this::take));
    }

    private void take(Context ctx, User user) {
        Backup b = backups.take(user.username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", b.name());
        body.put("file", b.file().toString());
        body.put("bytes", b.bytes());
        body.put("takenAt", b.takenAt());
        ctx.status(201).json(body);
    }
}
