package io.careloop.engine.process;

import java.sql.Connection;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Runs our writes inside a Camunda command so that our rows and the engine's commit once, on one
 * connection (see DESIGN.md, "One transaction for our tables and Camunda's"). Called from inside
 * another command (a BPMN bean, a nested service call) it joins that command's transaction.
 */
public final class Transactions {

    private final CommandExecutor commandExecutor;
    private final SqlSessionFactory sessionFactory;

    public Transactions(CommandExecutor commandExecutor, SqlSessionFactory sessionFactory) {
        this.commandExecutor = commandExecutor;
        this.sessionFactory = sessionFactory;
    }

    /** Runs {@code work} in one transaction shared with the process engine. */
    public <T> T write(Function<Tx, T> work) {
        return commandExecutor.execute(commandContext -> {
            Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
            try (SqlSession session = sessionFactory.openSession(connection)) {
                return work.apply(new Tx(session, commandContext));
            }
        });
    }

    /** Runs {@code work} on a pooled connection of its own, for reads that touch no engine state. */
    public <T> T read(Function<SqlSession, T> work) {
        try (SqlSession session = sessionFactory.openSession(true)) {
            return work.apply(session);
        }
    }
}
