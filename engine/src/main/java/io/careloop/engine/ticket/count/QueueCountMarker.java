package io.careloop.engine.ticket.count;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.db.ExecutorInterceptor;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.ticket.Ticket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;

/**
 * A MyBatis interceptor that keeps the open-ticket counts (V21) with every statement that can move a
 * ticket between counts: a ticket inserted or saved (status, queue, assignee, SLA state, any filtered
 * column), a customer saved with another tier. It reads the key the ticket is counted under before
 * and after the statement, on the same executor and so in the same transaction, and when the key
 * changed inserts a -1 row for the old key and a +1 row for the new one. Only inserts: no shared row
 * is updated on the write path ({@link QueueCountRollup} folds the rows later).
 */
@Intercepts(@Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class}))
public final class QueueCountMarker implements ExecutorInterceptor {

    private static final String NS = QueueCountMapper.class.getName() + ".";

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        MappedStatement ms = (MappedStatement) invocation.getArgs()[0];
        Object param = invocation.getArgs()[1];
        Executor executor = (Executor) invocation.getTarget();
        Configuration config = ms.getConfiguration();
        switch (ms.getId()) {
            case "io.careloop.engine.ticket.TicketMapper.insert" -> {
                Object result = invocation.proceed();
                Long id = ((GeneratedKey) arg(param, "key")).getId();
                if (id != null) {
                    moved(executor, config, null, keyOf(executor, config, id));
                }
                return result;
            }
            case "io.careloop.engine.ticket.TicketMapper.save" -> {
                long id = ((Ticket) arg(param, "t")).id();
                QueueCountMapper.Key before = keyOf(executor, config, id);
                Object result = invocation.proceed();
                if (result instanceof Integer n && n > 0) {
                    moved(executor, config, before, keyOf(executor, config, id));
                }
                return result;
            }
            case "io.careloop.engine.customer.CustomerMapper.save" -> {
                long id = ((Customer) arg(param, "c")).id();
                String before = one(executor, config, "tierOf", Map.of("id", id));
                Object result = invocation.proceed();
                String after = one(executor, config, "tierOf", Map.of("id", id));
                if (result instanceof Integer n && n > 0 && !Objects.equals(before, after)) {
                    customerMoved(executor, config, id, before, -1);
                    customerMoved(executor, config, id, after, 1);
                }
                return result;
            }
            default -> {
                return invocation.proceed();
            }
        }
    }

    private static QueueCountMapper.Key keyOf(Executor executor, Configuration config, long ticketId) throws Exception {
        return one(executor, config, "keyOf", Map.of("id", ticketId));
    }

    private static <T> T one(Executor executor, Configuration config, String statement, Object param) throws Exception {
        List<T> rows = executor.query(config.getMappedStatement(NS + statement), param, RowBounds.DEFAULT,
                Executor.NO_RESULT_HANDLER);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void moved(Executor executor, Configuration config, QueueCountMapper.Key before,
                              QueueCountMapper.Key after) throws Exception {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            delta(executor, config, before, -1);
        }
        if (after != null) {
            delta(executor, config, after, 1);
        }
    }

    private static void delta(Executor executor, Configuration config, QueueCountMapper.Key key, int delta) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("k", key);
        p.put("delta", delta);
        executor.update(config.getMappedStatement(NS + "insertDelta"), p);
    }

    private static void customerMoved(Executor executor, Configuration config, long customerId, String tier, int delta)
            throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("customerId", customerId);
        p.put("tier", tier == null ? "" : tier);
        p.put("delta", delta);
        executor.update(config.getMappedStatement(NS + "insertCustomerDeltas"), p);
    }

    private static Object arg(Object param, String name) {
        return param instanceof Map<?, ?> map && map.containsKey(name) ? map.get(name) : null;
    }

    @Override
    public void setProperties(Properties properties) {
        // none
    }
}
