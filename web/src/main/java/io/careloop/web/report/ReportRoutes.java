package io.careloop.web.report;

import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.report.Csv;
import io.careloop.engine.report.KpiTable;
import io.careloop.engine.report.Kpis;
import io.careloop.engine.report.ReportFilter;
import io.careloop.engine.privacy.FreeTextMasking;
import io.careloop.engine.report.ReportService;
import io.careloop.engine.report.ReportTicket;
import io.careloop.engine.report.TicketCsv;
import io.careloop.engine.report.Xlsx;
import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Permissions;
import io.careloop.engine.user.User;
import io.careloop.web.api.Access;
import io.careloop.web.api.ApiRoute;
import io.careloop.web.api.Requests;
import io.careloop.web.audit.PersonalDataReads;
import io.javalin.http.Context;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reports (docs/reports.md): the KPIs of a period as JSON for the dashboard, each KPI table as
 * CSV or all of them as XLSX, the tickets behind a number (keyset pages), and the tickets of a
 * period as CSV. Supervisors and admins ({@code report.read}); ticket lists keep the caller's data
 * scope and show the subject only to those who read tickets, never a description or personal data.
 */
public final class ReportRoutes {

    static final Access READ = Access.to(Permission.REPORT_READ);
    private static final String[] FILTERS = {"from", "to", "team", "queue", "agent", "category", "product", "tier"};
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService reports;

    public ReportRoutes(ReportService reports) {
        this.reports = reports;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/reports/kpis").summary("KPIs of a period (from..to, days in the office zone) and filters")
                        .access(READ).query(FILTERS).handle(this::kpis),
                ApiRoute.get("/api/v1/reports/rollup")
                        .summary("How far the KPI roll-up's build is: state ready|building, daysDone of daysTotal, percent")
                        .access(READ).handle(this::rollup),
                ApiRoute.get("/api/v1/reports/kpis.csv")
                        .summary("One KPI table as CSV (UTF-8 with BOM, formula-safe): table=" + String.join("|", KpiTable.NAMES))
                        .access(READ).query(with("table")).handle(this::kpisCsv),
                ApiRoute.get("/api/v1/reports/kpis.xlsx")
                        .summary("Every KPI table as one XLSX workbook, a sheet per table; table=… for that sheet only")
                        .access(READ).query(with("table")).handle(this::kpisXlsx),
                ApiRoute.get("/api/v1/reports/tickets")
                        .summary("The tickets behind one KPI (kpi=…), oldest receipt first, keyset cursor")
                        .access(READ).query(with("kpi", "cursor", "limit")).handle(this::tickets),
                ApiRoute.get("/api/v1/reports/tickets.csv")
                        .summary("The tickets received in the period as CSV, within your data scope, without descriptions")
                        .access(READ).query(FILTERS).handle(this::ticketsCsv));
    }

    private void kpis(Context ctx, User user) {
        ctx.json(reports.answer(filter(ctx), Permissions.ticketScope(user)));
    }

    private void rollup(Context ctx, User user) {
        ctx.json(reports.rollup().status());
    }

    private void kpisCsv(Context ctx, User user) {
        ReportFilter f = filter(ctx);
        String name = tableName(ctx);
        String chosen = name == null ? "summary" : name;
        Kpis k = reports.kpis(f, Permissions.ticketScope(user));
        KpiTable table = KpiTable.all(k).stream().filter(t -> t.name().equals(chosen)).findFirst().orElseThrow();
        download(ctx, CSV, f, chosen + ".csv");
        try (Csv csv = new Csv(ctx.outputStream())) {
            csv.row(table.columns());
            table.rows().forEach(csv::row);
        }
    }

    private void kpisXlsx(Context ctx, User user) throws Exception {
        ReportFilter f = filter(ctx);
        String name = tableName(ctx);
        Kpis k = reports.kpis(f, Permissions.ticketScope(user));
        download(ctx, XLSX, f, name == null ? "kpis.xlsx" : name + ".xlsx");
        try (OutputStream out = ctx.outputStream()) {
            Xlsx.write(KpiTable.all(k).stream().filter(t -> name == null || t.name().equals(name)).toList(), out);
        }
    }

    /** The {@code table} asked for, or null for none; an unknown name is a 400 on {@code table}. */
    private static String tableName(Context ctx) {
        String name = ctx.queryParam("table");
        if (name == null || name.isBlank()) {
            return null;
        }
        if (!KpiTable.NAMES.contains(name)) {
            throw new InvalidInputException("table", "table must be one of " + KpiTable.NAMES);
        }
        return name;
    }

    private void tickets(Context ctx, User user) {
        ReportFilter f = filter(ctx);
        Long limit = Requests.longParam(ctx.queryParam("limit"), "limit");
        ReportService.TicketPage page = reports.tickets(f, ctx.queryParam("kpi"), Permissions.ticketScope(user),
                Permission.TICKET_READ.grantedTo(user), ctx.queryParam("cursor"),
                limit == null ? 50 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit)));
        PersonalDataReads.listing(ctx, "report-tickets").addAll(page.items().stream().map(ReportTicket::number).toList());
        UnaryOperator<String> text = FreeTextMasking.forReader(user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(t -> masked(t, text)).toList());
        body.put("nextCursor", page.nextCursor());
        ctx.json(body);
    }

    private void ticketsCsv(Context ctx, User user) {
        ReportFilter f = filter(ctx);
        download(ctx, CSV, f, "tickets.csv");
        PersonalDataReads.Listing listing = PersonalDataReads.listing(ctx, "report-tickets-export");
        TicketCsv.write(reports, f, Permissions.ticketScope(user),
                Permission.TICKET_READ.grantedTo(user) ? FreeTextMasking.forReader(user) : null,
                t -> listing.add(t.number()), ctx.outputStream());
    }

    /**
     * A report's ticket as JSON with its subject through the reader's masking (FreeTextMasking): the
     * record's every component by name, as Jackson writes a record, so a field added to ReportTicket
     * shows without a change here.
     */
    static Map<String, Object> masked(ReportTicket t, UnaryOperator<String> text) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            for (RecordComponent c : ReportTicket.class.getRecordComponents()) {
                m.put(c.getName(), c.getAccessor().invoke(t));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        m.put("subject", text.apply(t.subject()));
        return m;
    }

    private static ReportFilter filter(Context ctx) {
        return ReportFilter.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("team"),
                ctx.queryParam("queue"), ctx.queryParam("agent"), ctx.queryParam("category"), ctx.queryParam("product"),
                ctx.queryParam("tier"));
    }

    private static void download(Context ctx, String type, ReportFilter f, String name) {
        ctx.contentType(type).header("Content-Disposition",
                "attachment; filename=\"careloop-" + f.from() + "_" + f.to() + "-" + name + "\"");
    }

    private static String[] with(String... more) {
        String[] all = new String[FILTERS.length + more.length];
        System.arraycopy(FILTERS, 0, all, 0, FILTERS.length);
        System.arraycopy(more, 0, all, FILTERS.length, more.length);
        return all;
    }
}
