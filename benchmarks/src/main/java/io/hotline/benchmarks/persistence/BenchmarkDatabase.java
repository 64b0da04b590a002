package io.hotline.benchmarks.persistence;

import io.hotline.persistence.Database;
import io.hotline.persistence.PersistenceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A freshly migrated benchmark database ({@code hotline_bench}) on the server at {@code HOTLINE_BENCH_DB_URL}
 * (a server URL ending in '/'; default {@code jdbc:mysql://127.0.0.1:3306/}, user root, empty password).
 * Loopback only by default; the benchmark drops and recreates the database on every trial.
 */
final class BenchmarkDatabase {
    private static final String NAME = "hotline_bench";

    private BenchmarkDatabase() {
    }

    static Database recreate() throws SQLException {
        return recreate(NAME);
    }

    /** A freshly migrated database of its own name, so a benchmark run beside another does not drop its data. */
    static Database recreate(String name) throws SQLException {
        String server = System.getenv().getOrDefault("HOTLINE_BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
        String user = System.getenv().getOrDefault("HOTLINE_BENCH_DB_USER", "root");
        String password = System.getenv().getOrDefault("HOTLINE_BENCH_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Database database = Database.open(new PersistenceConfig(server + name, user, password, 4,
                Duration.ofSeconds(10)), null);
        database.migrate();
        return database;
    }
}
