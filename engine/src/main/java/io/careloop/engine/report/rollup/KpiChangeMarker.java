package io.careloop.engine.report.rollup;

import io.careloop.engine.audit.AuditEvent;
import io.careloop.engine.db.ExecutorInterceptor;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.ticket.Ticket;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/**
 * A MyBatis interceptor: after each statement that changes what a KPI counts (a ticket inserted or
 * saved, an audit event of a ticket, a survey fact) it inserts a {@code kpi_dirty} row on the same
 * executor, so in the same transaction as the change: it commits or rolls back with it. The ticket
 * services need not know about reports; {@link KpiRollup} takes the rows.
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
public final class KpiChangeMarker implements ExecutorInterceptor {

    static final String MARK = KpiMapper.class.getName() + ".mark";

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Object result = invocation.proceed();
        MappedStatement ms = (MappedStatement) invocation.getArgs()[0];
        Object param = invocation.getArgs()[1];
        Long ticketId = null;
        String number = null;
        switch (ms.getId()) {
            case "io.careloop.engine.ticket.TicketMapper.insert" -> ticketId = ((GeneratedKey) arg(param, "key")).getId();
            case "io.careloop.engine.ticket.TicketMapper.save" -> ticketId = ((Ticket) arg(param, "t")).id();
            case "io.careloop.engine.report.ReportMapper.insertSurveyFact" -> ticketId = (Long) arg(param, "ticketId");
            case "io.careloop.engine.audit.AuditMapper.insert", "io.careloop.engine.audit.AuditMapper.insertReturningKey" -> {
                AuditEvent e = param instanceof AuditEvent a ? a : (AuditEvent) arg(param, "e");
                if (e != null && "ticket".equals(e.entityType())) {
                    number = e.entityId();
                }
            }
            default -> {
                return result;
            }
        }
        if (ticketId != null || number != null) {
            Map<String, Object> mark = new HashMap<>();
            mark.put("ticketId", ticketId);
            mark.put("number", number);
            Executor executor = (Executor) invocation.getTarget();
            executor.update(ms.getConfiguration().getMappedStatement(MARK), mark);
        }
        return result;
    }

    private static Object arg(Object param, String name) {
        return param instanceof Map<?, ?> map && map.containsKey(name) ? map.get(name) : null;
    }

    @Override
    public void setProperties(Properties properties) {
        // none
    }
}
