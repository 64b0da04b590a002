package io.hotline.benchmarks.persistence;

import io.hotline.persistence.Database;
import io.hotline.persistence.PersistenceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A freshly migrated benchmark database ({@code hotline_bench}, or another {@code hotline_bench_*} name a benchmark
 * keeps to itself) on the server at {@code HOTLINE_BENCH_DB_URL} (a server URL ending in '/'; default
 * {@code jdbc:mysql://127.0.0.1:3306/}, user root, empty password). Loopback only by default; the benchmark drops
 * and recreates the database on every trial. Stateless.
 */
public final class BenchmarkDatabase {
    private static final String NAME = "hotline_bench";
    /** Only the benchmarks' own databases are ever dropped. */
    private static final Pattern NAMES = Pattern.compile("hotline_bench(_[a-z0-9]+)*");

    private BenchmarkDatabase() {
    }

    static Database recreate() throws SQLException {
        return recreate(NAME);
    }

    /**
     * Drops and recreates database {@code name}, opens a pool of 4 on it and runs the production migrations.
     *
     * @throws IllegalArgumentException when {@code name} is not {@code hotline_bench} or {@code hotline_bench_*}
     */
    public static Database recreate(String name) throws SQLException {
        try (Connection connection = server(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + checked(name));
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Database database = open(name);
        database.migrate();
        return database;
    }

    /** A new pool of 4 on the existing database {@code name}, as Hotline opens it at a start. */
    public static Database open(String name) {
        return Database.open(new PersistenceConfig(url() + checked(name), user(), password(), 4,
                Duration.ofSeconds(10)), null);
    }

    /** Drops database {@code name} if it exists. */
    public static void drop(String name) throws SQLException {
        try (Connection connection = server(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + checked(name));
        }
    }

    private static Connection server() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static String checked(String name) {
        if (!NAMES.matcher(name).matches()) {
            throw new IllegalArgumentException("not a benchmark database name: '" + name + "'");
        }
        return name;
    }

    private static String url() {
        return System.getenv().getOrDefault("HOTLINE_BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    }

    private static String user() {
        return System.getenv().getOrDefault("HOTLINE_BENCH_DB_USER", "root");
    }

    private static String password() {
        return System.getenv().getOrDefault("HOTLINE_BENCH_DB_PASSWORD", "");
    }
}
