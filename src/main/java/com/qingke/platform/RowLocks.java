package com.qingke.platform;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Loads entities under a row lock with a plain {@code SELECT … FOR UPDATE}, for two reasons:
 * <ul>
 *   <li>Hibernate's pessimistic locks on the MySQL 8 dialect render {@code FOR UPDATE OF alias}, which MariaDB
 *       rejects; the plain form works on MySQL, MariaDB and H2 alike.</li>
 *   <li>Under InnoDB's REPEATABLE READ a locking read sees the latest committed row while a plain read sees the
 *       transaction's old snapshot. Loading the entity with the locking read itself (and not locking first, then
 *       {@code find}) means we never change a stale copy.</li>
 * </ul>
 * Pending changes are flushed first and an instance already in the persistence context is replaced by the fresh one:
 * use the returned instances, not ones obtained earlier. Rows are locked in ascending id order so two transactions
 * never wait on each other crosswise.
 */
public final class RowLocks {
    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private RowLocks() {
    }

    /** Locks and loads the rows with these ids (those that exist), ascending by id. */
    public static <T> List<T> byIds(EntityManager em, Class<T> type, String table, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        em.flush();
        forget(em, type, sorted);
        @SuppressWarnings("unchecked")
        List<T> rows = em.createNativeQuery("SELECT * FROM " + checked(table) + " WHERE id IN (:ids) ORDER BY id FOR UPDATE", type)
                .setParameter("ids", sorted).getResultList();
        return rows;
    }

    /** Locks and loads the rows whose column equals the value, ascending by id. */
    public static <T> List<T> where(EntityManager em, Class<T> type, String table, String column, Object value) {
        em.flush();
        List<?> found = em.createNativeQuery("SELECT id FROM " + checked(table) + " WHERE " + checked(column)
                + " = :v ORDER BY id FOR UPDATE").setParameter("v", value).getResultList();
        List<Long> ids = new ArrayList<>(found.size());
        for (Object o : found) {
            ids.add(((Number) o).longValue());
        }
        return byIds(em, type, table, ids);
    }

    /** Locks and loads one row, or null when it does not exist. */
    public static <T> T one(EntityManager em, Class<T> type, String table, long id) {
        List<T> rows = byIds(em, type, table, List.of(id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Detaches cached instances so the locking read's state is the one the persistence context keeps. */
    private static void forget(EntityManager em, Class<?> type, List<Long> ids) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        for (Long id : ids) {
            Object cached = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
            if (cached != null) {
                em.detach(cached);
            }
        }
    }

    private static String checked(String identifier) {
        if (!NAME.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a table or column name: " + identifier);
        }
        return identifier;
    }
}
