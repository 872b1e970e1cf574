package io.careloop.engine.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.careloop.engine.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection pool that Camunda and our MyBatis mappers share, our schema (Flyway) and
 * our MyBatis configuration.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final SqlSessionFactory sessionFactory;
    private final String databaseId;

    private Database(HikariDataSource dataSource, SqlSessionFactory sessionFactory, String databaseId) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.databaseId = databaseId;
    }

    /** Opens the pool, migrates our schema and builds the mappers. */
    public static Database open(Settings settings, List<Class<?>> mappers, List<Class<? extends Enum<?>>> codedEnums) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("careloop");
        hc.setJdbcUrl(interruptSafe(settings.dbUrl()));
        hc.setUsername(settings.dbUser());
        hc.setPassword(settings.dbPassword());
        hc.setMaximumPoolSize(settings.dbPoolSize());
        hc.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            migrate(ds);
            String dbId = settings.postgres() ? "postgres" : "h2";
            return new Database(ds, sessionFactory(ds, mappers, codedEnums, dbId), dbId);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * An H2 file database opened through H2's {@code retry:} file system (same files): with the default
     * one, a thread interrupted during file I/O (a plugin call stopped at its time limit, a background
     * job stopped at shutdown) closes the file channel, and the database with it for every thread of
     * the node ("The database has been closed"). {@code retry:} reopens the channel and repeats the
     * operation. Other URLs are used as they are.
     */
    static String interruptSafe(String url) {
        String file = "jdbc:h2:file:";
        return url.startsWith(file) ? "jdbc:h2:retry:" + url.substring(file.length()) : url;
    }

    private static void migrate(DataSource ds) {
        var result = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .table("careloop_schema_history")
                .load()
                .migrate();
        LOG.info("schema migrated executed={} version={}", result.migrationsExecuted, result.targetSchemaVersion);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlSessionFactory sessionFactory(DataSource ds, List<Class<?>> mappers,
                                                    List<Class<? extends Enum<?>>> codedEnums, String dbId) {
        Configuration c = new Configuration(new Environment("careloop", new BorrowedConnectionTransactionFactory(), ds));
        c.setDatabaseId(dbId);
        c.setMapUnderscoreToCamelCase(true);
        c.setCacheEnabled(false);
        c.setArgNameBasedConstructorAutoMapping(true);
        c.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
        for (Class<? extends Enum<?>> e : codedEnums) {
            c.getTypeHandlerRegistry().register((Class) e, new CodedEnumTypeHandler(e));
        }
        for (Class<?> mapper : mappers) {
            String xml = mapper.getName().replace('.', '/') + ".xml";
            try (InputStream in = mapper.getClassLoader().getResourceAsStream(xml)) {
                if (in != null) {
                    new XMLMapperBuilder(in, c, xml, c.getSqlFragments()).parse();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read mapper " + xml, e);
            }
            if (!c.hasMapper(mapper)) {
                c.addMapper(mapper);
            }
        }
        return new SqlSessionFactoryBuilder().build(c);
    }

    /** True when a pooled connection answers within two seconds. */
    public boolean ping() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (java.sql.SQLException e) {
            LOG.warn("database ping failed: {}", e.getMessage());
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlSessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** "h2" or "postgres": the MyBatis databaseId our vendor-specific statements use. */
    public String databaseId() {
        return databaseId;
    }

    @Override
    public void close() {
        dataSource.close();
    }

}
