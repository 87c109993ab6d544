package com.qingke.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The baseline of the sidebar benchmark (bench/sidebar.sh): the SQL that {@code GET /api/sidebar/customers/{id}}
 * issues, run directly with Connector/J by the same number of threads (one connection each), for the same
 * (rep, customer) pairs, for the same time. One "request" here is the statements of one sidebar opening, in the
 * same order and with the same transactions as the endpoint: the signed-in employee (its own transaction, like
 * {@code SessionIdentityProvider}), then in one read transaction the customer, the follower check (when the rep is
 * not the owner), the owner's name, the latest 51 events and the names of their employees, the open actions and
 * their materials, the opportunities and the main one's decision chain, the open tasks. Every column of every row
 * is read.
 * <p>
 * The statements are Hibernate's, copied from its SQL log ({@code -Dquarkus.hibernate-orm.log.sql=true}) of the
 * endpoint; {@code sidebar.SidebarRawSqlTest} fails when the endpoint's statements no longer match these.
 * <p>
 * Usage: {@code SidebarRawLoad <jdbc url> <user> <password> <pairs file> <threads> <seconds>} where each line of
 * the pairs file is {@code <customer id> <session token> <employee id>}.
 */
public final class SidebarRawLoad {
    static final String EMPLOYEE = "select e1_0.id,e1_0.active,e1_0.corp_id,e1_0.created_at,e1_0.department,e1_0.mobile,"
            + "e1_0.name,e1_0.role,e1_0.wecom_userid from employee e1_0 where e1_0.id=?";
    static final String CUSTOMER = "select c1_0.id,c1_0.analysed_at,c1_0.avatar_url,c1_0.campaign_id,c1_0.company,"
            + "c1_0.consent_at,c1_0.consent_text,c1_0.corp_id,c1_0.created_at,c1_0.first_contact_at,c1_0.gender,c1_0.intent_grade,"
            + "c1_0.intent_reasons,c1_0.intent_score,c1_0.last_activity_at,c1_0.lifecycle_stage,c1_0.model_snapshot_id,"
            + "c1_0.name,c1_0.owner_id,c1_0.phone,c1_0.position,c1_0.risk_tags,c1_0.rule_version,c1_0.source_channel,"
            + "c1_0.status,c1_0.survivor_id,c1_0.tags,c1_0.updated_at,c1_0.version from customer c1_0 where c1_0.id=?";
    static final String FOLLOWER = "select count(*) from customer_follower cf1_0 where cf1_0.customer_id=? "
            + "and cf1_0.employee_id=? and cf1_0.active=true";
    static final String EVENTS = "select be1_0.id,be1_0.corp_id,be1_0.created_at,be1_0.customer_id,be1_0.employee_id,"
            + "be1_0.idempotency_key,be1_0.metadata,be1_0.occurred_at,be1_0.source,be1_0.type from behaviour_event be1_0 "
            + "where be1_0.customer_id=? order by be1_0.occurred_at desc,be1_0.id desc limit ?,?";
    static final String EMPLOYEES_IN = "select e1_0.id,e1_0.active,e1_0.corp_id,e1_0.created_at,e1_0.department,"
            + "e1_0.mobile,e1_0.name,e1_0.role,e1_0.wecom_userid from employee e1_0 where e1_0.id in (%s)";
    static final String ACTIONS = "select ra1_0.id,ra1_0.corp_id,ra1_0.created_at,ra1_0.customer_id,ra1_0.decided_at,"
            + "ra1_0.decided_by,ra1_0.dismiss_reason,ra1_0.draft_text,ra1_0.executed_at,ra1_0.execution_result,"
            + "ra1_0.final_text,ra1_0.kind,ra1_0.material_id,ra1_0.open_key,ra1_0.opportunity_id,ra1_0.owner_id,"
            + "ra1_0.priority,ra1_0.reason,ra1_0.rule_name,ra1_0.rule_version,ra1_0.status,ra1_0.task_due_days,"
            + "ra1_0.task_id,ra1_0.task_title,ra1_0.title,ra1_0.version from recommended_action ra1_0 "
            + "where ra1_0.customer_id=? and ra1_0.status in (?,?) order by ra1_0.priority desc,ra1_0.created_at desc,ra1_0.id desc";
    static final String MATERIALS_IN = "select m1_0.id,m1_0.active,m1_0.content_url,m1_0.corp_id,m1_0.cover_url,"
            + "m1_0.created_at,m1_0.description,m1_0.kind,m1_0.title from material m1_0 where m1_0.id in (%s)";
    static final String OPPORTUNITIES = "select o1_0.id,o1_0.amount,o1_0.campaign_id,o1_0.channel,o1_0.closed_at,"
            + "o1_0.contact_count,o1_0.corp_id,o1_0.created_at,o1_0.customer_id,o1_0.decision_chain_status,"
            + "o1_0.intent_score,o1_0.lost_reason,o1_0.model_snapshot_id,o1_0.name,o1_0.owner_id,o1_0.payment_due_at,"
            + "o1_0.payment_status,o1_0.stage,o1_0.stage_changed_at,o1_0.updated_at,o1_0.version,o1_0.win_rate,"
            + "o1_0.win_rate_factors from opportunity o1_0 where o1_0.customer_id=?";
    static final String CONTACTS = "select dc1_0.id,dc1_0.corp_id,dc1_0.created_at,dc1_0.name,dc1_0.opportunity_id,"
            + "dc1_0.reached,dc1_0.reached_at,dc1_0.role,dc1_0.title from decision_contact dc1_0 "
            + "where dc1_0.opportunity_id=? order by dc1_0.id";
    static final String TASKS = "select ct1_0.id,ct1_0.action_id,ct1_0.assignee_id,ct1_0.completed_at,ct1_0.corp_id,"
            + "ct1_0.created_at,ct1_0.customer_id,ct1_0.description,ct1_0.due_at,ct1_0.opportunity_id,ct1_0.outcome,"
            + "ct1_0.source,ct1_0.status,ct1_0.title from task ct1_0 where ct1_0.customer_id=? and ct1_0.status=?";
    private static final int EVENT_PAGE = 50;

