package io.careloop.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.careloop.engine.process.EngineSetup;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * Scenario (a): a bare Camunda engine on its own H2 file database and HikariCP pool, configured as
 * engine/.../process/EngineSetup configures CareLoop's (activity history, no metrics, no CMMN, no
 * authorization, job executor off, the default id generator), with a no-op {@code ticketProcess}
 * bean. Nothing of CareLoop runs: no MyBatis, no ticket row, no audit trail, no customer.
 */
final class BareCamunda implements AutoCloseable {

    static final String PROCESS_KEY = "ticket-lifecycle";

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    private BareCamunda(HikariDataSource dataSource, ProcessEngine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** Builds the engine on {@code jdbcUrl} with a pool of {@code poolSize} and deploys CareLoop's bundled models. */
    static BareCamunda start(String jdbcUrl, int poolSize) {
        return start(jdbcUrl, "sa", "", poolSize);
    }

    /** The same on any database (PostgreSQL in the suite). */
    static BareCamunda start(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("baseline");
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
            cfg.setProcessEngineName("bench-baseline-" + Integer.toHexString(System.identityHashCode(cfg)));
            cfg.setDataSource(ds);
            cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            cfg.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
            cfg.setHistoryTimeToLive("P180D");
            cfg.setCmmnEnabled(false);
            cfg.setMetricsEnabled(false);
            cfg.setDbMetricsReporterActivate(false);
            cfg.setAuthorizationEnabled(false);
            cfg.setJobExecutorActivate(false);
            // the beans ticket-lifecycle calls: the ticket's own steps do nothing, and the follow-on processes
            // (adverse-event case, quality complaint, feedback loop) are not started: only the lifecycle is measured
            NoOpFollowOn followOn = new NoOpFollowOn();
            cfg.setBeans(Map.of("ticketProcess", new NoOpTicketProcess(), "adverseEvent", followOn,
                    "qualityComplaint", followOn, "feedback", followOn));
            ProcessEngine engine = cfg.buildProcessEngine();
            // the same models CareLoop deploys (ticket-lifecycle calls several decision tables)
            DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench-baseline");
            EngineSetup.bundledResources().forEach(deployment::addClasspathResource);
            deployment.deploy();
            return new BareCamunda(ds, engine);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /** The key of {@link #deployMinimal}'s process. */
    static final String MINIMAL_KEY = "bench-minimal";

    /**
     * Deploys the smallest process that still opens a work item: start, one user task "handle" for a
     * candidate group, end. Scenario (m) starts it, to calibrate the machine against the figure the
     * intake issue quotes for bare Camunda (about 1,000 starts/s on H2 file mode).
     */
    void deployMinimal() {
        engine.getRepositoryService().createDeployment().name("bench-minimal")
                .addModelInstance("bench-minimal.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(MINIMAL_KEY)
                        .camundaHistoryTimeToLive(180).startEvent().userTask("handle").camundaCandidateGroups("service-desk")
                        .endEvent().done())
                .deploy();
    }

    ProcessEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            dataSource.close();
        }
    }
}
