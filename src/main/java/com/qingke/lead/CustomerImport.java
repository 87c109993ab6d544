package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.MergeSuggestion;
import com.qingke.platform.Audit;
import com.qingke.platform.JsonListConverter;
import com.qingke.platform.JsonMapConverter;
import com.qingke.timeline.EventType;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Imports customers from a CSV in one transaction: identity resolution by customer number (strong) and phone (weak,
 * as in {@link com.qingke.identity.IdentityService}: one candidate attaches, several raise merge suggestions), blanks
 * of existing customers filled, new customers owned by the named rep or the round-robin, an IMPORTED event on each
 * timeline. New rows are written with JDBC batches (IDENTITY keys keep Hibernate from batching inserts), so ten
 * thousand rows take seconds. Strict mode writes nothing when any row has an error; a dry run never writes.
 *
 * <p>Unlike live arrivals, an import never merges two existing customers on its own: a customer number and a phone
 * that point at different customers raise a suggestion for a rep to decide.
 */
@ApplicationScoped
public class CustomerImport {
    private static final Logger LOG = Logger.getLogger(CustomerImport.class);
    static final String ACTOR_SOURCE = "CSV_IMPORT";
    private static final int CHUNK = 1000;
    private static final JsonListConverter LIST_JSON = new JsonListConverter();
    private static final JsonMapConverter MAP_JSON = new JsonMapConverter();

    private final EntityManager em;
    private final OwnerAssignment owners;
    private final InitialIntentScore initialScore;
    private final Audit audit;
    private final CsvConfig config;

    CustomerImport(EntityManager em, OwnerAssignment owners, InitialIntentScore initialScore, Audit audit, CsvConfig config) {
        this.em = em;
        this.owners = owners;
        this.initialScore = initialScore;
        this.audit = audit;
        this.config = config;
    }

    /** A customer the file creates; several rows with the same number or phone fill one. */
    static final class NewCustomer {
        final int seq;
        final List<Integer> lines = new ArrayList<>();
        String name;
        String phone;
        String company;
        String position;
        final LinkedHashSet<String> tags = new LinkedHashSet<>();
        Long ownerId;
        Long id;

        NewCustomer(int seq) {
            this.seq = seq;
        }
    }

    /** What the file adds to an existing customer. */
    static final class Update {
        final List<Integer> lines = new ArrayList<>();
        String phone;
        String company;
        String position;
        final LinkedHashSet<String> tags = new LinkedHashSet<>();
        Long ownerId;
    }

    /** Either an existing customer or one the file creates. */
    record Target(Long existingId, NewCustomer created) {
        long id() {
            return existingId != null ? existingId : created.id;
        }
    }

    record PlannedLink(Target target, IdentityKind kind, String value) {
    }

    record PlannedSuggestion(Target target, long candidateId, String phone) {
    }

