package com.qingke.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the tests' own: {@code mariadb-install-db} into a temporary datadir, {@code mariadbd} on a free
 * loopback port, run as the current user. The fault tests stop and start it at will; the shared server on 3306 is
 * never touched. One per test JVM ({@link #shared()}), stopped and deleted when the JVM ends.
 */
public final class PrivateMariaDb {
    private static final Path MARIADBD = Paths.get("/usr/sbin/mariadbd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static PrivateMariaDb shared;

    private final Path dir;
    private final Path datadir;
    private final int port;
    private volatile Process process;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.datadir = dir.resolve("data");
        this.port = port;
    }

    /** The test JVM's private server, installed and started on first use. */
    public static synchronized PrivateMariaDb shared() {
        if (shared == null) {
            PrivateMariaDb db = install();
            Runtime.getRuntime().addShutdownHook(new Thread(db::destroy, "private-mariadb-cleanup"));
            db.start();
            shared = db;
        }
        return shared;
    }

    private static PrivateMariaDb install() {
        if (!Files.isExecutable(MARIADBD)) {
            throw new IllegalStateException(MARIADBD + " is missing: the fault tests start a private MariaDB server "
                    + "(Debian package mariadb-server; .ci/run installs it)");
        }
        try {
            Path dir = Files.createTempDirectory("qingke-it-mariadb-");
            Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--user=" + System.getProperty("user.name"),
                    "--datadir=" + dir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db",
                    "--skip-name-resolve")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
            if (!install.waitFor(120, TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db did not finish in 120 s");
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed:\n" + Files.readString(dir.resolve("install.log")));
            }
            return new PrivateMariaDb(dir, freePort());
        } catch (IOException e) {
            throw new IllegalStateException("Could not install a private MariaDB", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Starts mariadbd on the datadir and waits until it takes connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults",
                "--user=" + System.getProperty("user.name"), "--datadir=" + datadir, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadbd.sock"), "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--log-error=" + dir.resolve("error.log"), "--skip-name-resolve", "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--max-connections=400"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.out").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start mariadbd", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + process.exitValue() + ":\n" + errorLogTail());
            }
            try (Connection c = connect("")) {
                return;
            } catch (SQLException notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not take connections within " + START_TIMEOUT + ":\n" + errorLogTail());
    }

    /** Shuts the server down cleanly (SIGTERM, as systemd would) and waits until the process is gone. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** A fresh, empty utf8mb4 database. */
    public void createDatabase(String name) {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    /** The JDBC URL of README's production example, on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true";
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + database + "?connectTimeout=2000", "root", "");
    }

    private void destroy() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    private String errorLogTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no error log)";
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
