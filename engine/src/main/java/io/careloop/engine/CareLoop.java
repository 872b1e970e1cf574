package io.careloop.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.careloop.engine.attachment.AttachmentFiles;
import io.careloop.engine.attachment.AttachmentLimits;
import io.careloop.engine.attachment.AttachmentMapper;
import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.outbox.OutboxDispatcher;
import io.careloop.engine.outbox.OutboxMapper;
import io.careloop.engine.audit.AuditMapper;
import io.careloop.engine.audit.AuditSealer;
import io.careloop.engine.audit.AuditVerification;
import io.careloop.engine.audit.AuditVerifier;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.backup.Backups;
import io.careloop.engine.config.Settings;
import io.careloop.engine.customer.ContactPointMapper;
import io.careloop.engine.customer.ContactPoints;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.customer.CustomerService;
import io.careloop.engine.customer.CustomerType;
import io.careloop.engine.customer.Tier;
import io.careloop.engine.db.Database;
import io.careloop.engine.event.DomainEvents;
import io.careloop.engine.feedback.FeedbackBean;
import io.careloop.engine.feedback.FeedbackService;
import io.careloop.engine.feedback.OutboundBean;
import io.careloop.engine.intake.ImportLedgerMapper;
import io.careloop.engine.inbound.CallHandling;
import io.careloop.engine.inbound.InboundItems;
import io.careloop.engine.inbound.InboundMapper;
import io.careloop.engine.inbound.Ledgered;
import io.careloop.engine.inbound.ReplyHandling;
import io.careloop.engine.inbound.SurveyHandling;
import io.careloop.engine.intake.IntakeService;
import io.careloop.engine.interaction.InteractionMapper;
import io.careloop.engine.plugin.ImportRunMapper;
import io.careloop.engine.plugin.ImportRuns;
import io.careloop.engine.plugin.Outbound;
import io.careloop.engine.plugin.PluginCalls;
import io.careloop.engine.plugin.PluginHost;
import io.careloop.engine.plugin.PluginMapper;
import io.careloop.engine.plugin.PluginPoller;
import io.careloop.engine.plugin.PluginSettingsStore;
import io.careloop.engine.plugin.SecretBox;
import io.careloop.engine.process.EngineSetup;
import io.careloop.engine.privacy.Erasure;
import io.careloop.engine.privacy.ProcessDataScrub;
import io.careloop.engine.privacy.PersonalDataView;
import io.careloop.engine.privacy.PrivacyMapper;
import io.careloop.engine.privacy.Retention;
import io.careloop.engine.privacy.RetentionPolicy;
import io.careloop.engine.privacy.SubjectAccess;
import io.careloop.engine.audit.AuditRedaction;
import io.careloop.engine.pv.AdverseEventBean;
import io.careloop.engine.pv.AdverseEventService;
import io.careloop.engine.quality.Capas;
import io.careloop.engine.quality.QualityComplaintBean;
import io.careloop.engine.quality.QualityComplaintService;
import io.careloop.engine.quality.QualityMapper;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.process.TicketProcessBean;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.sla.CalendarMapper;
import io.careloop.engine.report.ReportMapper;
import io.careloop.engine.report.ReportService;
import io.careloop.engine.report.schedule.ReportSchedules;
import io.careloop.engine.report.schedule.ScheduleMapper;
import io.careloop.engine.report.schedule.WeeklyReports;
import io.careloop.engine.sla.Calendars;
import io.careloop.engine.sla.QueueCalendars;
import io.careloop.engine.studio.Migrations;
import io.careloop.engine.studio.ProcessMonitor;
import io.careloop.engine.studio.ProcessStudio;
import io.careloop.engine.studio.StudioMapper;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Priority;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.ticket.TicketSort;
import io.careloop.engine.ticket.TicketStatus;
import io.careloop.engine.ticket.count.QueueCountMapper;
import io.careloop.engine.ticket.count.QueueCountMarker;
import io.careloop.engine.ticket.count.QueueCountRollup;
import io.careloop.engine.user.Role;
import io.careloop.engine.user.UserMapper;
import io.careloop.engine.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service by constructor, in dependency order, and nothing else.
 * {@code web}'s Main and every test start CareLoop through {@link #start}.
 */
