package com.qingke.faults;

import com.qingke.fakewechat.StandaloneFakeWeChat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}, built in the package phase) as a child process in the
 * prod profile, configured through the environment exactly as README's production section says. Its console goes to
 * {@code target/faults/<name>.log}. Every instance still alive when the test JVM ends is killed by a shutdown hook.
 */
public final class AppInstance implements AutoCloseable {
    /** Start-up under load (several JVMs on two shared cores) can take a minute; idle it takes seconds. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "app-instances-cleanup"));
    }

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> systemProperties;
    private final Path log;
    private volatile Process process;
    private int starts;

    private AppInstance(String name, int port, Map<String, String> environment, List<String> systemProperties) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.log = workDir().resolve(name + ".log");
    }

    /**
     * An instance on a free port (not started yet).
     *
     * @param environment      production settings (QINGKE_DB_URL, WECOM_*, ...)
     * @param systemProperties extra -D settings, e.g. shorter schedules
     */
    /** One instance on a database of its own in the shared private MariaDB, started and ready. */
    public static AppInstance startAlone(String name, String database, StandaloneFakeWeChat fake) {
        PrivateMariaDb db = PrivateMariaDb.shared();
        db.createDatabase(database);
        return create(name, environment(db, database, fake.appEnvironment()), Map.of()).start().awaitReady();
    }

    public static AppInstance create(String name, Map<String, String> environment, Map<String, String> systemProperties) {
        List<String> props = new ArrayList<>();
        systemProperties.forEach((k, v) -> props.add("-D" + k + "=" + v));
        return new AppInstance(name, PrivateMariaDb.freePort(), new LinkedHashMap<>(environment), props);
    }

    /** The settings every instance of a test shares: the database, a session secret and the fake platform. */
    public static Map<String, String> environment(PrivateMariaDb db, String database, Map<String, String> platform) {
        Map<String, String> env = new LinkedHashMap<>(platform);
        env.put("QINGKE_DB_URL", db.jdbcUrl(database));
        env.put("QINGKE_DB_USER", "root");
        env.put("QINGKE_DB_PASSWORD", "");
        env.put("QINGKE_SESSION_SECRET", "faults-test-session-secret-not-for-production-01");
        env.put("QINGKE_RULES_DIR", basedir().resolve("rules").toString());
        return env;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the process; {@link #awaitReady()} waits for it. */
    public AppInstance start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        // The CI machine has two cores shared by several builds: C1 only and the serial collector halve the CPU a
        // start-up costs. The JIT tier and the collector change how fast the app runs, not what it does.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(appJar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            // the first start of this instance begins a new log: lines of an earlier test run would be counted as this one's
            Files.writeString(log, "==== start " + (++starts) + " of " + name + " on port " + port + "\n",
                    java.nio.file.StandardOpenOption.CREATE, starts == 1
                            ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING : java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
        RUNNING.add(process);
        return this;
    }

    /** Waits until /q/health/ready answers UP; fails with the log's tail when the process dies or takes too long. */
    public AppInstance awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail(40));
            }
            if (readiness() == 200) {
                return this;
            }
            PrivateMariaDb.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + logTail(40));
    }

    /** HTTP status of /q/health/ready (200 UP, 503 DOWN), or 0 when nothing answers. */
    public int readiness() {
        return get("/q/health/ready").status();
    }

    /** SIGKILL: the JVM gets no chance to finish requests, commit, or run shutdown hooks. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        waitGone(p);
    }

    /** SIGTERM: a graceful shutdown, as a process manager would do it; SIGKILL after 60 s. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitGone(p);
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    public record Answer(int status, String body) {
    }

    public Answer get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    /** Sum of a Prometheus counter over the series whose labels include every given label (e.g. source="WECOM"). */
    public double counter(String metric, String... labels) {
        Answer a = get("/q/metrics");
        if (a.status() != 200) {
            throw new IllegalStateException(name + " /q/metrics answered " + a.status());
        }
        double sum = 0;
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})?\\s+(\\S+)$");
        for (String l : a.body().split("\n")) {
            Matcher m = line.matcher(l.trim());
            if (!m.matches()) {
                continue;
            }
            String labelSet = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= labelSet.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /** Lines of the instance's console log (all its runs) containing the text. */
    public List<String> logLines(String containing) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains(containing)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void waitGone(Process p) {
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(p);
    }

    static Path basedir() {
        return Paths.get(System.getProperty("qingke.it.basedir", System.getProperty("user.dir")));
    }

    static Path appJar() {
        Path jar = Paths.get(System.getProperty("qingke.it.app-jar", basedir().resolve("target/quarkus-app/quarkus-run.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault tests run the packaged app (./mvnw verify builds it first)");
        }
        return jar;
    }

    static Path workDir() {
        Path dir = basedir().resolve("target/faults");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }
}
