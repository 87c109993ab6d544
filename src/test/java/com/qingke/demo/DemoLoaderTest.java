package com.qingke.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.customer.Customer;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.Stage;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Loads a small data set into a fresh corp of the real MariaDB and checks the graph the app will read. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLoaderTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    DemoConfig config;

    @Inject
    DemoData demoData;

    String corp;
    DemoDataset dataset;
    LoadReport report;
    /** customer id in the database → the generated customer, matched through the external_userid link. */
    final Map<Long, DemoCustomer> byId = new HashMap<>();

    @BeforeAll
    void load() throws SQLException {
        corp = "ww-test-" + UUID.randomUUID().toString().substring(0, 8);
        dataset = DemoDataset.generate(DemoSize.SMALL, 42, NOW);
        report = new DemoLoader(dataSource).chunkSize(15).load(corp, dataset);
        for (Object[] row : rows("SELECT customer_id, link_value FROM identity_link WHERE corp_id = ? AND kind = 'EXTERNAL_USERID'")) {
            byId.put(((Number) row[0]).longValue(), dataset.customerByExternalUserId((String) row[1]).orElseThrow());
        }
    }

    @Test
    void everyRowOfTheDatasetIsWritten() throws SQLException {
        assertEquals(dataset.customers().size(), count("SELECT COUNT(*) FROM customer WHERE corp_id = ?"));
        assertEquals(dataset.customers().size(), byId.size());
        assertEquals(dataset.events().count(), count("SELECT COUNT(*) FROM behaviour_event WHERE corp_id = ?"));
        assertEquals(dataset.opportunities().count(), count("SELECT COUNT(*) FROM opportunity WHERE corp_id = ?"));
        assertEquals(dataset.tasks().count(), count("SELECT COUNT(*) FROM task WHERE corp_id = ?"));
        assertEquals(dataset.customers().stream().mapToLong(c -> c.identities().size()).sum(),
                count("SELECT COUNT(*) FROM identity_link WHERE corp_id = ?"));
        assertEquals(dataset.customers().stream().mapToLong(c -> c.followers().size()).sum(),
                count("SELECT COUNT(*) FROM customer_follower WHERE corp_id = ?"));
        assertEquals(report.events(), dataset.events().count());
        assertEquals(5, count("SELECT COUNT(*) FROM employee WHERE corp_id = ?"));
        assertEquals(dataset.campaigns().size(), count("SELECT COUNT(*) FROM campaign WHERE corp_id = ?"));
        assertEquals(dataset.materials().size(), count("SELECT COUNT(*) FROM material WHERE corp_id = ?"));
        assertEquals(dataset.tags().size(), count("SELECT COUNT(*) FROM wecom_tag WHERE corp_id = ?"));
    }

    @Test
    void everyChildRowBelongsToACustomerOfTheCorp() throws SQLException {
        for (String table : List.of("behaviour_event", "opportunity", "task", "identity_link", "customer_follower",
                "tracked_link")) {
            assertEquals(0, count("SELECT COUNT(*) FROM " + table + " x LEFT JOIN customer c ON c.id = x.customer_id"
                    + " AND c.corp_id = x.corp_id WHERE x.corp_id = ? AND c.id IS NULL"), table);
        }
        for (String table : List.of("opportunity_stage_history", "decision_contact")) {
            assertEquals(0, count("SELECT COUNT(*) FROM " + table + " x LEFT JOIN opportunity o ON o.id = x.opportunity_id"
                    + " AND o.corp_id = x.corp_id WHERE x.corp_id = ? AND o.id IS NULL"), table);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM task t LEFT JOIN opportunity o ON o.id = t.opportunity_id"
                + " WHERE t.corp_id = ? AND t.opportunity_id IS NOT NULL AND (o.id IS NULL OR o.customer_id <> t.customer_id)"));
    }

    @Test
    void everyCustomerHasAnActiveOwnerWhoFollowsIt() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM customer c"
                + " LEFT JOIN employee e ON e.id = c.owner_id AND e.corp_id = c.corp_id AND e.active = TRUE"
                + " LEFT JOIN customer_follower f ON f.customer_id = c.id AND f.employee_id = c.owner_id"
                + " WHERE c.corp_id = ? AND (e.id IS NULL OR f.id IS NULL)"));
        assertTrue(count("SELECT COUNT(*) FROM customer_follower WHERE corp_id = ?")
                >= count("SELECT COUNT(*) FROM customer WHERE corp_id = ?"));
    }

    @Test
    void stageHistoryIsOrderedAndEndsAtTheCurrentStage() throws SQLException {
        Map<Long, List<Object[]>> history = new HashMap<>();
        for (Object[] row : rows("SELECT opportunity_id, from_stage, to_stage, changed_at FROM opportunity_stage_history"
                + " WHERE corp_id = ? ORDER BY opportunity_id, changed_at, id")) {
            history.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(row);
        }
        List<Object[]> opportunities = rows("SELECT id, stage, stage_changed_at, closed_at FROM opportunity WHERE corp_id = ?");
        assertTrue(opportunities.size() > 10);
        for (Object[] o : opportunities) {
            List<Object[]> h = history.get(((Number) o[0]).longValue());
            assertNotNull(h, "every opportunity has a history");
            assertNull(h.get(0)[1]);
            assertEquals("INITIAL", h.get(0)[2]);
            for (int i = 1; i < h.size(); i++) {
                assertEquals(h.get(i - 1)[2], h.get(i)[1], "history is a chain");
                assertTrue(((LocalDateTime) h.get(i)[3]).isAfter((LocalDateTime) h.get(i - 1)[3]),
                        "history moves forward in time");
            }
            Object[] last = h.get(h.size() - 1);
            assertEquals(o[1], last[2], "history ends at the opportunity's stage");
            assertEquals(o[2], last[3], "stage_changed_at is the last change");
            boolean closed = Stage.valueOf((String) o[1]).isClosed();
            assertEquals(closed, o[3] != null, "closed_at is set exactly on WON and LOST");
            if (closed) {
                assertEquals(o[3], last[3]);
            }
        }
        assertEquals(0, count("SELECT COUNT(*) FROM opportunity WHERE corp_id = ? AND payment_status <> 'NONE' AND stage <> 'WON'"));
    }

    @Test
    void idempotencyKeysAreUniqueAndLastActivityMatchesTheEvents() throws SQLException {
        assertEquals(count("SELECT COUNT(*) FROM behaviour_event WHERE corp_id = ?"),
                count("SELECT COUNT(DISTINCT idempotency_key) FROM behaviour_event WHERE corp_id = ? AND idempotency_key IS NOT NULL"));
        assertEquals(0, count("SELECT COUNT(*) FROM customer c LEFT JOIN (SELECT customer_id, MAX(occurred_at) AS latest"
                + " FROM behaviour_event GROUP BY customer_id) e ON e.customer_id = c.id"
                + " WHERE c.corp_id = ? AND (e.latest IS NULL OR c.last_activity_at IS NULL OR e.latest <> c.last_activity_at)"));
    }

    @Test
    void theFirstContactIsWrittenWithTheCustomerAsTheMigrationWouldHaveWorkedItOut() throws SQLException {
        // the same subquery as the backfill of 070-first-contact.xml, here as a check
        String earliest = "(SELECT MIN(e.occurred_at) FROM behaviour_event e WHERE e.customer_id = c.id"
                + " AND e.type IN ('CALL', 'CHAT', 'MESSAGE_SENT') AND e.occurred_at >= c.created_at)";
        assertEquals(0, count("SELECT COUNT(*) FROM customer c WHERE c.corp_id = ? AND NOT ("
                + "(c.first_contact_at IS NULL AND " + earliest + " IS NULL) OR c.first_contact_at = " + earliest + ")"));
        long contacted = dataset.customers().stream().filter(k -> k.firstContactAt() != null).count();
        assertTrue(contacted > 0, "the data set has contacted customers");
        assertEquals(contacted, count("SELECT COUNT(*) FROM customer WHERE corp_id = ? AND first_contact_at IS NOT NULL"));
    }

    @Test
    void entitiesReadBackTheGeneratedValues() throws Exception {
        for (Map.Entry<Long, DemoCustomer> e : byId.entrySet()) {
            DemoCustomer expected = e.getValue();
            Customer c = QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>findById(e.getKey()));
            assertEquals(expected.name(), c.name);
            assertEquals(expected.company(), c.company);
            assertEquals(expected.phone(), c.phone);
            assertEquals(expected.tags(), c.tags);
            assertEquals(expected.createdAt(), c.createdAt, "times survive the round trip through Hibernate");
            assertEquals(expected.lastActivityAt(), c.lastActivityAt);
            assertEquals(expected.lifecycleStage(), c.lifecycleStage);
            assertEquals(expected.sourceChannel(), c.sourceChannel);
            assertTrue(c.riskTags.isEmpty());
            List<Opportunity> opportunities = QuarkusTransaction.requiringNew()
                    .call(() -> Opportunity.<Opportunity>list("customerId", e.getKey()));
            assertEquals(expected.opportunities().size(), opportunities.size());
            for (Opportunity o : opportunities) {
                DemoOpportunity d = expected.opportunities().get(0);
                assertEquals(d.stage(), o.stage);
                assertEquals(0, d.amount().compareTo(o.amount));
                assertEquals(d.closedAt(), o.closedAt);
                assertEquals(d.createdAt(), o.createdAt);
            }
        }
    }

    @Test
    void eventMetadataIsJsonWithTheMaterialsDatabaseId() throws Exception {
        Map<String, Long> materialIds = new HashMap<>();
        for (Object[] row : rows("SELECT content_url, id FROM material WHERE corp_id = ?")) {
            materialIds.put((String) row[0], ((Number) row[1]).longValue());
        }
        List<BehaviourEvent> quotes = QuarkusTransaction.requiringNew().call(() -> BehaviourEvent.<BehaviourEvent>list(
                "corpId = ?1 and type = ?2", corp, EventType.VIEWED_QUOTE));
        assertFalse(quotes.isEmpty());
        for (BehaviourEvent e : quotes) {
            String slug = (String) e.metadata.get("materialSlug");
            assertEquals(materialIds.get("/materials/demo/" + slug), ((Number) e.metadata.get("materialId")).longValue());
        }
        ObjectMapper json = new ObjectMapper();
        for (Object[] row : rows("SELECT metadata FROM behaviour_event WHERE corp_id = ?")) {
            assertTrue(json.readTree((String) row[0]).isObject(), "metadata is a JSON object: " + row[0]);
        }
    }

    @Test
    void winRateFeaturesReadFromTheDatabaseEqualTheGroundTruth() throws SQLException {
        List<Object[]> opportunities = rows("SELECT id, customer_id, created_at, closed_at FROM opportunity WHERE corp_id = ?");
        for (Object[] o : opportunities) {
            long customerId = ((Number) o[1]).longValue();
            DemoOpportunity truth = byId.get(customerId).opportunities().get(0);
            // DATETIME columns hold UTC wall-clock times (as Hibernate writes them with jdbc.timezone=UTC).
            LocalDateTime t = o[3] != null ? (LocalDateTime) o[3] : LocalDateTime.ofInstant(NOW, ZoneOffset.UTC);
            long views = count("SELECT COUNT(*) FROM behaviour_event WHERE corp_id = ? AND customer_id = " + customerId
                    + " AND type = 'VIEWED_QUOTE' AND occurred_at >= ? AND occurred_at <= ?", o[2], t);
            assertEquals(truth.truth().quoteViews(), views);
            long dm = count("SELECT COUNT(*) FROM decision_contact WHERE corp_id = ? AND opportunity_id = " + o[0]
                    + " AND role = 'DECISION_MAKER' AND reached = TRUE");
            assertEquals(truth.truth().decisionMakerReached(), dm > 0);
            Object[] last = rows("SELECT MAX(occurred_at) FROM behaviour_event WHERE corp_id = ? AND customer_id = "
                    + customerId + " AND occurred_at <= ?", t).get(0);
            long silence = Duration.between((LocalDateTime) last[0], t).getSeconds();
            assertEquals(truth.truth().silenceSeconds(), silence);
        }
    }

    @Test
    void aCorpIsNeverLoadedTwiceButTheSameSeedFitsAnotherCorp() {
        DemoLoader loader = new DemoLoader(dataSource);
        assertTrue(loader.hasCustomers(corp));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> loader.load(corp, dataset));
        assertTrue(refused.getMessage().contains("already has customers"));
        String other = "ww-test-" + UUID.randomUUID().toString().substring(0, 8);
        assertFalse(loader.hasCustomers(other));
        LoadReport second = loader.load(other, dataset.generator());
        assertEquals(report.rows(), second.rows(), "streaming and in-memory loads write the same rows");
    }

    @Test
    void theTestProfileDoesNotLoadDemoDataAtStartUp() {
        assertFalse(config.loadOnStart());
        DemoDataset configured = demoData.dataset();
        assertSame(configured, demoData.dataset(), "one data set per process");
        assertEquals(DemoSize.DEMO, configured.size());
        assertEquals(DemoDataset.DEFAULT_SEED, configured.seed());
    }

    private long count(String sql, Object... more) throws SQLException {
        return ((Number) rows(sql, more).get(0)[0]).longValue();
    }

    private List<Object[]> rows(String sql, Object... more) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, corp);
            for (int i = 0; i < more.length; i++) {
                ps.setObject(i + 2, more[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