    static final class Plan {
        final List<NewCustomer> creates = new ArrayList<>();
        final Map<Long, Update> updates = new LinkedHashMap<>();
        final List<PlannedLink> links = new ArrayList<>();
        final List<PlannedSuggestion> suggestions = new ArrayList<>();
    }

    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportReport run(String corpId, byte[] file, String encoding, Map<String, String> mapping, boolean dryRun,
                            boolean strict, String actor) {
        long started = System.nanoTime();
        CustomerCsvReader.Parsed parsed = CustomerCsvReader.read(file, encoding, mapping, config.maxImportRows());
        long read = System.nanoTime();
        List<ImportReport.RowError> errors = new ArrayList<>(parsed.errors());
        List<CustomerCsvReader.Row> rows = new ArrayList<>();
        Map<CustomerCsvReader.Row, Long> rowOwners = resolveOwners(corpId, parsed, rows, errors);
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        Set<Integer> badLines = new TreeSet<>();
        errors.forEach(e -> badLines.add(e.line()));
        List<String> columns = parsed.columns();
        if (strict && !errors.isEmpty()) {
            return new ImportReport(dryRun, true, parsed.encoding(), parsed.rowCount(), parsed.rowCount() - badLines.size(),
                    0, 0, 0, parsed.rowCount(), false, columns, errors);
        }
        Plan plan = plan(corpId, rows, rowOwners);
        long planned = System.nanoTime();
        int skipped = badLines.size();
        if (dryRun) {
            return new ImportReport(true, strict, parsed.encoding(), parsed.rowCount(), rows.size(), plan.creates.size(),
                    plan.updates.size(), plan.suggestions.size(), skipped, false, columns, errors);
        }
        int suggestions = execute(corpId, plan);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rows", parsed.rowCount());
        detail.put("created", plan.creates.size());
        detail.put("updated", plan.updates.size());
        detail.put("suggestions", suggestions);
        detail.put("skipped", skipped);
        detail.put("encoding", parsed.encoding());
        audit.record(corpId, actor, "CUSTOMERS_IMPORTED", "customer", null, detail);
        LOG.infof("CSV import by %s: %d rows, %d created, %d updated, %d suggestions, %d skipped (read %d ms, plan %d ms, write %d ms)",
                actor, parsed.rowCount(), plan.creates.size(), plan.updates.size(), suggestions, skipped,
                (read - started) / 1_000_000, (planned - read) / 1_000_000, (System.nanoTime() - planned) / 1_000_000);
        return new ImportReport(false, strict, parsed.encoding(), parsed.rowCount(), rows.size(), plan.creates.size(),
                plan.updates.size(), suggestions, skipped, true, columns, errors);
    }

    /** Matches the owner column to an active employee by WeCom userid or by name; adds errors for the rest. */
    private Map<CustomerCsvReader.Row, Long> resolveOwners(String corpId, CustomerCsvReader.Parsed parsed,
                                                          List<CustomerCsvReader.Row> valid, List<ImportReport.RowError> errors) {
        Map<CustomerCsvReader.Row, Long> owners = new HashMap<>();
        boolean anyOwner = parsed.rows().stream().anyMatch(r -> r.owner() != null);
        Map<String, Long> byUserId = new HashMap<>();
        Map<String, List<Long>> byName = new HashMap<>();
        if (anyOwner) {
            for (Employee e : Employee.<Employee>list("corpId = ?1 and active = true", corpId)) {
                byUserId.put(e.wecomUserId, e.id);
                byName.computeIfAbsent(e.name, k -> new ArrayList<>()).add(e.id);
            }
        }
        for (CustomerCsvReader.Row row : parsed.rows()) {
            if (row.owner() == null) {
                valid.add(row);
                continue;
            }
            Long id = byUserId.get(row.owner());
            List<Long> named = byName.getOrDefault(row.owner(), List.of());
            if (id == null && named.size() == 1) {
                id = named.get(0);
            }
            if (id == null) {
                String why = named.size() > 1 ? "负责人「" + row.owner() + "」有重名，请填写其企业微信账号"
                        : "负责人「" + row.owner() + "」不是在职员工";
                errors.add(CustomerCsvReader.error(row.line(), parsed.columns(), parsed.mapping(), ImportField.OWNER, why));
            } else {
                owners.put(row, id);
                valid.add(row);
            }
        }
        return owners;
    }

