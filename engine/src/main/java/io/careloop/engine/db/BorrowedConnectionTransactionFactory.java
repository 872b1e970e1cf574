package io.careloop.engine.db;

import java.sql.Connection;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;
import org.apache.ibatis.transaction.managed.ManagedTransaction;

/**
 * Sessions opened on a given connection borrow it: they neither commit nor close it, because the
 * connection belongs to the Camunda command that will commit our rows together with its own.
 * Sessions opened on the pool own their connection, as usual.
 */
final class BorrowedConnectionTransactionFactory implements TransactionFactory {

    @Override
    public void setProperties(Properties props) {
        // nothing to configure
    }

    @Override
    public Transaction newTransaction(Connection conn) {
        return new ManagedTransaction(conn, false);
    }

    @Override
    public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
        return new JdbcTransaction(dataSource, level, autoCommit);
    }
}
