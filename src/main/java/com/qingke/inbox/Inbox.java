package com.qingke.inbox;

import com.qingke.platform.QingkeConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The durable front door for callbacks: a message is acknowledged to WeChat only after this insert committed, and a
 * redelivery with the same dedupe key is recognised by the unique index, so it is stored and processed once.
 * Plain JDBC with auto-commit: one round trip per callback, no ORM work on the acknowledgement path.
 */
@ApplicationScoped
public class Inbox {
    private static final String INSERT = "INSERT INTO inbox_message "
            + "(corp_id, source, dedupe_key, message_type, payload, status, attempts, next_attempt_at, received_at) "
            + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

    private final AgroalDataSource dataSource;
    private final QingkeConfig qingke;
    private final InboxConfig config;
    // looked up once: a registry lookup per callback is measurable on the acknowledgement path
    private final Map<InboxSource, Counter> stored = new EnumMap<>(InboxSource.class);
    private final Map<InboxSource, Counter> duplicates = new EnumMap<>(InboxSource.class);

    Inbox(AgroalDataSource dataSource, QingkeConfig qingke, InboxConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.qingke = qingke;
        this.config = config;
        for (InboxSource source : InboxSource.values()) {
            stored.put(source, metrics.counter("qingke.inbox.stored", "source", source.name()));
            duplicates.put(source, metrics.counter("qingke.inbox.duplicates", "source", source.name()));
        }
    }

    /**
     * Stores a verified inbound message.
     *
     * @return true when stored now, false when the same dedupe key was stored before (a redelivery)
     * @throws InboxUnavailableException when it could not be stored: the caller must answer with a failure so the
     *                                   sender retries
     */
    public boolean store(InboxSource source, String dedupeKey, String messageType, String payload) {
        // UTF-8 takes at most 3 bytes per UTF-16 char, so most payloads need no encoding to be checked
        if ((long) payload.length() * 3 > config.maxPayloadBytes()
                && payload.getBytes(StandardCharsets.UTF_8).length > config.maxPayloadBytes()) {
            throw new IllegalArgumentException("payload larger than " + config.maxPayloadBytes() + " bytes");
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            ps.setString(1, qingke.corpId());
            ps.setString(2, source.name());
            ps.setString(3, dedupeKey);
            ps.setString(4, messageType);
            ps.setString(5, payload);
            ps.setTimestamp(6, now);
            ps.setTimestamp(7, now);
            ps.executeUpdate();
            stored.get(source).increment();
            return true;
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            duplicates.get(source).increment();
            return false;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                duplicates.get(source).increment();
                return false;
            }
            throw new InboxUnavailableException(e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // SQLState 23000 (MySQL/MariaDB) and 23505 (H2, standard) mean a unique constraint fired.
        return e.getSQLState() != null && (e.getSQLState().equals("23000") || e.getSQLState().equals("23505"));
    }
}