    Plan plan(String corpId, List<CustomerCsvReader.Row> rows, Map<CustomerCsvReader.Row, Long> rowOwners) {
        Set<String> crmIds = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (CustomerCsvReader.Row r : rows) {
            if (r.crmId() != null) {
                crmIds.add(r.crmId());
            }
            if (r.phone() != null) {
                phones.add(r.phone());
            }
        }
        Map<String, Long> crmLinks = links(corpId, IdentityKind.CRM_ID, crmIds);
        Map<String, Long> phoneLinks = links(corpId, IdentityKind.PHONE, phones);
        Map<String, Set<Long>> phoneHolders = phoneHolders(corpId, phones);
        Set<Long> active = active(corpId, crmLinks.values(), phoneLinks.values());
        phoneLinks.forEach((phone, id) -> {
            if (active.contains(id)) {
                phoneHolders.computeIfAbsent(phone, p -> new TreeSet<>()).add(id);
            }
        });

        Plan plan = new Plan();
        Map<String, Target> byCrm = new HashMap<>();
        Map<String, Target> newByPhone = new HashMap<>();
        Set<String> linkedPhones = new HashSet<>(phoneLinks.keySet());
        Set<String> ambiguous = new HashSet<>();
        Set<String> suggested = new HashSet<>();
        for (CustomerCsvReader.Row row : rows) {
            Target target = null;
            if (row.crmId() != null) {
                Long linked = crmLinks.get(row.crmId());
                target = linked != null && active.contains(linked) ? new Target(linked, null) : byCrm.get(row.crmId());
            }
            Set<Long> holders = row.phone() == null ? Set.of() : phoneHolders.getOrDefault(row.phone(), Set.of());
            Target sameInFile = row.phone() == null ? null : newByPhone.get(row.phone());
            boolean phoneAmbiguous = row.phone() != null && (holders.size() > 1 || ambiguous.contains(row.phone()));
            if (target == null && row.phone() != null) {
                if (!phoneAmbiguous && holders.size() == 1) {
                    target = new Target(holders.iterator().next(), null);
                } else if (sameInFile != null) {
                    target = sameInFile;
                }
            }
            if (target == null) {
                NewCustomer created = new NewCustomer(plan.creates.size());
                plan.creates.add(created);
                target = new Target(null, created);
            }
            absorb(plan, target, row, rowOwners.get(row));
            if (row.crmId() != null && !crmLinks.containsKey(row.crmId()) && !byCrm.containsKey(row.crmId())) {
                plan.links.add(new PlannedLink(target, IdentityKind.CRM_ID, row.crmId()));
                byCrm.put(row.crmId(), target);
            }
            if (row.phone() != null) {
                Target t = target;
                for (Long holder : holders) {
                    if (!Objects.equals(holder, t.existingId) && suggested.add(key(t, holder))) {
                        plan.suggestions.add(new PlannedSuggestion(t, holder, row.phone()));
                    }
                }
                if (holders.size() > 1 || (!holders.isEmpty() && !holders.contains(t.existingId))) {
                    ambiguous.add(row.phone());
                }
                if (!ambiguous.contains(row.phone()) && linkedPhones.add(row.phone())) {
                    plan.links.add(new PlannedLink(target, IdentityKind.PHONE, row.phone()));
                }
                if (target.created() != null) {
                    newByPhone.putIfAbsent(row.phone(), target);
                }
            }
        }
        return plan;
    }

    private static String key(Target t, long holder) {
        return (t.existingId != null ? "e" + t.existingId : "n" + t.created.seq) + ":" + holder;
    }

    private static void absorb(Plan plan, Target target, CustomerCsvReader.Row row, Long ownerId) {
        if (target.created() != null) {
            NewCustomer c = target.created();
            c.lines.add(row.line());
            c.name = c.name != null ? c.name : row.name();
            c.phone = c.phone != null ? c.phone : row.phone();
            c.company = c.company != null ? c.company : row.company();
            c.position = c.position != null ? c.position : row.position();
            c.tags.addAll(row.tags());
            c.ownerId = c.ownerId != null ? c.ownerId : ownerId;
        } else {
            Update u = plan.updates.computeIfAbsent(target.existingId(), id -> new Update());
            u.lines.add(row.line());
            u.phone = u.phone != null ? u.phone : row.phone();
            u.company = u.company != null ? u.company : row.company();
            u.position = u.position != null ? u.position : row.position();
            u.tags.addAll(row.tags());
            u.ownerId = u.ownerId != null ? u.ownerId : ownerId;
        }
    }

