package com.qingke.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the callback ingestion benchmark (bench/callbacks.sh): the rows the app stores per callback,
 * inserted directly with Connector/J as single-row, auto-committed (durable) inserts into a table of the same shape
 * as {@code inbox_message} (created with {@code CREATE TABLE ... LIKE inbox_message}, so the same unique and due
 * indexes), by the same number of concurrent connections as the HTTP side, for the same time.
 * <p>
 * Usage: {@code CallbackRawLoad <jdbc url> <user> <password> <callbacks.raw> <connections> <seconds> <corp id>}
 */
public final class CallbackRawLoad {
    static final String TABLE = "bench_raw_inbox";
    // the statement of inbox.Inbox, on the copy of the table
    private static final String INSERT = "INSERT INTO " + TABLE + " "
            + "(corp_id, source, dedupe_key, message_type, payload, status, attempts, next_attempt_at, received_at) "
            + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: CallbackRawLoad <jdbc url> <user> <password> <callbacks.raw> <connections> <seconds> <corp id>");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = args[2];
        List<String[]> rows = read(Path.of(args[3]));
        int connections = Integer.parseInt(args[4]);
        double seconds = Double.parseDouble(args[5]);
        String corp = args[6];

        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " LIKE inbox_message");
        }
        LoadStats stats = new LoadStats();
        AtomicInteger exhausted = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int slice = t;
            Thread thread = new Thread(() -> {
                LoadStats.Recorder recorder = new LoadStats.Recorder();
                try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement ps = c.prepareStatement(INSERT)) {
                    c.setAutoCommit(true);
                    ready.countDown();
                    start.await();
                    int i = slice;
                    while (System.nanoTime() < deadline[0]) {
                        if (i >= rows.size()) {
                            exhausted.incrementAndGet();
                            break;
                        }
                        String[] row = rows.get(i);
                        i += connections;
                        long begin = System.nanoTime();
                        try {
                            Timestamp now = Timestamp.from(Instant.now());
                            ps.setString(1, corp);
                            ps.setString(2, "WECOM");
                            ps.setString(3, row[0]);
                            ps.setString(4, row[1]);
                            ps.setString(5, row[2]);
                            ps.setTimestamp(6, now);
                            ps.setTimestamp(7, now);
                            ps.executeUpdate();
                            recorder.record(System.nanoTime() - begin);
                        } catch (SQLException e) {
                            recorder.error();
                        }
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    recorder.mergeInto(stats);
                }
            }, "raw-insert-" + t);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long began = System.nanoTime();
        deadline[0] = began + (long) (seconds * 1e9);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        System.out.println(stats.result("raw-insert", elapsed));
        if (exhausted.get() > 0) {
            System.out.println("WARNING " + exhausted.get() + " connections ran out of rows before the time was up");
        }
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                rows.add(parts);
            }
        }
        return rows;
    }
}
