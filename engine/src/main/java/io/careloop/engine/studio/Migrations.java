package io.careloop.engine.studio;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Moving running instances of a process from one version to another, on request only (by default
 * an instance finishes on the version it started on). The plan maps equal activity ids (Camunda's
 * mapEqualActivities); a preview tries each instance in a transaction that is always rolled back
 * and reports which would not move and why; the migration itself runs as an engine batch.
 */
public final class Migrations {

    /** Instances the preview tries one by one; past this it reports the count only. */
    static final int PREVIEW_LIMIT = 500;

    /** What a migration would do. */
    public record Preview(String key, int fromVersion, int toVersion, long instances, long checked, long canMigrate,
                          List<Blocked> cannotMigrate, List<String> planErrors, List<Map<String, String>> instructions) {
    }

    /** An instance that would not move, with the engine's reasons. */
    public record Blocked(String processInstanceId, String businessKey, List<String> reasons) {
    }

    /** A migration batch: progress while it runs, then its result. */
    public record Status(String batchId, String key, int fromVersion, int toVersion, int instances, String state,
                         long totalJobs, long completedJobs, long failedJobs, long remainingJobs,
                         long stillOnFromVersion, List<String> failures, String startedBy, java.time.Instant startedAt) {
    }

    private final ProcessEngine engine;
    private final ProcessStudio studio;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public Migrations(ProcessEngine engine, ProcessStudio studio, Transactions transactions, AuditTrail audit, Clock clock) {
        this.engine = engine;
        this.studio = studio;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public Preview preview(String key, int fromVersion, int toVersion) {
        String from = definition(key, fromVersion);
        String to = definition(key, toVersion);
        RuntimeService runtime = engine.getRuntimeService();
        long count = runtime.createProcessInstanceQuery().processDefinitionId(from).count();
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(from, to).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            List<String> errors = new ArrayList<>();
            for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
                r.getFailures().forEach(f -> errors.add(r.getMigrationInstruction() + ": " + f));
            }
            return new Preview(key, fromVersion, toVersion, count, 0, 0, List.of(), errors, List.of());
        }
        List<Blocked> blocked = new ArrayList<>();
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(from)
                .orderByProcessInstanceId().asc().listPage(0, PREVIEW_LIMIT);
        for (ProcessInstance pi : instances) {
            List<String> reasons = dryRun(plan, pi.getId());
            if (!reasons.isEmpty()) {
                blocked.add(new Blocked(pi.getId(), pi.getBusinessKey(), reasons));
            }
        }
        return new Preview(key, fromVersion, toVersion, count, instances.size(), instances.size() - blocked.size(),
                blocked, List.of(), instructions(plan));
    }

    /** Starts the migration of every instance on {@code fromVersion} as a batch; audited. */
    public Status start(String key, int fromVersion, int toVersion, String actor, String comment) {
        String from = definition(key, fromVersion);
        String to = definition(key, toVersion);
        RuntimeService runtime = engine.getRuntimeService();
        long count = runtime.createProcessInstanceQuery().processDefinitionId(from).count();
        if (count == 0) {
            throw new ConflictException(key + " has no running instance on version " + fromVersion + " to migrate");
        }
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(from, to).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            throw new ConflictException("no migration plan from version " + fromVersion + " to " + toVersion + ": "
                    + e.getMessage());
        }
        String batchId = transactions.write(tx -> {
            Batch batch = runtime.newMigration(plan)
                    .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(from)).executeAsync();
            tx.mapper(StudioMapper.class).insertMigration(new StudioMapper.MigrationRow(batch.getId(), key, fromVersion,
                    toVersion, (int) count, actor, clock.instant()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("key", key);
            after.put("fromVersion", fromVersion);
            after.put("toVersion", toVersion);
            after.put("instances", count);
            audit.record(tx, actor, "process.migration-started", "process-migration", batch.getId(), null, after, comment);
            return batch.getId();
        });
        return status(key, batchId);
    }

    public Status status(String key, String batchId) {
        StudioMapper.MigrationRow row = transactions.read(s -> s.getMapper(StudioMapper.class).migration(batchId));
        if (row == null || !row.processKey().equals(key)) {
            throw new NotFoundException("no migration " + batchId + " of " + key);
        }
        BatchStatistics stats = engine.getManagementService().createBatchStatisticsQuery().batchId(batchId).singleResult();
        long onFrom = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(definition(key, row.fromVersion())).count();
        if (stats == null) {
            return new Status(batchId, key, row.fromVersion(), row.toVersion(), row.instances(), "completed", 0, 0, 0, 0,
                    onFrom, List.of(), row.startedBy(), row.startedAt());
        }
        List<String> failures = new ArrayList<>();
        for (Job j : engine.getManagementService().createJobQuery().jobDefinitionId(stats.getBatchJobDefinitionId())
                .withException().listPage(0, 20)) {
            failures.add(j.getExceptionMessage());
        }
        String state = stats.getFailedJobs() > 0 && stats.getRemainingJobs() == stats.getFailedJobs() ? "failed" : "running";
        return new Status(batchId, key, row.fromVersion(), row.toVersion(), row.instances(), state, stats.getTotalJobs(),
                stats.getCompletedJobs(), stats.getFailedJobs(), stats.getRemainingJobs(), onFrom, failures,
                row.startedBy(), row.startedAt());
    }

    /** The engine's verdict on one instance, from a migration that is always rolled back. */
    private List<String> dryRun(MigrationPlan plan, String processInstanceId) {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try {
            cfg.getCommandExecutorTxRequired().execute(ctx -> {
                engine.getRuntimeService().newMigration(plan).processInstanceIds(processInstanceId)
                        .skipCustomListeners().skipIoMappings().execute();
                throw new DryRun();
            });
            return List.of();
        } catch (DryRun ok) {
            return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
            List<String> reasons = new ArrayList<>(e.getValidationReport().getFailures());
            for (MigratingActivityInstanceValidationReport r : e.getValidationReport().getActivityInstanceReports()) {
                r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f));
            }
            for (MigratingTransitionInstanceValidationReport r : e.getValidationReport().getTransitionInstanceReports()) {
                r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f));
            }
            return reasons;
        } catch (RuntimeException e) {
            return List.of(String.valueOf(e.getMessage()));
        }
    }

    private static List<Map<String, String>> instructions(MigrationPlan plan) {
        List<Map<String, String>> out = new ArrayList<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            out.add(Map.of("from", i.getSourceActivityId(), "to", i.getTargetActivityId()));
        }
        return out;
    }

    private String definition(String key, int version) {
        ProcessVersion v = studio.version(key, version);
        if (!"process".equals(v.type())) {
            throw new ConflictException(key + " is a decision: decisions have no running instances to migrate");
        }
        return v.definitionId();
    }

    /** Thrown to roll a dry run back. */
    private static final class DryRun extends RuntimeException {
        DryRun() {
            super("dry run", null, false, false);
        }
    }
}
