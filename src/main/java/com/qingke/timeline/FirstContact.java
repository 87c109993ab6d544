package com.qingke.timeline;

import com.qingke.customer.Customer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code customer.first_contact_at}: the earliest CALL, CHAT or MESSAGE_SENT event of the customer at or after its
 * creation (a NOTE is internal; an event from before the customer existed is not a contact). The dashboard's reach
 * KPIs read it instead of searching every lead's events (docs/KPIS.md).
 *
 * <p>Every write of a behaviour event goes through {@link BehaviourEvent#record()}, which notes the event here. The
 * update is one conditional statement (only ever moves the value earlier), so concurrent writers of the same
 * customer cannot lose the earliest contact, and it bypasses the Customer entity, whose column mapping is read-only
 * so that a flush of a stale Customer never writes an older value back. Bulk writers (the demo loader) compute the
 * value with {@link #counts}; the migration that added the column backfilled it with the same rule in SQL
 * (070-first-contact.xml), so the types here and there must stay the same.
 */
public final class FirstContact {
    /** The event types that are a rep contacting the customer; the migration's backfill lists the same. */
    public static final Set<EventType> TYPES = Collections.unmodifiableSet(EnumSet.of(EventType.CALL, EventType.CHAT, EventType.MESSAGE_SENT));

    private FirstContact() {
    }

    /** Whether an event of this type at this time is a contact of a customer created at {@code createdAt}. */
    public static boolean counts(EventType type, Instant at, Instant createdAt) {
        return TYPES.contains(type) && !at.isBefore(createdAt);
    }

    /** Notes a stored event: sets the customer's first contact if the event is a contact earlier than the one known. */
    static void noteEvent(BehaviourEvent e) {
        if (TYPES.contains(e.type)) {
            noteContact(e.customerId, e.occurredAt);
        }
    }

    /**
     * Makes {@code at} the customer's first contact if it is at or after the customer's creation and earlier than
     * the first contact known (or none is). Used for a stored contact event and when a merge brings the merged
     * customer's first contact over to the survivor (the earliest wins).
     */
    public static void noteContact(long customerId, Instant at) {
        if (at == null) {
            return;
        }
        // the columns hold milliseconds; comparing at that precision keeps "at or after creation" exact
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        Customer.getEntityManager().createQuery("update Customer c set c.firstContactAt = :at where c.id = :id"
                        + " and c.createdAt <= :at and (c.firstContactAt is null or c.firstContactAt > :at)")
                .setParameter("at", ms).setParameter("id", customerId).executeUpdate();
    }

    /** On a merge: the merged customer's first contact becomes the survivor's if it is earlier. */
    public static void mergeInto(long survivorId, long mergedId) {
        // read from the row, not from a Customer the session may hold since before a contact was noted
        List<Instant> merged = Customer.getEntityManager()
                .createQuery("select c.firstContactAt from Customer c where c.id = :id", Instant.class)
                .setParameter("id", mergedId).getResultList();
        if (!merged.isEmpty()) {
            noteContact(survivorId, merged.get(0)); // null when the merged customer was never contacted
        }
    }

    /** Works the customer's first contact out again from its events, e.g. after an undone merge took events away. */
    public static void recompute(long customerId) {
        Customer.getEntityManager().createQuery("update Customer c set c.firstContactAt = (select min(e.occurredAt)"
                        + " from BehaviourEvent e where e.customerId = c.id and e.type in :types and e.occurredAt >= c.createdAt)"
                        + " where c.id = :id")
                .setParameter("types", TYPES).setParameter("id", customerId).executeUpdate();
    }
}
