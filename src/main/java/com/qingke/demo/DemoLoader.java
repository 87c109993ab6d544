package com.qingke.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * Writes a demo data set into the database with plain JDBC batches, chunk by chunk (one transaction per chunk of
 * customers), table by table. Works on H2 (demo mode) and MySQL/MariaDB; with {@code rewriteBatchedStatements=true}
 * MySQL batches become multi-row inserts.
 *
 * <p>Never loads twice: a corp that already has customers is refused. Employees, tags, campaigns and materials that
 * already exist for the corp (same userid, tag id, code, content URL) are reused rather than duplicated, so the
 * loader can follow a WeCom contact sync that created the employees.
 *
 * <p>Call it outside a JTA transaction: it takes its own connection and commits per chunk. A failure rolls back the
 * current chunk only, and the corp then counts as loaded; the check for existing customers is not a lock, so two
 * processes must not load the same corp at once.
 *
 * <p>Parent ids come from the driver's generated keys of each batch; on MySQL that relies on InnoDB handing one
 * multi-row insert consecutive ids, which holds with MariaDB's and MySQL 5.7's default
 * {@code innodb_autoinc_lock_mode=1} and whenever nothing else inserts into the same tables meanwhile.
 */
public final class DemoLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_CHUNK = 500;

    private final DataSource dataSource;
    private int chunkSize = DEFAULT_CHUNK;
    private Consumer<LoadProgress> progress = p -> { };

    public DemoLoader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
    }

    /** Customers written per transaction (default 500). */
    public DemoLoader chunkSize(int customersPerChunk) {
        if (customersPerChunk < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.chunkSize = customersPerChunk;
        return this;
    }

    /** Called after every committed chunk. */
    public DemoLoader onProgress(Consumer<LoadProgress> listener) {
        this.progress = Objects.requireNonNull(listener);
        return this;
    }

    /** Whether the corp has any customer row (in any status). */
    public boolean hasCustomers(String corpId) {
        try (Connection c = dataSource.getConnection()) {
            return hasCustomers(c, corpId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the customers of " + corpId, e);
        }
    }

    /** Loads a materialised data set into {@code corpId}. */
    public LoadReport load(String corpId, DemoDataset dataset) {
        List<DemoCustomer> customers = dataset.customers();
        return load(corpId, dataset.catalog(), customers.size(), customers::get);
    }

    /** Streams a generated data set into {@code corpId}, holding one chunk of customers in memory at a time. */
    public LoadReport load(String corpId, DemoGenerator generator) {
        return load(corpId, generator.catalog(), generator.customerCount(), generator::customer);
    }

    private LoadReport load(String corpId, DemoCatalog catalog, int count, IntFunction<DemoCustomer> customers) {
        Objects.requireNonNull(corpId);
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (hasCustomers(c, corpId)) {
                    throw new IllegalStateException("corp " + corpId + " already has customers; demo data is loaded only once");
                }
                Writer w = new Writer(c, corpId, catalog);
                w.catalog();
                c.commit();
                for (int from = 0; from < count; from += chunkSize) {
                    int to = Math.min(count, from + chunkSize);
                    List<DemoCustomer> chunk = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        chunk.add(customers.apply(i));
                    }
                    w.customers(chunk);
                    c.commit();
                    progress.accept(new LoadProgress(to, count, w.counts.events,
                            Duration.ofNanos(System.nanoTime() - started)));
                }
                return w.report(Duration.ofNanos(System.nanoTime() - started));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading demo data into " + corpId + " failed", e);
        }
    }

    private static boolean hasCustomers(Connection c, String corpId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM customer WHERE corp_id = ? LIMIT 1")) {
            ps.setString(1, corpId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Row counts as they are written. */
    private static final class Counts {
        long customers, identities, followers, events, opportunities, stageChanges, contacts, tasks, links;
    }

    /** One load: the id maps of the catalog and the statements reused across chunks. */
    private static final class Writer {
        private final Connection c;
        private final String corpId;
        private final DemoCatalog catalog;
        private final boolean h2;
        private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        private final Map<String, Long> employees = new HashMap<>();
        private final Map<String, Long> campaigns = new HashMap<>();
        private final Map<String, Long> materials = new HashMap<>();
        private final Counts counts = new Counts();

        Writer(Connection c, String corpId, DemoCatalog catalog) throws SQLException {
            this.c = c;
            this.corpId = corpId;
            this.catalog = catalog;
            this.h2 = c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        }

        LoadReport report(Duration elapsed) {
            return new LoadReport(corpId, counts.customers, counts.identities, counts.followers, counts.events,
                    counts.opportunities, counts.stageChanges, counts.contacts, counts.tasks, counts.links, elapsed);
        }

        void catalog() throws SQLException {
            employees.putAll(existing("SELECT wecom_userid, id FROM employee WHERE corp_id = ?"));
            for (DemoEmployee e : catalog.employees()) {
                if (!employees.containsKey(e.userId())) {
                    employees.put(e.userId(), insertOne(
                            "INSERT INTO employee (corp_id, wecom_userid, name, role, department, mobile, active, created_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            ps -> {
                                ps.setString(1, corpId);
                                ps.setString(2, e.userId());
                                ps.setString(3, e.name());
                                ps.setString(4, e.role().name());
                                ps.setString(5, e.department());
                                ps.setString(6, e.mobile());
                                ps.setBoolean(7, e.active());
                                time(ps, 8, e.createdAt());
                            }));
                }
            }
            Map<String, Long> tags = existing("SELECT tag_id, id FROM wecom_tag WHERE corp_id = ?");
            for (DemoTag t : catalog.tags()) {
                if (!tags.containsKey(t.tagId())) {
                    insertOne("INSERT INTO wecom_tag (corp_id, tag_id, name, group_name) VALUES (?, ?, ?, ?)", ps -> {
                        ps.setString(1, corpId);
                        ps.setString(2, t.tagId());
                        ps.setString(3, t.name());
                        ps.setString(4, t.groupName());
                    });
                }
            }
            campaigns.putAll(existing("SELECT code, id FROM campaign WHERE corp_id = ?"));
            for (DemoCampaign k : catalog.campaigns()) {
                if (!campaigns.containsKey(k.code())) {
                    campaigns.put(k.code(), insertOne(
                            "INSERT INTO campaign (corp_id, code, name, channel, owner_id, wecom_config_id, permanent,"
                                    + " expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ps -> {
                                ps.setString(1, corpId);
                                ps.setString(2, k.code());
                                ps.setString(3, k.name());
                                ps.setString(4, k.channel().name());
                                id(ps, 5, k.ownerUserId() == null ? null : employee(k.ownerUserId()));
                                ps.setString(6, k.wecomConfigId());
                                ps.setBoolean(7, k.permanent());
                                time(ps, 8, k.expiresAt());
                                time(ps, 9, k.createdAt());
                            }));
                }
            }
            Map<String, Long> byUrl = existing("SELECT content_url, id FROM material WHERE corp_id = ?");
            for (DemoMaterial m : catalog.materials()) {
                Long id = byUrl.get(m.contentUrl());
                if (id == null) {
                    id = insertOne("INSERT INTO material (corp_id, kind, title, description, content_url, active, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                                ps.setString(1, corpId);
                                ps.setString(2, m.kind().name());
                                ps.setString(3, m.title());
                                ps.setString(4, m.description());
                                ps.setString(5, m.contentUrl());
                                ps.setBoolean(6, true);
                                time(ps, 7, m.createdAt());
                            });
                }
                materials.put(m.slug(), id);
            }
        }

        void customers(List<DemoCustomer> chunk) throws SQLException {
            long[] customerIds = insertCustomers(chunk);
            insertIdentities(chunk, customerIds);
            insertFollowers(chunk, customerIds);
            insertEvents(chunk, customerIds);
            Map<String, Long> opportunityIds = insertOpportunities(chunk, customerIds);
            insertOpportunityChildren(chunk, opportunityIds);
            insertTasks(chunk, customerIds, opportunityIds);
            insertLinks(chunk, customerIds);
        }

        private long[] insertCustomers(List<DemoCustomer> chunk) throws SQLException {
            String sql = "INSERT INTO customer (corp_id, name, phone, company, position, gender, tags, lifecycle_stage,"
                    + " owner_id, source_channel, campaign_id, status, intent_reasons, risk_tags, consent_at, consent_text,"
                    + " last_activity_at, first_contact_at, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?, 0)";
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (DemoCustomer k : chunk) {
                    ps.setString(1, corpId);
                    ps.setString(2, k.name());
                    ps.setString(3, k.phone());
                    ps.setString(4, k.company());
                    ps.setString(5, k.position());
                    ps.setInt(6, k.gender());
                    ps.setString(7, toJson(k.tags()));
                    ps.setString(8, k.lifecycleStage().name());
                    id(ps, 9, employee(k.ownerUserId()));
                    ps.setString(10, k.sourceChannel().name());
                    id(ps, 11, campaigns.get(k.campaignCode()));
                    ps.setString(12, "[]");
                    ps.setString(13, "[]");
                    time(ps, 14, k.consentAt());
                    ps.setString(15, k.consentText());
                    time(ps, 16, k.lastActivityAt());
                    // written with the customer, as the events below would have set it one by one in the app
                    time(ps, 17, k.firstContactAt());
                    time(ps, 18, k.createdAt());
                    time(ps, 19, latest(k.createdAt(), k.lastActivityAt()));
                    ps.addBatch();
                }
                ps.executeBatch();
                counts.customers += chunk.size();
                return keys(ps, chunk.size());
            }
        }

        private void insertIdentities(List<DemoCustomer> chunk, long[] ids) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_link (corp_id, customer_id, kind,"
                    + " link_value, source, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    for (DemoIdentity d : chunk.get(i).identities()) {
                        ps.setString(1, corpId);
                        ps.setLong(2, ids[i]);
                        ps.setString(3, d.kind().name());
                        ps.setString(4, d.value());
                        ps.setString(5, d.source());
                        time(ps, 6, d.createdAt());
                        ps.addBatch();
                        counts.identities++;
                    }
                }
                ps.executeBatch();
            }
        }

        private void insertFollowers(List<DemoCustomer> chunk, long[] ids) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer_follower (corp_id, customer_id,"
                    + " employee_id, remark, add_way, state, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    for (DemoFollower f : chunk.get(i).followers()) {
                        ps.setString(1, corpId);
                        ps.setLong(2, ids[i]);
                        ps.setLong(3, employee(f.userId()));
                        ps.setString(4, f.remark());
                        ps.setInt(5, f.addWay());
                        ps.setString(6, f.state());
                        ps.setBoolean(7, true);
                        time(ps, 8, f.createdAt());
                        ps.addBatch();
                        counts.followers++;
                    }
                }
                ps.executeBatch();
            }
        }

        private void insertEvents(List<DemoCustomer> chunk, long[] ids) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO behaviour_event (corp_id, customer_id, type,"
                    + " occurred_at, source, employee_id, metadata, idempotency_key, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    for (DemoEvent e : chunk.get(i).events()) {
                        ps.setString(1, corpId);
                        ps.setLong(2, ids[i]);
                        ps.setString(3, e.type().name());
                        time(ps, 4, e.occurredAt());
                        ps.setString(5, e.source());
                        id(ps, 6, e.employeeUserId() == null ? null : employee(e.employeeUserId()));
                        ps.setString(7, toJson(metadata(e)));
                        ps.setString(8, e.idempotencyKey());
                        time(ps, 9, e.occurredAt());
                        ps.addBatch();
                        counts.events++;
                    }
                }
                ps.executeBatch();
            }
        }

        private Map<String, Object> metadata(DemoEvent e) {
            if (e.materialSlug() == null) {
                return e.metadata();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("materialId", material(e.materialSlug()));
            m.putAll(e.metadata());
            return m;
        }

        private Map<String, Long> insertOpportunities(List<DemoCustomer> chunk, long[] customerIds) throws SQLException {
            List<DemoOpportunity> written = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opportunity (corp_id, customer_id, owner_id, name,"
                    + " stage, amount, channel, campaign_id, contact_count, decision_chain_status, win_rate_factors,"
                    + " payment_status, payment_due_at, lost_reason, stage_changed_at, closed_at, created_at, updated_at,"
                    + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < chunk.size(); i++) {
                    DemoCustomer k = chunk.get(i);
                    for (DemoOpportunity o : k.opportunities()) {
                        ps.setString(1, corpId);
                        ps.setLong(2, customerIds[i]);
                        id(ps, 3, employee(k.ownerUserId()));
                        ps.setString(4, o.name());
                        ps.setString(5, o.stage().name());
                        ps.setBigDecimal(6, o.amount());
                        ps.setString(7, k.sourceChannel().name());
                        id(ps, 8, campaigns.get(k.campaignCode()));
                        ps.setInt(9, o.contactCount());
                        ps.setString(10, o.decisionChainStatus().name());
                        ps.setString(11, "[]");
                        ps.setString(12, o.paymentStatus().name());
                        time(ps, 13, o.paymentDueAt());
                        ps.setString(14, o.lostReason());
                        time(ps, 15, o.stageChangedAt());
                        time(ps, 16, o.closedAt());
                        time(ps, 17, o.createdAt());
                        time(ps, 18, latest(o.createdAt(), o.stageChangedAt()));
                        ps.addBatch();
                        written.add(o);
                    }
                }
                Map<String, Long> ids = new HashMap<>();
                if (written.isEmpty()) {
                    return ids;
                }
                ps.executeBatch();
                long[] keys = keys(ps, written.size());
                for (int i = 0; i < keys.length; i++) {
                    ids.put(written.get(i).key(), keys[i]);
                }
                counts.opportunities += written.size();
                return ids;
            }
        }

        private void insertOpportunityChildren(List<DemoCustomer> chunk, Map<String, Long> ids) throws SQLException {
            try (PreparedStatement history = c.prepareStatement("INSERT INTO opportunity_stage_history (corp_id,"
                    + " opportunity_id, from_stage, to_stage, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement contacts = c.prepareStatement("INSERT INTO decision_contact (corp_id, opportunity_id,"
                         + " name, role, title, reached, reached_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DemoCustomer k : chunk) {
                    for (DemoOpportunity o : k.opportunities()) {
                        long id = ids.get(o.key());
                        for (DemoStageChange s : o.history()) {
                            history.setString(1, corpId);
                            history.setLong(2, id);
                            history.setString(3, s.fromStage() == null ? null : s.fromStage().name());
                            history.setString(4, s.toStage().name());
                            history.setString(5, s.changedBy());
                            time(history, 6, s.changedAt());
                            history.addBatch();
                            counts.stageChanges++;
                        }
                        for (DemoDecisionContact d : o.contacts()) {
                            contacts.setString(1, corpId);
                            contacts.setLong(2, id);
                            contacts.setString(3, d.name());
                            contacts.setString(4, d.role().name());
                            contacts.setString(5, d.title());
                            contacts.setBoolean(6, d.reached());
                            time(contacts, 7, d.reachedAt());
                            time(contacts, 8, d.createdAt());
                            contacts.addBatch();
                            counts.contacts++;
                        }
                    }
                }
                history.executeBatch();
                contacts.executeBatch();
            }
        }

        private void insertTasks(List<DemoCustomer> chunk, long[] customerIds, Map<String, Long> opportunityIds)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task (corp_id, customer_id, opportunity_id,"
                    + " assignee_id, title, description, status, source, due_at, completed_at, outcome, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'MANUAL', ?, ?, ?, ?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    for (DemoTask t : chunk.get(i).tasks()) {
                        ps.setString(1, corpId);
                        ps.setLong(2, customerIds[i]);
                        id(ps, 3, t.opportunityKey() == null ? null : opportunityIds.get(t.opportunityKey()));
                        id(ps, 4, employee(t.assigneeUserId()));
                        ps.setString(5, t.title());
                        ps.setString(6, t.description());
                        ps.setString(7, t.status().name());
                        time(ps, 8, t.dueAt());
                        time(ps, 9, t.completedAt());
                        ps.setString(10, t.outcome());
                        time(ps, 11, t.createdAt());
                        ps.addBatch();
                        counts.tasks++;
                    }
                }
                ps.executeBatch();
            }
        }

        private void insertLinks(List<DemoCustomer> chunk, long[] customerIds) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tracked_link (corp_id, token, material_id,"
                    + " customer_id, sent_by, open_count, last_opened_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    for (DemoTrackedLink l : chunk.get(i).trackedLinks()) {
                        ps.setString(1, corpId);
                        ps.setString(2, token(corpId, l.key()));
                        ps.setLong(3, material(l.materialSlug()));
                        ps.setLong(4, customerIds[i]);
                        id(ps, 5, employee(l.sentByUserId()));
                        ps.setInt(6, l.openCount());
                        time(ps, 7, l.lastOpenedAt());
                        time(ps, 8, l.createdAt());
                        ps.addBatch();
                        counts.links++;
                    }
                }
                ps.executeBatch();
            }
        }

        private long employee(String userId) {
            Long id = employees.get(userId);
            if (id == null) {
                throw new IllegalStateException("no employee " + userId + " in corp " + corpId);
            }
            return id;
        }

        private long material(String slug) {
            Long id = materials.get(slug);
            if (id == null) {
                throw new IllegalStateException("no material " + slug);
            }
            return id;
        }

        private Map<String, Long> existing(String sql) throws SQLException {
            Map<String, Long> map = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, corpId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        map.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return map;
        }

        private interface Binder {
            void bind(PreparedStatement ps) throws SQLException;
        }

        private long insertOne(String sql, Binder binder) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                binder.bind(ps);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    if (!rs.next()) {
                        throw new SQLException("no generated key for " + sql);
                    }
                    return rs.getLong(1);
                }
            }
        }

        private static long[] keys(PreparedStatement ps, int expected) throws SQLException {
            long[] keys = new long[expected];
            int n = 0;
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) {
                    if (n == expected) {
                        throw new SQLException("more generated keys than rows");
                    }
                    keys[n++] = rs.getLong(1);
                }
            }
            if (n != expected) {
                throw new SQLException("expected " + expected + " generated keys, got " + n);
            }
            return keys;
        }

        /** Binds an instant exactly as Hibernate ORM does for this database, so entities read the same time back. */
        private void time(PreparedStatement ps, int index, Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.TIMESTAMP);
            } else if (h2) {
                ps.setObject(index, instant, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setTimestamp(index, Timestamp.from(instant), utc);
            }
        }

        private static void id(PreparedStatement ps, int index, Long id) throws SQLException {
            if (id == null) {
                ps.setNull(index, Types.BIGINT);
            } else {
                ps.setLong(index, id);
            }
        }

        private static Instant latest(Instant a, Instant b) {
            return b == null || a.isAfter(b) ? a : b;
        }
    }

    /** A tracked-link token: unique across corps because it hashes the corp id with the data set's link key. */
    static String token(String corpId, String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((corpId + "|" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
