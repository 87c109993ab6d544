package com.qingke.demo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Command line: applies the Liquibase migrations to a database, then streams a deterministic data set into it
 * without starting Quarkus. For example the benchmark set into the local MariaDB:
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.qingke.demo.GenerateData \
 *   -Dexec.args="--size benchmark --seed 42 --jdbc-url jdbc:mysql://127.0.0.1:3306/qingke_bench?createDatabaseIfNotExist=true --user root"
 * </pre>
 * Options: {@code --size demo|small|benchmark|<customers>} (default demo), {@code --seed <n>} (default 42),
 * {@code --jdbc-url <url>} (required), {@code --user}, {@code --password}, {@code --corp <corp id>} (default
 * ww-demo-corp), {@code --now <ISO instant>} (default the current time), {@code --chunk <customers per transaction>}
 * (default 1000), {@code --skip-migrate}.
 */
public final class GenerateData {

    /** Held strongly: java.util.logging forgets a logger's level once nothing references the logger. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

    private GenerateData() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        String url = withBatchRewrite(options.get("jdbc-url"));
        DemoSize size = DemoSize.parse(options.getOrDefault("size", "demo"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        String corpId = options.getOrDefault("corp", "ww-demo-corp");
        Instant now = options.containsKey("now") ? Instant.parse(options.get("now")) : Instant.now();
        int chunk = Integer.parseInt(options.getOrDefault("chunk", "1000"));
        DataSource dataSource = new DriverManagerDataSource(url, options.getOrDefault("user", "root"),
                options.getOrDefault("password", ""));

        long started = System.nanoTime();
        if (!options.containsKey("skip-migrate")) {
            migrate(dataSource);
            System.out.printf("Schema migrated in %.1f s%n", seconds(started));
        }
        DemoLoader loader = new DemoLoader(dataSource).chunkSize(chunk);
        if (loader.hasCustomers(corpId)) {
            System.err.println("Corp " + corpId + " already has customers; use another --corp or an empty database.");
            System.exit(1);
        }
        DemoGenerator generator = DemoGenerator.of(size, seed, now);
        System.out.printf("Generating %s (%d customers, seed %d, now %s) into corp %s%n", size.name(),
                size.customers(), seed, generator.now(), corpId);
        int step = Math.max(1, size.customers() / 20);
        long loadStarted = System.nanoTime();
        LoadReport report = loader.onProgress(p -> {
            if (p.customersLoaded() % step < chunk || p.customersLoaded() == p.customersTotal()) {
                double s = p.elapsed().toMillis() / 1000.0;
                System.out.printf("  %,d / %,d customers, %,d events, %.1f s (%,.0f events/s)%n", p.customersLoaded(),
                        p.customersTotal(), p.eventsLoaded(), s, p.eventsLoaded() / Math.max(s, 0.001));
            }
        }).load(corpId, generator);
        System.out.printf("Generated and loaded in %.1f s: %s%n", seconds(loadStarted), report);
        System.out.printf("Total %.1f s%n", seconds(started));
    }

    /** Applies db/changelog.xml with Liquibase, as Quarkus does at start-up, so the app finds the schema current. */
    static void migrate(DataSource dataSource) throws Exception {
        System.setProperty("liquibase.analytics.enabled", "false");
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(GenerateData.class.getClassLoader()));
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> new CommandScope("update")
                    .addArgumentValue("changelogFile", "db/changelog.xml")
                    .addArgumentValue("database", database)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY.getName(), UpdateSummaryEnum.OFF)
                    .execute());
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("skip-migrate")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        if (!options.containsKey("jdbc-url")) {
            throw new IllegalArgumentException("--jdbc-url is required");
        }
        return options;
    }

    /** MySQL only turns a JDBC batch into multi-row inserts with rewriteBatchedStatements; add it when missing. */
    static String withBatchRewrite(String url) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")
                || url.toLowerCase(Locale.ROOT).contains("rewritebatchedstatements")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
    }

    private static String usage() {
        return "usage: GenerateData --jdbc-url <url> [--user root] [--password ''] [--size demo|small|benchmark|<n>]"
                + " [--seed 42] [--corp ww-demo-corp] [--now 2026-06-01T00:00:00Z] [--chunk 1000] [--skip-migrate]";
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The smallest DataSource over DriverManager: the command line needs no pool. */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return DriverManager.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            DriverManager.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) {
            DriverManager.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return DriverManager.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
