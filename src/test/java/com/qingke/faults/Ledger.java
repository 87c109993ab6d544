package com.qingke.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the app left in its database, read with plain JDBC from the test: the inbox rows of WeCom callbacks and the
 * effects of processing an add_external_contact of a new contact (customer, its opportunity, its ADDED_WECOM event and
 * the CUSTOMER_CREATED audit entry). "Processed" means the effects exist; "processed twice" would show as a second
 * customer, opportunity, event or audit entry.
 */
final class Ledger {
    private static final Pattern EXTERNAL_USER = Pattern.compile("<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>");

    private final PrivateMariaDb db;
    private final String database;

    Ledger(PrivateMariaDb db, String database) {
        this.db = db;
        this.database = database;
    }

    /** The effects of processing, per external_userid. */
    record Effects(long customers, long opportunities, long addedEvents, long createdAudits) {
        boolean exactlyOnce() {
            return customers == 1 && opportunities == 1 && addedEvents == 1 && createdAudits == 1;
        }
    }

    record InboxRow(String externalUserId, String status, int attempts) {
    }

    Map<String, Effects> effects() {
        Map<String, Effects> byContact = new HashMap<>();
        query("select l.link_value, count(distinct l.customer_id), "
                + "(select count(*) from opportunity o where o.customer_id = l.customer_id), "
                + "(select count(*) from behaviour_event e where e.customer_id = l.customer_id and e.type = 'ADDED_WECOM'), "
                + "(select count(*) from audit_log a where a.entity_type = 'customer' and a.entity_id = l.customer_id "
                + "   and a.action = 'LEAD_CAPTURED') "
                + "from identity_link l where l.kind = 'EXTERNAL_USERID' group by l.link_value, l.customer_id", rs -> {
            Effects e = new Effects(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            byContact.merge(rs.getString(1), e, (a, b) -> new Effects(a.customers() + b.customers(),
                    a.opportunities() + b.opportunities(), a.addedEvents() + b.addedEvents(), a.createdAudits() + b.createdAudits()));
        });
        return byContact;
    }

    /** Every stored WeCom callback, with the external_userid of its event. */
    List<InboxRow> wecomInbox() {
        List<InboxRow> rows = new ArrayList<>();
        query("select payload, status, attempts from inbox_message where source = 'WECOM' order by id", rs -> {
            Matcher m = EXTERNAL_USER.matcher(rs.getString(1));
            rows.add(new InboxRow(m.find() ? m.group(1) : null, rs.getString(2), rs.getInt(3)));
        });
        return rows;
    }

    long count(String sql) {
        long[] n = new long[1];
        query(sql, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        query(sql, rs -> values.add(rs.getString(1)));
        return values;
    }

    /** Waits until no inbox message is pending (every stored callback processed, ignored or parked); returns the millis. */
    long awaitInboxDrained(Duration timeout) {
        return Await.until(() -> count("select count(*) from inbox_message where status = 'PENDING'") == 0, timeout,
                "every stored callback processed");
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        try (Connection c = db.connect(database); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
