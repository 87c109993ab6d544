package com.qingke.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.qingke.support.Changelog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Demo mode's embedded H2 (MySQL mode, as in application.properties): the whole changelog applies, the demo loader
 * writes its data, and the first_contact_at the loader wrote is what the migration's backfill works out from the
 * events on H2 (the same check on MariaDB: DemoLoaderTest, FirstContactTest).
 */
class DemoOnH2Test {

    @Test
    void theChangelogAppliesAndTheBackfillAgreesWithTheLoader() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:qingke-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        GenerateData.migrate(h2);
        new DemoLoader(h2).load("ww-h2", DemoDataset.generate(DemoSize.SMALL, 42, Instant.parse("2026-06-01T08:00:00Z")));

        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            Map<Long, Object> loaded = firstContacts(s);
            long contacted = loaded.values().stream().filter(Objects::nonNull).count();
            assertTrue(contacted > 0, "the data set has contacted customers");
            s.executeUpdate("UPDATE customer SET first_contact_at = NULL");
            s.executeUpdate(Changelog.sql("070-first-contact.xml", "070-customer-first-contact"));
            assertEquals(loaded, firstContacts(s));
        }
    }

    private static Map<Long, Object> firstContacts(Statement s) throws SQLException {
        Map<Long, Object> out = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT id, first_contact_at FROM customer")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getObject(2));
            }
        }
        return out;
    }
}