public final class CareLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CareLoop.class);

    private final Settings settings;
    private final Database database;
    private final ProcessEngine processEngine;
    private final ObjectMapper json;
    private final DomainEvents events;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final AuditSealer auditSealer;
    private final AuditVerifier auditVerifier;
    private final CustomerService customers;
    private final TicketService tickets;
    private final IntakeService intake;
    private final UserService users;
    private final TicketProcess ticketProcess;
    private final InboundItems inbound;
    private final ReplyHandling replies;
    private final PluginCalls pluginCalls;
    private final PluginHost plugins;
    private final ImportRuns imports;
    private final PluginPoller poller;
    private final Outbound outboundChannels;
    private final Clock clock;
    private final Calendars calendars;
    private final FeedbackService feedback;
    private final AdverseEventService adverseEvents;
    private final PersonalDataView personalData;
    private final SubjectAccess subjectAccess;
    private final Erasure erasure;
    private final Retention retention;
    private final QualityComplaintService qualityComplaints;
    private final Capas capas;
    private final QueueCalendars queueCalendars;
    private final ReportService reports;
    private final ReportSchedules reportSchedules;
    private final WeeklyReports weeklyReports;
    private final ProcessStudio studio;
    private final Migrations migrations;
    private final ProcessMonitor monitor;
    private final Backups backups;
    private final TicketAttachments attachments;
    private final OutboxDispatcher outbox;
    private final ContactPoints contactPoints;
    private final QueueCountRollup queueCounts;

    private CareLoop(Settings settings, Clock clock, RetentionPolicy retentionPolicy) {
        this.settings = settings;
        this.clock = clock;
        this.json = jsonMapper();
        this.database = Database.open(settings, List.of(TicketMapper.class, PrivacyMapper.class, CustomerMapper.class, InteractionMapper.class,
                        AuditMapper.class, ImportLedgerMapper.class, UserMapper.class, io.careloop.engine.user.LoginThrottleMapper.class, InboundMapper.class, PluginMapper.class,
                        ImportRunMapper.class, CalendarMapper.class, QualityMapper.class,
                        ReportMapper.class, StudioMapper.class, io.careloop.engine.live.LiveMapper.class,
                        ScheduleMapper.class, AttachmentMapper.class, OutboxMapper.class,
                        ContactPointMapper.class, io.careloop.engine.report.rollup.KpiMapper.class,
                        QueueCountMapper.class),
                List.of(Category.class, Severity.class, Priority.class, Channel.class, TicketStatus.class,
                        TicketSort.class, CustomerType.class, Tier.class, Role.class));
        TicketProcessBean bean = new TicketProcessBean();
        FeedbackBean feedbackBean = new FeedbackBean();
        AdverseEventBean adverseEventBean = new AdverseEventBean();
        QualityComplaintBean qualityBean = new QualityComplaintBean();
        OutboundBean outbound = new OutboundBean();
        try {
            this.processEngine = EngineSetup.build(settings, database.dataSource(), bean,
                    Map.of(FeedbackBean.NAME, feedbackBean, OutboundBean.NAME, outbound,
                            AdverseEventBean.NAME, adverseEventBean, QualityComplaintBean.NAME, qualityBean));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            this.transactions = new Transactions(
                    ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired(),
                    database.sessionFactory());
            this.events = new DomainEvents();
            this.auditSealer = new AuditSealer(transactions, clock);
            this.auditVerifier = new AuditVerifier(database.sessionFactory());
            this.audit = new AuditTrail(json, clock, auditSealer);
            this.ticketProcess = new TicketProcess(processEngine, settings.autoCloseAfter());
            this.customers = new CustomerService(transactions, audit, clock);
            this.calendars = new Calendars(transactions, json, audit, clock);
            this.queueCalendars = new QueueCalendars(transactions, audit, clock);
            this.reports = new ReportService(transactions, calendars, clock);
            // every ticket, audit and survey write marks the KPI roll-up dirty in its own transaction (docs/reports.md)
            database.sessionFactory().getConfiguration().addInterceptor(new io.careloop.engine.report.rollup.KpiChangeMarker());
            // every ticket write (and a customer's new tier) moves the open-ticket counts in its own transaction (V21)
            database.sessionFactory().getConfiguration().addInterceptor(new QueueCountMarker());
            this.queueCounts = new QueueCountRollup(transactions, clock);
            this.tickets = new TicketService(transactions, ticketProcess, audit, events, json, clock, calendars);
            EngineSetup.bind(bean, tickets);
            this.feedback = new FeedbackService(transactions, processEngine, tickets, audit, events, clock,
                    FeedbackService.DEFAULT_REMINDER_AFTER, FeedbackService.DEFAULT_RESPONSE_WINDOW);
            FeedbackService.bind(feedbackBean, outbound, feedback);
            this.adverseEvents = new AdverseEventService(transactions, processEngine, tickets);
            AdverseEventService.bind(adverseEventBean, adverseEvents);
            this.qualityComplaints = new QualityComplaintService(transactions, processEngine, tickets, audit, clock);
            QualityComplaintService.bind(qualityBean, qualityComplaints);
            this.capas = new Capas(transactions);
            tickets.openQualityComplaintsWith(qualityComplaints::openIfAbsent);
            tickets.guardCloseWith(qualityComplaints::openWork);
            this.intake = new IntakeService(transactions, customers, tickets, ticketProcess, clock);
            this.backups = new Backups(settings, database.dataSource(), transactions, audit, clock);
            this.users = new UserService(transactions, audit, clock, settings.bcryptCost(), settings.sessionIdle(),
                    settings.sessionAbsolute());
            Ledgered ledgered = new Ledgered(transactions, clock);
            this.attachments = new TicketAttachments(new AttachmentFiles(settings.dataDir().resolve("attachments")),
                    transactions, clock, AttachmentLimits.DEFAULTS);
            this.contactPoints = new ContactPoints(transactions, audit, clock);
            this.replies = new ReplyHandling(transactions, ledgered, intake, tickets, clock, attachments);
            // a customer's reply through a channel restarts the SLA clocks of a ticket waiting on them
            replies.resumeWaitingWith((number, actor) -> tickets.resumeIfWaiting(number, actor));
            this.inbound = new InboundItems(intake, new CallHandling(transactions, ledgered, intake, tickets), replies,
                    new SurveyHandling(transactions, ledgered, feedback), attachments, contactPoints);
            PluginHost.Limits limits = PluginHost.Limits.defaults();
            this.pluginCalls = new PluginCalls(transactions, clock);
            this.plugins = new PluginHost(settings.pluginsDir(), transactions,
                    new PluginSettingsStore(transactions, SecretBox.inDataDir(settings.dataDir()), clock), clock);
            this.imports = new ImportRuns(plugins, pluginCalls, inbound, transactions, clock, settings.dataDir(), limits);
            this.poller = new PluginPoller(plugins, pluginCalls, imports, inbound, transactions, clock, limits);
            this.outboundChannels = new Outbound(plugins, pluginCalls, transactions, limits.call());
            this.reportSchedules = new ReportSchedules(transactions, audit, clock);
            this.weeklyReports = new WeeklyReports(transactions, reports, audit, outboundChannels::sendNotification, clock);
            this.outbox = new OutboxDispatcher(transactions, outboundChannels::sendQueued, outboundChannels::serves, clock,
                    OutboxDispatcher.Policy.DEFAULTS);
            tickets.sendRepliesWith(outbox::enqueue);
            // survey invitations and reminders go out after the resolution (or the reminder's timer) commits
            feedback.sendSurveysThrough(outbox);
            outbox.recordSentWith(feedback::recordSent);
            AuditRedaction redaction = new AuditRedaction(audit);
            this.personalData = new PersonalDataView(transactions);
            this.subjectAccess = new SubjectAccess(transactions, new io.careloop.engine.privacy.ProcessData(processEngine));
            ProcessDataScrub processData = new ProcessDataScrub(processEngine);
            this.erasure = new Erasure(transactions, redaction, auditSealer, processData, attachments, clock);
            this.retention = new Retention(transactions, redaction, audit, processData, attachments, clock, retentionPolicy);
            this.studio = new ProcessStudio(processEngine, transactions, audit, clock);
            this.migrations = new Migrations(processEngine, studio, transactions, audit, clock);
            this.monitor = new ProcessMonitor(processEngine, studio, transactions, audit);
        } catch (RuntimeException e) {
            processEngine.close();
            database.close();
            throw e;
        }
    }

    /** Opens the database, migrates it, starts the process engine and deploys the bundled processes. */
    public static CareLoop start(Settings settings, Clock clock) {
        return start(settings, clock, RetentionPolicy.DEFAULTS);
    }

    /** As {@link #start(Settings, Clock)} with the retention policy of the configuration. */
    public static CareLoop start(Settings settings, Clock clock, RetentionPolicy retentionPolicy) {
        CareLoop c = new CareLoop(settings, clock, retentionPolicy);
        c.plugins.loadAll();
        // an import a crash cut short goes on from its spooled file; the ledger skips what it took in
        c.imports.resumeInterrupted();
        // on every node, not only where timers run: unfolded deltas slow every node's counts (one folds at a time)
        c.queueCounts.start(Duration.ofSeconds(2));
        // the KPI roll-up's build (first start after V19, a new zone) goes on in the background
        c.reports.rollup().resume();
        if (settings.jobExecutor()) {
            // background work runs where timers run: polling, like the job executor, can be off on a node
            c.poller.start(Duration.ofSeconds(10));
            // replies a crash or a failed attempt left in the outbox
            c.outbox.start(Duration.ofSeconds(5));
            c.retention.start();
            c.weeklyReports.start();
            c.reports.rollup().start(Duration.ofSeconds(10));
        }
        LOG.info("careloop.started db={} jobExecutor={}", c.database.databaseId(), settings.jobExecutor());
        return c;
    }

    public static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The open-ticket counts of the queue screen (V21): fold, or rebuild after a bulk load. */
    public QueueCountRollup queueCounts() {
        return queueCounts;
    }

    public Settings settings() {
        return settings;
    }

    /** The clock every service reads (tests move it). */
    public Clock clock() {
        return clock;
    }

    public ObjectMapper json() {
        return json;
    }

    public DomainEvents events() {
        return events;
    }

    public CustomerService customers() {
        return customers;
    }

    /** Whether messages to customers' addresses get through (bounces). */
    public ContactPoints contactPoints() {
        return contactPoints;
    }

    /** The outbox of messages to customers: replies, survey invitations and reminders. */
    public OutboxDispatcher outbox() {
        return outbox;
    }

    /** The files that came with inbound items (limits set from the configuration by Main). */
    public TicketAttachments attachments() {
        return attachments;
    }

    public TicketService tickets() {
        return tickets;
    }

    public IntakeService intake() {
        return intake;
    }

    /** Business calendars (SLA working hours, holidays, make-up days). */
    public Calendars calendars() {
        return calendars;
    }

    /** Survey responses and the feedback loop after resolution. */
    public FeedbackService feedback() {
        return feedback;
    }

    /** The weekly reports' schedules (docs/reports.md). */
    public ReportSchedules reportSchedules() {
        return reportSchedules;
    }

    /** Sends the weekly reports that are due (every minute on job-executor nodes). */
    public WeeklyReports weeklyReports() {
        return weeklyReports;
    }

    /** KPIs of a period and the tickets behind them (docs/reports.md). */
    public ReportService reports() {
        return reports;
    }

    /** Adverse event cases and their regulatory clocks. */
    public AdverseEventService adverseEvents() {
        return adverseEvents;
    }

    /** Product-quality complaints: investigation, sample return, recurrence and CAPA. */
    /** Which calendar each queue's SLA clocks count on. */
    public QueueCalendars queueCalendars() {
        return queueCalendars;
    }

    /** The CAPA register (read-only). */
    public Capas capas() {
        return capas;
    }

    public QualityComplaintService qualityComplaints() {
        return qualityComplaints;
    }

    /** Customers as a given reader may see them (masking of personal data). */
    public PersonalDataView personalData() {
        return personalData;
    }

    /** Everything held about a person, for their access request. */
    public SubjectAccess subjectAccess() {
        return subjectAccess;
    }

    /** Pseudonymisation of a person on request. */
    public Erasure erasure() {
        return erasure;
    }

    /** The retention policy's purge of closed tickets. */
    public Retention retention() {
        return retention;
    }

    /** Online backups of the H2 database (docs/operations.md). */
    public Backups backups() {
        return backups;
    }

    public UserService users() {
        return users;
    }

    public AuditTrail audit() {
        return audit;
    }

    /**
     * Seals every committed audit event, then walks the whole chain (GET /api/v1/audit/verify and
     * the command line use this).
     */
    public AuditVerification verifyAudit() {
        auditSealer.sealPending();
        return auditVerifier.verify();
    }

    public AuditSealer auditSealer() {
        return auditSealer;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** Inbound items other than through the REST API: what plugins hand in. */
    public InboundItems inbound() {
        return inbound;
    }

    /** Customer replies; the SLA resume hook is wired on it ({@link ReplyHandling#resumeWaitingWith}). */
    public ReplyHandling replies() {
        return replies;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public PluginCalls pluginCalls() {
        return pluginCalls;
    }

    public ImportRuns imports() {
        return imports;
    }

    public PluginPoller poller() {
        return poller;
    }

    /** Replies, survey invitations and notifications through the ticket's channel: the outbox's sender. */
    public Outbound outboundChannels() {
        return outboundChannels;
    }

    /** The supervisor studio: deployed processes and decisions, validated deployments, versions, rollbacks. */
    public ProcessStudio studio() {
        return studio;
    }

    /** Moving running instances to another version of their process. */
    public Migrations migrations() {
        return migrations;
    }

    /** Active instances, incidents and SLA states per activity; incident retries. */
    public ProcessMonitor monitor() {
        return monitor;
    }

    /** The embedded engine, for process tests and the bench; application code goes through the services. */
    public ProcessEngine processEngine() {
        return processEngine;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            retention.close();
            weeklyReports.close();
            reports.rollup().close();
            queueCounts.close();
            poller.close();
            outbox.close();
            imports.close();
            pluginCalls.close();
            plugins.close();
            auditSealer.close();
            processEngine.close();
        } finally {
            database.close();
        }
        LOG.info("careloop.stopped");
    }
}
