package io.hotline.persistence.testing;

import io.hotline.persistence.Database;
import io.hotline.persistence.PersistenceConfig;
import io.hotline.persistence.embedded.EmbeddedMariaDb;
import io.hotline.persistence.seed.DemoSeed;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fresh database per test class, created by the production migrations, on a real MySQL-compatible server:
 * the server at 127.0.0.1:3306 (root, empty password) when one answers, otherwise an embedded MariaDB started
 * once per JVM under {@code target/embedded-mariadb}. {@code HOTLINE_TEST_DB_URL} (+ {@code _USER},
 * {@code _PASSWORD}) points the tests at another server, e.g. MySQL 8; {@code -Dhotline.test.db=embedded}
 * forces the embedded one. Use as {@code @RegisterExtension static final TestDatabase DB = new TestDatabase();}.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final Object SERVER_LOCK = new Object();
    private static Server server;

    private final boolean migrate;
    private final boolean demo;
    private String schema;
    private Database database;

    /** A database with every migration applied. */
    public TestDatabase() {
        this(true, false);
    }

    private TestDatabase(boolean migrate, boolean demo) {
        this.migrate = migrate;
        this.demo = demo;
    }

    /** An empty database: the test applies migrations itself. */
    public static TestDatabase empty() {
        return new TestDatabase(false, false);
    }

    /**
     * A migrated database with the demo organisation: what {@code hotline run} gives an embedded database, and
     * what an external one has after {@code hotline seed --demo --into-external}.
     */
    public static TestDatabase demo() {
        return new TestDatabase(true, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        Server shared = server();
        schema = schemaName(context.getRequiredTestClass().getSimpleName());
        try (Connection connection = shared.connect("");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        database = Database.open(config(), null);
        if (migrate) {
            database.migrate();
        }
        if (demo) {
            DemoSeed.load(database.jdbi());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (database != null) {
            database.close();
        }
        try (Connection connection = server().connect("");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        }
    }

    /** The configuration that reaches this test class's database. */
    public PersistenceConfig config() {
        Server shared = server();
        return new PersistenceConfig(shared.url(schema), shared.user, shared.password, 4, Duration.ofSeconds(10));
    }

    /** The open database of this test class. */
    public Database database() {
        return database;
    }

    /** Its Jdbi. */
    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** The schema name of this test class's database. */
    public String schema() {
        return schema;
    }

    private static String schemaName(String testClass) {
        String base = testClass.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String trimmed = base.length() > 40 ? base.substring(0, 40) : base;
        return "t_" + trimmed + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static Server server() {
        synchronized (SERVER_LOCK) {
            if (server == null) {
                server = Server.find();
            }
            return server;
        }
    }

    /** Where the test databases live. */
    private static final class Server {
        private final String baseUrl;
        private final String user;
        private final String password;

        private Server(String baseUrl, String user, String password) {
            this.baseUrl = baseUrl;
            this.user = user;
            this.password = password;
        }

        static Server find() {
            String url = System.getenv("HOTLINE_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                String user = System.getenv().getOrDefault("HOTLINE_TEST_DB_USER", "root");
                String password = System.getenv().getOrDefault("HOTLINE_TEST_DB_PASSWORD", "");
                return new Server(url.replaceAll("/[^/?]*(\\?.*)?$", "/"), user, password);
            }
            Server local = new Server("jdbc:mysql://127.0.0.1:3306/", "root", "");
            if (!"embedded".equals(System.getProperty("hotline.test.db")) && local.answers()) {
                LOG.info("Test databases on the MySQL-compatible server at 127.0.0.1:3306");
                return local;
            }
            EmbeddedMariaDb embedded = EmbeddedMariaDb.start(Path.of("target", "embedded-mariadb"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-mariadb-stop"));
            LOG.info("Test databases on an embedded MariaDB at 127.0.0.1:{}", embedded.port());
            return new Server("jdbc:mysql://127.0.0.1:" + embedded.port() + "/", embedded.user(), embedded.password());
        }

        String url(String database) {
            return baseUrl + database;
        }

        Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(url(database) + "?connectTimeout=2000", user, password);
        }

        boolean answers() {
            try (Connection connection = connect("")) {
                return connection.isValid(2);
            } catch (SQLException e) {
                LOG.info("No database server at {} ({})", baseUrl, e.getMessage());
                return false;
            }
        }
    }
}
