package io.careloop.engine.studio;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The studio's own records (tables process_deployment, process_migration) and the reads it joins with tickets. */
public interface StudioMapper {

    @Insert("INSERT INTO process_deployment (deployment_id, deployed_by, deployed_at, comment, rollback_of, "
            + "adverse_event_override) VALUES (#{r.deploymentId}, #{r.deployedBy}, #{r.deployedAt}, #{r.comment}, "
            + "#{r.rollbackOf}, #{r.adverseEventOverride})")
    void insertDeployment(@Param("r") DeploymentRow row);

    @Select("SELECT deployment_id, deployed_by, deployed_at, comment, rollback_of, adverse_event_override "
            + "FROM process_deployment")
    List<DeploymentRow> deployments();

    @Insert("INSERT INTO process_migration (batch_id, process_key, from_version, to_version, instances, started_by, "
            + "started_at) VALUES (#{r.batchId}, #{r.processKey}, #{r.fromVersion}, #{r.toVersion}, #{r.instances}, "
            + "#{r.startedBy}, #{r.startedAt})")
    void insertMigration(@Param("r") MigrationRow row);

    @Select("SELECT batch_id, process_key, from_version, to_version, instances, started_by, started_at "
            + "FROM process_migration WHERE batch_id = #{batchId}")
    MigrationRow migration(String batchId);

    /** Every queue some team works. */
    @Select("SELECT DISTINCT queue FROM team_queue")
    List<String> teamQueues();

    /**
     * Per activity of a process definition, the tickets waiting there by SLA state. The engine's
     * runtime table is read here, the one place the studio joins it with ours (the business key of
     * a CareLoop process instance is the ticket number).
     */
    @Select("SELECT e.ACT_ID_ AS activity_id, t.sla_state AS sla_state, COUNT(DISTINCT e.PROC_INST_ID_) AS tickets "
            + "FROM ACT_RU_EXECUTION e JOIN ACT_RU_EXECUTION p ON p.ID_ = e.PROC_INST_ID_ "
            + "JOIN ticket t ON t.number = p.BUSINESS_KEY_ "
            + "WHERE e.PROC_DEF_ID_ = #{definitionId} AND e.ACT_ID_ IS NOT NULL "
            + "GROUP BY e.ACT_ID_, t.sla_state")
    List<SlaCount> slaByActivity(String definitionId);

    /** A studio deployment as stored. */
    record DeploymentRow(String deploymentId, String deployedBy, Instant deployedAt, String comment, String rollbackOf,
                         Boolean adverseEventOverride) {
    }

    /** A migration batch as started. */
    record MigrationRow(String batchId, String processKey, Integer fromVersion, Integer toVersion, Integer instances,
                        String startedBy, Instant startedAt) {
    }

    /** Tickets at one activity in one SLA state. */
    record SlaCount(String activityId, String slaState, Long tickets) {
    }
}
