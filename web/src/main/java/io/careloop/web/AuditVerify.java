package io.careloop.web;

import io.careloop.engine.audit.AuditMapper;
import io.careloop.engine.audit.AuditVerification;
import io.careloop.engine.audit.AuditVerifier;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.db.Database;
import java.io.PrintStream;
import java.util.List;

/**
 * The audit chain check from the command line, with CareLoop's configuration (file and
 * CARELOOP_* variables): {@code java -cp careloop.jar io.careloop.web.AuditVerify}. Reads only;
 * prints the first broken link; exits 0 when the chain is whole, 1 when it is broken, 2 when it
 * cannot check. Events a running CareLoop has not sealed yet are counted, not checked. On the
 * embedded H2 file database, stop CareLoop first (one process owns the file); on PostgreSQL it
 * runs beside the nodes.
 */
public final class AuditVerify {

    private AuditVerify() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(SettingsLoader.load(System.getenv()), System.out);
        } catch (RuntimeException e) {
            System.err.println("cannot verify the audit trail: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    /** Verifies the chain of the database {@code settings} name; prints the outcome; answers the exit code. */
    public static int run(Settings settings, PrintStream out) {
        try (Database db = Database.open(settings, List.of(AuditMapper.class), List.of())) {
            AuditVerification v = new AuditVerifier(db.sessionFactory()).verify();
            if (v.ok()) {
                out.printf("audit chain OK: %d events checked, head %d %s; %d not yet sealed%n",
                        v.checked(), v.headSeq(), v.headHash(), v.unsealed());
                return 0;
            }
            out.printf("audit chain BROKEN at place %d (event %s): %s; %d events before it are intact%n",
                    v.firstBroken().seq(), v.firstBroken().eventId() == null ? "missing" : v.firstBroken().eventId(),
                    v.firstBroken().problem(), v.checked());
            return 1;
        }
    }
}
