package io.careloop.engine.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.TransactionContext;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
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
            endWithCommand(commandContext.getTransactionContext(), connection);
            try (SqlSession session = sessionFactory.openSession(connection)) {
                return work.apply(new Tx(session, commandContext));
            }
        });
    }

    /** True when the calling thread is inside a command already: a {@link #write} there joins it. */
    public boolean inTransaction() {
        return Context.getCommandContext() != null;
    }

    /**
     * Camunda commits or rolls back its MyBatis session only if the engine itself wrote through it
     * (MyBatis' "dirty" flag). In a command where only we wrote, or that failed before the engine
     * flushed (a process start that throws), that commit or rollback does nothing, and MyBatis then
     * restores auto-commit on the connection, which commits our rows even after a failure. So the
     * command's transaction ends the connection's transaction itself: commit just before the
     * engine's (after its flush, before after-commit work runs), roll back with it. Registered once
     * per write; a nested write adds a second commit or rollback that finds nothing to do.
     */
    private static void endWithCommand(TransactionContext transaction, Connection connection) {
        transaction.addTransactionListener(TransactionState.COMMITTING, ctx -> {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new PersistenceException("cannot commit", e);
            }
        });
        transaction.addTransactionListener(TransactionState.ROLLINGBACK, ctx -> {
            try {
                connection.rollback();
            } catch (SQLException e) {
                throw new PersistenceException("cannot roll back", e);
            }
        });
    }

    /**
     * Runs {@code work} on a pooled connection of its own in auto-commit mode: each statement is its
     * own transaction. For hints outside any business transaction (the workspace's presence and live feed).
     */
    public <T> T autoCommit(Function<SqlSession, T> work) {
        try (SqlSession session = sessionFactory.openSession(true)) {
            return work.apply(session);
        }
    }

    /** Runs {@code work} on a pooled connection of its own, for reads that touch no engine state. */
    public <T> T read(Function<SqlSession, T> work) {
        return autoCommit(work);
    }
}
