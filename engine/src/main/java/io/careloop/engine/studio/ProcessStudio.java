package io.careloop.engine.studio;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.error.ForbiddenException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.process.EngineSetup;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.ticket.Ticket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor studio's engine side: the deployed processes and decisions with their versions,
 * validated deployments of new versions (with a required comment, audited), rollbacks and the
 * structural diff of two versions. Running instances stay on their version ({@link Migrations}
 * moves them on request).
 */
public final class ProcessStudio {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStudio.class);
    static final String DEPLOYMENT_NAME = "careloop-studio";
    private static final String BUNDLED_BY = "careloop";
    private static final String BUNDLED_COMMENT = "bundled with CareLoop";

    private final ProcessEngine engine;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final DiagramValidator validator;

    public ProcessStudio(ProcessEngine engine, Transactions transactions, AuditTrail audit, Clock clock) {
        this.engine = engine;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.validator = new DiagramValidator((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                this::knownQueues);
    }

    public DiagramValidator validator() {
        return validator;
    }

    /** Every queue a user task may be given: the teams' queues, classify-ticket's queues, the escalation groups. */
    public Set<String> knownQueues() {
        Set<String> queues = new HashSet<>(transactions.read(s -> s.getMapper(StudioMapper.class).teamQueues()));
        queues.addAll(Ticket.ESCALATION_GROUPS);
        RepositoryService repo = engine.getRepositoryService();
        DecisionDefinition classify = repo.createDecisionDefinitionQuery().decisionDefinitionKey("classify-ticket")
                .latestVersion().singleResult();
        if (classify != null) {
            try (InputStream in = repo.getDecisionModel(classify.getId())) {
                queues.addAll(DmnRules.queueOutputs(SafeXml.parse(in.readAllBytes())));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read classify-ticket", e);
            }
        }
        return queues;
    }

    /** The latest version of every process and decision key, with all its versions, by key. */
    public List<Map<String, Object>> list() {
        Map<String, List<ProcessVersion>> byKey = new LinkedHashMap<>();
        Map<String, StudioMapper.DeploymentRow> rows = rows();
        RepositoryService repo = engine.getRepositoryService();
        repo.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc()
                .list().forEach(p -> byKey.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(version(p, rows)));
        repo.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc().orderByDecisionDefinitionVersion()
                .desc().list().forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(version(d, rows)));
        List<Map<String, Object>> out = new ArrayList<>();
        byKey.forEach((key, versions) -> {
            ProcessVersion latest = versions.get(0);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", key);
            item.put("type", latest.type());
            item.put("name", latest.name());
            item.put("latestVersion", latest.version());
            item.put("deployedAt", latest.deployedAt());
            item.put("deployedBy", latest.deployedBy());
            item.put("comment", latest.comment());
            item.put("runningInstances", latest.runningInstances() == null ? null
                    : versions.stream().mapToLong(ProcessVersion::runningInstances).sum());
            item.put("versions", versions);
            out.add(item);
        });
        return out;
    }

    /** The versions of {@code key}, newest first. */
    public List<ProcessVersion> versions(String key) {
        Map<String, StudioMapper.DeploymentRow> rows = rows();
        RepositoryService repo = engine.getRepositoryService();
        List<ProcessVersion> out = new ArrayList<>();
        repo.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion().desc().list()
                .forEach(p -> out.add(version(p, rows)));
        if (out.isEmpty()) {
            repo.createDecisionDefinitionQuery().decisionDefinitionKey(key).orderByDecisionDefinitionVersion().desc()
                    .list().forEach(d -> out.add(version(d, rows)));
        }
        if (out.isEmpty()) {
            throw new NotFoundException("no process or decision " + key);
        }
        return out;
    }

    /** One version of {@code key}; the latest when {@code version} is null. */
    public ProcessVersion version(String key, Integer version) {
        return versions(key).stream().filter(v -> version == null || v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException(key + " has no version " + version));
    }

    /** The deployed XML of a version (the whole file: a DMN file may hold several decisions). */
    public String xml(String key, Integer version) {
        ProcessVersion v = version(key, version);
        try (InputStream in = engine.getRepositoryService().getResourceAsStream(v.deploymentId(), v.resourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + v.resourceName(), e);
        }
    }

    /**
     * Validates and deploys {@code files} as new versions. Nothing is deployed unless every file
     * passes ({@link DeploymentRejectedException} lists every error). {@code adverseEventOverride}
     * is honoured only for an admin ({@code admin}), and audited.
     */
    public List<ProcessVersion> deploy(List<StudioFile> files, String comment, String actor, boolean admin,
                                       boolean adverseEventOverride) {
        return deploy(files, comment, actor, admin, adverseEventOverride, null);
    }

    /** Redeploys the XML of {@code version} of {@code key} as a new version. */
    public List<ProcessVersion> rollback(String key, int version, String comment, String actor, boolean admin) {
        ProcessVersion v = version(key, version);
        byte[] xml = xml(key, version).getBytes(StandardCharsets.UTF_8);
        return deploy(List.of(new StudioFile(v.resourceName(), xml)), comment, actor, admin, false, version);
    }

    private List<ProcessVersion> deploy(List<StudioFile> files, String comment, String actor, boolean admin,
                                        boolean adverseEventOverride, Integer rollbackOf) {
        if (comment == null || comment.isBlank()) {
            throw new ReasonRequiredException("a comment is required: say what changed and why");
        }
        if (comment.length() > 2000) {
            throw new io.careloop.engine.error.InvalidInputException("comment", "the comment has at most 2000 characters");
        }
        if (adverseEventOverride && !admin) {
            throw new ForbiddenException("only an admin may deploy ticket-lifecycle without its adverse-event path");
        }
        List<ValidationError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        files.stream().filter(f -> !names.add(f.name())).forEach(f -> errors.add(new ValidationError(f.name(), null,
                "duplicate-file", "two files are named " + f.name())));
        DiagramValidator.Result result = validator.validate(files, adverseEventOverride);
        errors.addAll(result.errors());
        if (!errors.isEmpty()) {
            LOG.info("studio.deploy.rejected actor={} files={} errors={}", actor, names, errors.size());
            throw new DeploymentRejectedException(errors);
        }
        List<ProcessVersion> deployed = transactions.write(tx -> {
            DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(DEPLOYMENT_NAME)
                    .source(EngineSetup.STUDIO_SOURCE);
            files.forEach(f -> builder.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
            DeploymentWithDefinitions d = builder.deployWithResult();
            StudioMapper.DeploymentRow row = new StudioMapper.DeploymentRow(d.getId(), actor, clock.instant(), comment,
                    rollbackOf == null ? null : String.valueOf(rollbackOf), result.adverseEventPathOverridden());
            tx.mapper(StudioMapper.class).insertDeployment(row);
            Map<String, StudioMapper.DeploymentRow> rows = Map.of(d.getId(), row);
            List<ProcessVersion> out = new ArrayList<>();
            if (d.getDeployedProcessDefinitions() != null) {
                d.getDeployedProcessDefinitions().forEach(p -> out.add(version(p, rows, d)));
            }
            if (d.getDeployedDecisionDefinitions() != null) {
                d.getDeployedDecisionDefinitions().forEach(p -> out.add(version(p, rows, d)));
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("deployment", d.getId());
            after.put("versions", out.stream().map(v -> v.key() + ":" + v.version()).toList());
            after.put("files", files.stream().map(StudioFile::name).toList());
            after.put("comment", comment);
            if (rollbackOf != null) {
                after.put("rollbackOf", rollbackOf);
            }
            if (result.adverseEventPathOverridden()) {
                after.put("adverseEventPathOverride", true);
            }
            String action = rollbackOf != null ? "process.rolled-back"
                    : result.adverseEventPathOverridden() ? "process.deployed-with-override" : "process.deployed";
            audit.record(tx, actor, action, "process-deployment", d.getId(), null, after, comment);
            return out;
        });
        LOG.info("studio.deployed actor={} versions={}", actor, deployed.stream().map(v -> v.key() + ":" + v.version()).toList());
        return deployed;
    }

    /** The structural difference of two versions of {@code key}. */
    public ProcessDiff.Result diff(String key, int from, int to) {
        return ProcessDiff.of(xml(key, from), xml(key, to));
    }

    private Map<String, StudioMapper.DeploymentRow> rows() {
        Map<String, StudioMapper.DeploymentRow> out = new HashMap<>();
        transactions.read(s -> s.getMapper(StudioMapper.class).deployments()).forEach(r -> out.put(r.deploymentId(), r));
        return out;
    }

    private ProcessVersion version(ProcessDefinition p, Map<String, StudioMapper.DeploymentRow> rows) {
        return version(p, rows, engine.getRepositoryService().createDeploymentQuery().deploymentId(p.getDeploymentId())
                .singleResult());
    }

    private ProcessVersion version(ProcessDefinition p, Map<String, StudioMapper.DeploymentRow> rows, Deployment d) {
        long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(p.getId()).count();
        return build(p.getKey(), "process", p.getName(), p.getVersion(), p.getId(), p.getDeploymentId(),
                p.getResourceName(), d, rows.get(p.getDeploymentId()), running);
    }

    private ProcessVersion version(DecisionDefinition p, Map<String, StudioMapper.DeploymentRow> rows) {
        return version(p, rows, engine.getRepositoryService().createDeploymentQuery().deploymentId(p.getDeploymentId())
                .singleResult());
    }

    private ProcessVersion version(DecisionDefinition p, Map<String, StudioMapper.DeploymentRow> rows, Deployment d) {
        return build(p.getKey(), "decision", p.getName(), p.getVersion(), p.getId(), p.getDeploymentId(),
                p.getResourceName(), d, rows.get(p.getDeploymentId()), null);
    }

    private static ProcessVersion build(String key, String type, String name, int version, String id, String deploymentId,
                                        String resource, Deployment d, StudioMapper.DeploymentRow row, Long running) {
        return new ProcessVersion(key, type, name, version, id, deploymentId, resource,
                row != null ? row.deployedAt() : d == null || d.getDeploymentTime() == null ? null
                        : d.getDeploymentTime().toInstant(),
                row != null ? row.deployedBy() : BUNDLED_BY, row != null ? row.comment() : BUNDLED_COMMENT, running,
                row == null || row.rollbackOf() == null ? null : Integer.valueOf(row.rollbackOf()),
                row != null && Boolean.TRUE.equals(row.adverseEventOverride()));
    }

}
