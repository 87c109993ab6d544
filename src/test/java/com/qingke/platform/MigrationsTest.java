package com.qingke.platform;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import static org.junit.jupiter.api.Assertions.*;

/** The migrations build the whole schema on an empty MariaDB/MySQL database, in utf8mb4, and can run twice. */
class MigrationsTest {
    private static final String HOST = System.getenv().getOrDefault("QINGKE_TEST_DB_HOST", "127.0.0.1");
    private static final String PORT = System.getenv().getOrDefault("QINGKE_TEST_DB_PORT", "3306");
    private static final String USER = System.getenv().getOrDefault("QINGKE_TEST_DB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("QINGKE_TEST_DB_PASSWORD", "");
    private final String schema = "qingke_migrate_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET latin1");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    @Test
    void shouldBuildTheWholeSchemaOnAnEmptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(url(schema), USER, PASSWORD)) {
            migrate(c);
            Set<String> tables = tables(c);
            for (String expected : new String[] {"employee", "customer", "customer_follower", "identity_link", "merge_record",
                    "merge_suggestion", "behaviour_event", "campaign", "material", "tracked_link", "opportunity",
                    "opportunity_stage_history", "decision_contact", "task", "recommended_action", "audit_log",
                    "inbox_message", "outbox_event", "wecom_tag", "shared_token", "job_run", "model_snapshot"}) {
                assertTrue(tables.contains(expected), "missing table " + expected);
            }
            assertAllTablesCarryCorpId(c, tables);
            // A database created latin1 is switched to utf8mb4 before the first table: emoji in names must survive.
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO employee (corp_id, wecom_userid, name, role, active, created_at) "
                        + "VALUES ('ww', 'u1', '小王😀', 'REP', true, NOW())");
                try (ResultSet rs = s.executeQuery("SELECT name FROM employee WHERE wecom_userid = 'u1'")) {
                    assertTrue(rs.next());
                    assertEquals("小王😀", rs.getString(1));
                }
            }
            migrate(c); // a second run finds nothing to do and fails on nothing
        }
    }

    private static void assertAllTablesCarryCorpId(Connection c, Set<String> tables) throws SQLException {
        for (String table : tables) {
            if (table.startsWith("databasechangelog")) {
                continue;
            }
            try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, "corp_id")) {
                assertTrue(rs.next(), table + " has no corp_id");
            }
        }
    }

    private static void migrate(Connection c) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        Liquibase liquibase = new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), database);
        liquibase.update(new Contexts(), new LabelExpression());
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    private static Connection server() throws SQLException {
        return DriverManager.getConnection(url(""), USER, PASSWORD);
    }

    private static String url(String db) {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/" + db + "?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
    }
}
