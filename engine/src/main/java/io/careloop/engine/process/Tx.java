package io.careloop.engine.process;

import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unit of work: our MyBatis session on the connection of the Camunda command it runs in.
 * Everything done through it, and every engine call made while it is open, commits together.
 */
public final class Tx {

    private static final Logger LOG = LoggerFactory.getLogger(Tx.class);

    private final SqlSession session;
    private final CommandContext commandContext;

    Tx(SqlSession session, CommandContext commandContext) {
        this.session = session;
        this.commandContext = commandContext;
    }

    public <M> M mapper(Class<M> type) {
        return session.getMapper(type);
    }

    /**
     * Runs {@code work} once the transaction has committed (never if it rolls back): live updates,
     * outbound mail. A failure there is logged; the committed data stands.
     */
    public void afterCommit(Runnable work) {
        commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, ctx -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit work failed", e);
            }
        });
    }

    /** Runs {@code work} if the transaction rolls back, e.g. to count failures. */
    public void onRollback(Consumer<Void> work) {
        commandContext.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, ctx -> work.accept(null));
    }
}