    private int execute(String corpId, Plan plan) {
        List<NewCustomer> unowned = plan.creates.stream().filter(c -> c.ownerId == null).toList();
        List<Long> rotation = unowned.isEmpty() ? List.of() : owners.nextInRotation(corpId, unowned.size());
        for (int i = 0; i < unowned.size() && i < rotation.size(); i++) {
            unowned.get(i).ownerId = rotation.get(i);
        }
        Instant now = Instant.now();
        Map<Long, List<Integer>> changed = applyUpdates(plan.updates);
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            insertCustomers(connection, corpId, plan.creates, now);
            insertLinks(connection, corpId, plan.links, now);
            insertEvents(connection, corpId, plan.creates, changed, now);
        });
        return insertSuggestions(corpId, plan.suggestions);
    }

    private void insertCustomers(Connection c, String corpId, List<NewCustomer> creates, Instant now) throws SQLException {
        String sql = "INSERT INTO customer (corp_id, name, phone, company, position, tags, lifecycle_stage, owner_id, source_channel, "
                + "status, intent_score, intent_grade, intent_reasons, risk_tags, created_at, updated_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'LEAD', ?, ?, 'ACTIVE', ?, ?, ?, '[]', ?, ?, 0)";
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        for (int from = 0; from < creates.size(); from += CHUNK) {
            List<NewCustomer> chunk = creates.subList(from, Math.min(creates.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (NewCustomer n : chunk) {
                    InitialIntentScore.Score score = initialScore.of(Channel.IMPORT, false, n.company != null, false);
                    ps.setString(1, corpId);
                    ps.setString(2, n.name);
                    ps.setString(3, n.phone);
                    ps.setString(4, n.company);
                    ps.setString(5, n.position);
                    ps.setString(6, LIST_JSON.convertToDatabaseColumn(new ArrayList<>(n.tags)));
                    if (n.ownerId == null) {
                        ps.setNull(7, Types.BIGINT);
                    } else {
                        ps.setLong(7, n.ownerId);
                    }
                    ps.setString(8, Channel.IMPORT.name());
                    ps.setDouble(9, score.score());
                    ps.setString(10, score.grade());
                    ps.setString(11, LIST_JSON.convertToDatabaseColumn(score.reasons()));
                    ps.setObject(12, at);
                    ps.setObject(13, at);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next() && i < chunk.size()) {
                        chunk.get(i++).id = keys.getLong(1);
                    }
                    if (i != chunk.size()) {
                        throw new IllegalStateException("The database returned " + i + " keys for " + chunk.size() + " new customers");
                    }
                }
            }
        }
    }

    private static void insertLinks(Connection c, String corpId, List<PlannedLink> links, Instant now) throws SQLException {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        String sql = "INSERT INTO identity_link (corp_id, customer_id, kind, link_value, source, created_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (PlannedLink l : links) {
                ps.setString(1, corpId);
                ps.setLong(2, l.target().id());
                ps.setString(3, l.kind().name());
                ps.setString(4, l.value());
                ps.setString(5, Channel.IMPORT.name());
                ps.setObject(6, at);
                ps.addBatch();
                if (++n % CHUNK == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * An IMPORTED event on the timeline of every customer the file created or changed. Written in bulk rather than
     * with BehaviourEvent#record: IMPORTED is not a contact event, so no customer's first contact changes.
     */
    private static void insertEvents(Connection c, String corpId, List<NewCustomer> creates, Map<Long, List<Integer>> changed,
                                     Instant now) throws SQLException {
        String sql = "INSERT INTO behaviour_event (corp_id, customer_id, type, occurred_at, source, metadata, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Map.Entry<Long, List<Integer>>> timelines = new ArrayList<>();
        creates.forEach(x -> timelines.add(Map.entry(x.id, x.lines)));
        timelines.addAll(changed.entrySet());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Map.Entry<Long, List<Integer>> t : timelines) {
                ps.setString(1, corpId);
                ps.setLong(2, t.getKey());
                ps.setString(3, EventType.IMPORTED.name());
                ps.setObject(4, at);
                ps.setString(5, Channel.IMPORT.name());
                ps.setString(6, MAP_JSON.convertToDatabaseColumn(Map.of("lines", t.getValue())));
                ps.setObject(7, at);
                ps.addBatch();
                if (++n % CHUNK == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Existing customers keep what they have; the file only fills blanks and adds tags. A light projection finds the
     * customers the file actually changes, and only those are loaded and updated (re-importing a file is cheap).
     * Returns the changed customers with the lines that changed them.
     */
    private Map<Long, List<Integer>> applyUpdates(Map<Long, Update> updates) {
        List<Long> ids = new ArrayList<>(updates.keySet());
        List<Long> toChange = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            for (Object[] row : em.createQuery("select c.id, c.phone, c.company, c.position, c.ownerId, c.tags from Customer c "
                    + "where c.id in :ids", Object[].class).setParameter("ids", chunk).getResultList()) {
                Update u = updates.get((Long) row[0]);
                @SuppressWarnings("unchecked")
                List<String> tags = (List<String>) row[5];
                boolean changes = (row[1] == null && u.phone != null) || (row[2] == null && u.company != null)
                        || (row[3] == null && u.position != null) || (row[4] == null && u.ownerId != null)
                        || !new HashSet<>(tags).containsAll(u.tags);
                if (changes) {
                    toChange.add((Long) row[0]);
                }
            }
        }
        Map<Long, List<Integer>> changed = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(toChange)) {
            for (Customer c : Customer.<Customer>list("id in ?1", chunk)) {
                Update u = updates.get(c.id);
                c.phone = c.phone != null ? c.phone : u.phone;
                c.company = c.company != null ? c.company : u.company;
                c.position = c.position != null ? c.position : u.position;
                c.ownerId = c.ownerId != null ? c.ownerId : u.ownerId;
                LinkedHashSet<String> tags = new LinkedHashSet<>(c.tags);
                if (tags.addAll(u.tags)) {
                    c.tags = new ArrayList<>(tags);
                }
                changed.put(c.id, u.lines);
            }
            em.flush();
        }
        return changed;
    }

    private int insertSuggestions(String corpId, List<PlannedSuggestion> planned) {
        int raised = 0;
        for (PlannedSuggestion p : planned) {
            long customerId = p.target().id();
            if (p.target().existingId() != null && MergeSuggestion.count("corpId = ?1 and ((customerId = ?2 and candidateId = ?3) "
                    + "or (customerId = ?3 and candidateId = ?2)) and status <> ?4", corpId, customerId, p.candidateId(),
                    MergeSuggestion.Status.ACCEPTED) > 0) {
                continue;
            }
            MergeSuggestion s = new MergeSuggestion();
            s.corpId = corpId;
            s.customerId = customerId;
            s.candidateId = p.candidateId();
            s.matchKind = IdentityKind.PHONE;
            s.matchValue = p.phone();
            s.persist();
            raised++;
        }
        return raised;
    }

    private Map<String, Long> links(String corpId, IdentityKind kind, Set<String> values) {
        Map<String, Long> found = new HashMap<>();
        for (List<String> chunk : chunks(values)) {
            for (Object[] row : em.createQuery("select l.value, l.customerId from IdentityLink l where l.corpId = :corp "
                            + "and l.kind = :kind and l.value in :values", Object[].class)
                    .setParameter("corp", corpId).setParameter("kind", kind).setParameter("values", chunk).getResultList()) {
                found.put((String) row[0], (Long) row[1]);
            }
        }
        return found;
    }

    private Map<String, Set<Long>> phoneHolders(String corpId, Set<String> phones) {
        Map<String, Set<Long>> holders = new HashMap<>();
        for (List<String> chunk : chunks(phones)) {
            for (Object[] row : em.createQuery("select c.phone, c.id from Customer c where c.corpId = :corp and c.status = :active "
                            + "and c.phone in :phones", Object[].class)
                    .setParameter("corp", corpId).setParameter("active", CustomerStatus.ACTIVE).setParameter("phones", chunk)
                    .getResultList()) {
                holders.computeIfAbsent((String) row[0], p -> new TreeSet<>()).add((Long) row[1]);
            }
        }
        return holders;
    }

    @SafeVarargs
    private Set<Long> active(String corpId, java.util.Collection<Long>... idSets) {
        Set<Long> ids = new HashSet<>();
        for (java.util.Collection<Long> s : idSets) {
            ids.addAll(s);
        }
        Set<Long> active = new HashSet<>();
        for (List<Long> chunk : chunks(ids)) {
            active.addAll(em.createQuery("select c.id from Customer c where c.corpId = :corp and c.status = :active and c.id in :ids", Long.class)
                    .setParameter("corp", corpId).setParameter("active", CustomerStatus.ACTIVE).setParameter("ids", chunk).getResultList());
        }
        return active;
    }

    private static <T> List<List<T>> chunks(java.util.Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
