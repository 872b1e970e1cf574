package io.careloop.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Date;
import javax.sql.DataSource;

/**
 * The job executor's acquisition query (Camunda's {@code selectNextJobsToExecute} for one engine, no
 * deployment awareness, no priorities, as CareLoop runs it) in two forms, for {@code EXPLAIN ANALYZE}
 * at the moment many timers fall due: Camunda's defaults with "timers first" (a null due date counts
 * as due; ordered by type, then due date) and CareLoop's (every job has a due date; ordered by due
 * date only, so the index on {@code DUEDATE_} gives the order and the read stops after the batch).
 */
final class AcquisitionPlan {

    private static final String SELECT = "SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ "
            + "FROM ACT_RU_JOB RES WHERE (RES.RETRIES_ > 0) AND (%s RES.DUEDATE_ <= ?) "
            + "AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < ?) AND RES.SUSPENSION_STATE_ = 1 "
            + "AND ((RES.EXCLUSIVE_ = TRUE AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2 "
            + "WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND (J2.EXCLUSIVE_ = TRUE) "
            + "AND (J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= ?))) OR RES.EXCLUSIVE_ = FALSE) "
            + "ORDER BY %s LIMIT %d OFFSET 0";

    static final String CAMUNDA_TIMERS_FIRST = String.format(SELECT, "RES.DUEDATE_ IS NULL OR", "RES.TYPE_ DESC, RES.DUEDATE_ ASC", 16);
    static final String CARELOOP = String.format(SELECT, "", "RES.DUEDATE_ ASC", 16);

    private AcquisitionPlan() {
    }

    /** Prints the plan of both forms as if it were {@code now}. */
    static void print(DataSource dataSource, Date now) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String[] form : new String[][] {{"Camunda default, timers first", CAMUNDA_TIMERS_FIRST}, {"CareLoop", CARELOOP}}) {
                long t0 = System.nanoTime();
                StringBuilder plan = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + form[1])) {
                    for (int i = 1; i <= 3; i++) {
                        ps.setTimestamp(i, new Timestamp(now.getTime()));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                System.out.printf("acquisition query, %s (%.1f ms with EXPLAIN ANALYZE):%n%s%n", form[0],
                        (System.nanoTime() - t0) / 1e6, plan.toString().replaceAll("(?m)^", "    "));
            }
        }
    }
}
