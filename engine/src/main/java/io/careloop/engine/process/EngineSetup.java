package io.careloop.engine.process;

import io.careloop.engine.config.JobExecutorSettings;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the embedded Camunda engine on CareLoop's data source and deploys the bundled processes.
 * Every Camunda-specific setting lives here, so that a move to Operaton stays a contained change.
 */
public final class EngineSetup {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);

    /** Lists the BPMN and DMN files of the processes jar, one classpath resource per line. */
    static final String PROCESS_INDEX = "careloop-processes.index";
    static final String DEPLOYMENT_NAME = "careloop-processes";
    /** The source of the studio's deployments (a supervisor's versions). */
    public static final String STUDIO_SOURCE = "careloop-studio";
    /** How long a node owns a job it acquired, by default (CARELOOP_JOB_EXECUTOR_LOCK_TIME changes it). */
    public static final java.time.Duration LOCK_TIME = JobExecutorSettings.DEFAULTS.lockTime();

    private EngineSetup() {
    }

    public static ProcessEngine build(Settings settings, DataSource dataSource, TicketProcessBean ticketProcess) {
        return build(settings, dataSource, ticketProcess, Map.of());
    }

    /** The same, with more beans for expressions (e.g. {@code feedback}, {@code outbound}), by name. */
    public static ProcessEngine build(Settings settings, DataSource dataSource, TicketProcessBean ticketProcess,
                                      Map<String, Object> moreBeans) {
        return build(settings, SettingsLoader.jobExecutor(System.getenv()), dataSource, ticketProcess, moreBeans);
    }

    /** The same, with the job executor sized by {@code jobs} instead of the environment. */
    public static ProcessEngine build(Settings settings, JobExecutorSettings jobs, DataSource dataSource,
                                      TicketProcessBean ticketProcess, Map<String, Object> moreBeans) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setProcessEngineName("careloop-" + Integer.toHexString(System.identityHashCode(cfg)));
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // activity history: process and activity instances for the studio's monitor and incident
        // diagnosis; the business record (who changed what) is our own audit trail.
        // (Camunda's activity level without rows for gateways, which only route: ActivityHistoryWithoutGateways;
        // registered under the same name and id, it replaces the built-in one, also on existing databases)
        cfg.setCustomHistoryLevels(List.of(new ActivityHistoryWithoutGateways()));
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
        cfg.setHistoryTimeToLive("P180D");
        cfg.setCmmnEnabled(false);
        cfg.setMetricsEnabled(false);
        cfg.setDbMetricsReporterActivate(false);
        cfg.setAuthorizationEnabled(false);
        // conflicts and invalid input leave commands as exceptions on purpose; the web layer logs
        // what is unexpected (500s) once, instead of the engine logging every one at ERROR
        cfg.setEnableCmdExceptionLogging(false);
        Map<Object, Object> beans = new java.util.HashMap<>(moreBeans);
        beans.put(TicketProcessBean.NAME, ticketProcess);
        cfg.setBeans(beans);
        cfg.setDmnEngineConfiguration(dmnEngineConfiguration());
        // ids made in the node, not blocks handed out by one row of act_ge_property: two nodes
        // fetching a block at once failed an intake with an OptimisticLockingException (ClusterIT);
        // Camunda's advice for clusters; time-ordered (TimeOrderedIdGenerator), so that new rows append to the
        // indexes instead of landing on a random page each
        cfg.setIdGenerator(new TimeOrderedIdGenerator());

        // Every node runs every job (no deployment registration), oldest due first, in the order of
        // the due-date index: every job gets a due date (a message job: when it was made), so that
        // acquisition is "DUEDATE_ <= now ORDER BY DUEDATE_ LIMIT n", which reads the first n due
        // entries of ix_act_ru_job_acquire_by_due and stops. With Camunda's "DUEDATE_ IS NULL OR" and
        // "timers first" (ORDER BY TYPE_ DESC, DUEDATE_) the database read and sorted every due job
        // at each acquisition: 10,000 timers due at once made every acquisition of 16 read 10,000
        // rows (docs/performance.md, timer lateness).
        cfg.setJobExecutorActivate(settings.jobExecutor());
        cfg.setJobExecutorDeploymentAware(false);
        cfg.setJobExecutorPreferTimerJobs(false);
        cfg.setJobExecutorAcquireByDueDate(true);
        cfg.setEnsureJobDueDateNotNull(true);
        cfg.setJobExecutor(jobExecutor(jobs));

        ProcessEngine engine = cfg.buildProcessEngine();
        ensureAcquisitionIndex(dataSource);
        dateJobsWithoutDueDate(dataSource);
        deployBundledProcesses(engine);
        return engine;
    }

    /**
     * Camunda's job executor sized by {@code jobs} (docs/operations.md). The lock time must be longer
     * than any of our jobs runs: a job outliving its lock would run again on another node. The
     * longest is a survey reminder calling an outbound plugin, bounded by the plugin call limit
     * (PluginHost.Limits, 5 min); the default is twice that.
     */
    static DefaultJobExecutor jobExecutor(JobExecutorSettings jobs) {
        DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
        jobExecutor.setCorePoolSize(jobs.coreThreads());
        jobExecutor.setMaxPoolSize(jobs.maxThreads());
        jobExecutor.setQueueSize(jobs.queueSize());
        jobExecutor.setMaxJobsPerAcquisition(jobs.maxJobsPerAcquisition());
        jobExecutor.setLockTimeInMillis((int) jobs.lockTime().toMillis());
        jobExecutor.setWaitTimeInMillis((int) jobs.waitTime().toMillis());
        jobExecutor.setMaxWait(jobs.maxWait().toMillis());
        return jobExecutor;
    }

    /** Makes {@code bean} callable from BPMN as {@code ${name.…}}; for beans that need the engine to exist first. */
    public static void addBean(ProcessEngine engine, String name, Object bean) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans().put(name, bean);
    }

    /**
     * Camunda's DMN engine with one change: FEEL expressions are parsed once per text, not on
     * every evaluation (CachedFeelEngine). No custom FEEL functions, as in Camunda's default.
     */
    static DefaultDmnEngineConfiguration dmnEngineConfiguration() {
        DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(CachedFeelEngine.factory(List.of()));
        return dmn;
    }

    /** Connects the {@code ticketProcess} bean to the service it reports to (built after the engine). */
    public static void bind(TicketProcessBean bean, ProcessCallbacks callbacks) {
        bean.bind(callbacks);
    }

    /**
     * Acquisition by due date orders ACT_RU_JOB by DUEDATE_; Camunda ships no index for it.
     * Created after the engine made its schema; IF NOT EXISTS keeps restarts and other nodes quiet.
     */
    static void ensureAcquisitionIndex(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String table = jobTable(c);
            s.execute("CREATE INDEX IF NOT EXISTS ix_act_ru_job_acquire_by_due ON " + table + " (DUEDATE_)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the job acquisition index", e);
        }
    }

    /** Camunda's job table as the database names it (PostgreSQL folds unquoted names to lower case). */
    private static String jobTable(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "act_ru_job" : "ACT_RU_JOB";
    }

    /**
     * Jobs made before every job got a due date (a message job of an older CareLoop, a node not yet
     * upgraded) have none, and acquisition no longer asks for a null due date: they get the time they
     * were made (now when unknown), which puts them first in line. Every start; the index finds them.
     */
    static int dateJobsWithoutDueDate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String table = jobTable(c);
            int dated = s.executeUpdate("UPDATE " + table + " SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) "
                    + "WHERE DUEDATE_ IS NULL");
            if (!c.getAutoCommit()) {
                c.commit();
            }
            if (dated > 0) {
                LOG.info("jobs without a due date dated count={}", dated);
            }
            return dated;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot date the jobs without a due date", e);
        }
    }

    /**
     * Deploys the processes jar; an unchanged file is not deployed again (duplicate filtering). A file
     * defining a key the studio has deployed since is left out: a restart, or a new CareLoop release,
     * must not replace a supervisor's version with the bundled one (the studio's versions win; a
     * supervisor can still roll back to the bundled version). Answers null when nothing was deployed.
     */
    static Deployment deployBundledProcesses(ProcessEngine engine) {
        List<String> resources = bundledResources();
        if (resources.isEmpty()) {
            throw new IllegalStateException(PROCESS_INDEX + " lists no processes: is careloop-processes on the classpath?");
        }
        Set<String> studioKeys = studioDeployedKeys(engine);
        List<String> kept = new ArrayList<>();
        for (String r : resources) {
            Set<String> keys = keysOf(r);
            if (keys.stream().anyMatch(studioKeys::contains)) {
                LOG.info("bundled process not deployed resource={} keys={}: the studio deployed a version since", r, keys);
            } else {
                kept.add(r);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("classpath")
                .enableDuplicateFiltering(true);
        kept.forEach(builder::addClasspathResource);
        Deployment d = builder.deploy();
        LOG.info("processes deployed deployment={} resources={}", d.getId(), kept);
        return d;
    }

    /** The process and decision keys of every deployment the studio made. */
    static Set<String> studioDeployedKeys(ProcessEngine engine) {
        Set<String> keys = new HashSet<>();
        RepositoryService repo = engine.getRepositoryService();
        for (Deployment d : repo.createDeploymentQuery().deploymentSource(STUDIO_SOURCE).list()) {
            repo.createProcessDefinitionQuery().deploymentId(d.getId()).list().forEach(p -> keys.add(p.getKey()));
            repo.createDecisionDefinitionQuery().deploymentId(d.getId()).list().forEach(p -> keys.add(p.getKey()));
        }
        return keys;
    }

    /** The process or decision ids a bundled (trusted) resource defines. */
    static Set<String> keysOf(String resource) {
        try (InputStream in = EngineSetup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> keys = new HashSet<>();
            if (resource.endsWith(".dmn")) {
                Dmn.readModelFromStream(in).getModelElementsByType(Decision.class).forEach(x -> keys.add(x.getId()));
            } else {
                Bpmn.readModelFromStream(in).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                        .forEach(x -> keys.add(x.getId()));
            }
            return keys;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static List<String> bundledResources() {
        List<String> out = new ArrayList<>();
        try {
            Enumeration<URL> indexes = EngineSetup.class.getClassLoader().getResources(PROCESS_INDEX);
            while (indexes.hasMoreElements()) {
                try (InputStream in = indexes.nextElement().openStream();
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PROCESS_INDEX, e);
        }
        return out;
    }
}