    record Pair(long customerId, long employeeId) {
    }

    /**
     * The statements of a follower (not the owner) opening a customer with events by one employee, an open action
     * with a material and an opportunity, in the order the endpoint sends them (for SidebarRawSqlTest).
     */
    public static List<String> followerOpeningStatements() {
        return List.of(EMPLOYEE, CUSTOMER, FOLLOWER, EMPLOYEE, EVENTS, String.format(EMPLOYEES_IN, "?"), ACTIONS,
                String.format(MATERIALS_IN, "?"), OPPORTUNITIES, CONTACTS, TASKS);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: SidebarRawLoad <jdbc url> <user> <password> <pairs file> <threads> <seconds>");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = args[2];
        List<Pair> pairs = read(Path.of(args[3]));
        int threads = Integer.parseInt(args[4]);
        double seconds = Double.parseDouble(args[5]);

        LoadStats stats = new LoadStats();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(4242 + t);
            Thread thread = new Thread(() -> {
                LoadStats.Recorder recorder = new LoadStats.Recorder();
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    Sidebar sidebar = new Sidebar(c);
                    ready.countDown();
                    start.await();
                    while (System.nanoTime() < deadline[0]) {
                        Pair pair = pairs.get(random.nextInt(pairs.size()));
                        long begin = System.nanoTime();
                        try {
                            sidebar.open(pair.customerId(), pair.employeeId());
                            recorder.record(System.nanoTime() - begin);
                        } catch (SQLException e) {
                            recorder.error();
                            c.rollback();
                        }
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    recorder.mergeInto(stats);
                }
            }, "raw-sidebar-" + t);
            running.add(thread);
            thread.start();
        }
        ready.await();
        long began = System.nanoTime();
        deadline[0] = began + (long) (seconds * 1e9);
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        System.out.println(stats.result("raw-jdbc", (System.nanoTime() - began) / 1e9));
    }

    /** The statements of one sidebar opening on one connection (auto-commit off). */
    static final class Sidebar {
        private final Connection c;
        private final PreparedStatement employee;
        private final PreparedStatement customer;
        private final PreparedStatement follower;
        private final PreparedStatement events;
        private final PreparedStatement actions;
        private final PreparedStatement opportunities;
        private final PreparedStatement contacts;
        private final PreparedStatement tasks;
        private final Map<Integer, PreparedStatement> employeesIn = new HashMap<>();
        private final Map<Integer, PreparedStatement> materialsIn = new HashMap<>();
        /** How many statements the last {@link #open} ran. */
        int statements;

        Sidebar(Connection c) throws SQLException {
            this.c = c;
            employee = c.prepareStatement(EMPLOYEE);
            customer = c.prepareStatement(CUSTOMER);
            follower = c.prepareStatement(FOLLOWER);
            events = c.prepareStatement(EVENTS);
            actions = c.prepareStatement(ACTIONS);
            opportunities = c.prepareStatement(OPPORTUNITIES);
            contacts = c.prepareStatement(CONTACTS);
            tasks = c.prepareStatement(TASKS);
        }

        void open(long customerId, long employeeId) throws SQLException {
            statements = 0;
            // the session's employee, in its own transaction
            employee.setLong(1, employeeId);
            readAll(employee);
            c.commit();

            customer.setLong(1, customerId);
            Long ownerId = null;
            statements++;
            try (ResultSet rs = customer.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no customer " + customerId);
                }
                readRow(rs);
                long owner = rs.getLong("owner_id");
                ownerId = rs.wasNull() ? null : owner;
            }
            if (ownerId == null || ownerId != employeeId) {
                follower.setLong(1, customerId);
                follower.setLong(2, employeeId);
                readAll(follower);
            }
            if (ownerId != null) {
                employee.setLong(1, ownerId);
                readAll(employee);
            }

            events.setLong(1, customerId);
            events.setInt(2, 0);
            events.setInt(3, EVENT_PAGE + 1);
            Set<Long> eventEmployees = new LinkedHashSet<>();
            int row = 0;
            statements++;
            try (ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                    long id = rs.getLong("employee_id");
                    if (!rs.wasNull() && row < EVENT_PAGE) {
                        eventEmployees.add(id);
                    }
                    row++;
                }
            }
            if (!eventEmployees.isEmpty()) {
                readAll(in(employeesIn, EMPLOYEES_IN, eventEmployees));
            }

            actions.setLong(1, customerId);
            actions.setString(2, "PROPOSED");
            actions.setString(3, "CONFIRMED");
            Set<Long> materials = new LinkedHashSet<>();
            statements++;
            try (ResultSet rs = actions.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                    long id = rs.getLong("material_id");
                    if (!rs.wasNull()) {
                        materials.add(id);
                    }
                }
            }
            if (!materials.isEmpty()) {
                readAll(in(materialsIn, MATERIALS_IN, materials));
            }

            opportunities.setLong(1, customerId);
            Long main = null;
            boolean mainClosed = true;
            Timestamp mainChanged = null;
            statements++;
            try (ResultSet rs = opportunities.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                    // the endpoint's order: open before closed, then the latest stage change, then the highest id
                    long id = rs.getLong("id");
                    String stage = rs.getString("stage");
                    boolean closed = "WON".equals(stage) || "LOST".equals(stage);
                    Timestamp changed = rs.getTimestamp("stage_changed_at");
                    if (main == null || (!closed && mainClosed) || (closed == mainClosed
                            && (changed.after(mainChanged) || (changed.equals(mainChanged) && id > main)))) {
                        main = id;
                        mainClosed = closed;
                        mainChanged = changed;
                    }
                }
            }
            if (main != null) {
                contacts.setLong(1, main);
                readAll(contacts);
            }

            tasks.setLong(1, customerId);
            tasks.setString(2, "OPEN");
            readAll(tasks);
            c.commit();
        }

        private PreparedStatement in(Map<Integer, PreparedStatement> cache, String sql, Collection<Long> ids) throws SQLException {
            PreparedStatement ps = cache.get(ids.size());
            if (ps == null) {
                ps = c.prepareStatement(String.format(sql, String.join(",", java.util.Collections.nCopies(ids.size(), "?"))));
                cache.put(ids.size(), ps);
            }
            int i = 1;
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            return ps;
        }

        private void readAll(PreparedStatement ps) throws SQLException {
            statements++;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                }
            }
        }

        private static void readRow(ResultSet rs) throws SQLException {
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                rs.getObject(i);
            }
        }
    }

    static List<Pair> read(Path file) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3) {
                pairs.add(new Pair(Long.parseLong(parts[0]), Long.parseLong(parts[2])));
            }
        }
        return pairs;
    }
}
