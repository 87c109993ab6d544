package com.qingke.identity;

import com.qingke.customer.Channel;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.customer.PhoneNumbers;
import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.RowLocks;
import com.qingke.scoring.AnalysisRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * One customer per person (WF-02). Identifiers of kind openid, unionid, external_userid and crm_id are strong: when
 * they point at different customers those are merged (the oldest survives). A phone is weak: it attaches or merges
 * only when exactly one customer could be meant and nothing contradicts it; otherwise a merge suggestion is raised.
 *
 * <p>Concurrency: the unique index on (corp_id, kind, link_value) is the arbiter. Two transactions racing for the same
 * identifier both try to insert its link; the loser fails with a constraint violation and must run again in a new
 * transaction, where it finds the winner's customer. Callers therefore run resolution inside
 * {@link TransientRetry#inNewTransaction}; {@code com.qingke.lead.LeadCapture} does.
 */
@ApplicationScoped
public class IdentityService {
    private static final Logger LOG = Logger.getLogger(IdentityService.class);
    static final String SYSTEM = "system:identity";

    private final EntityManager em;
    private final CustomerMerger merger;
    private final Audit audit;
    private final AnalysisRequests analysis;

    IdentityService(EntityManager em, CustomerMerger merger, Audit audit, AnalysisRequests analysis) {
        this.em = em;
        this.merger = merger;
        this.audit = audit;
        this.analysis = analysis;
    }

    /** The active customer an identifier belongs to, if any. */
    @Transactional
    public Optional<Long> find(String corpId, IdentityKey key) {
        if (!key.isUsable()) {
            return Optional.empty();
        }
        return linkOf(corpId, key).map(l -> activeId(l.customerId));
    }

    /** The active customer any of the strong identifiers belongs to (the oldest when several), without creating one. */
    @Transactional
    public Optional<Long> findAny(String corpId, List<IdentityKey> keys) {
        return keys.stream().filter(IdentityKey::isUsable).filter(IdentityKey::isStrong)
                .map(k -> find(corpId, k)).flatMap(Optional::stream)
                .map(id -> (Customer) Customer.findById(id))
                .min(Comparator.comparing((Customer c) -> c.createdAt).thenComparing(c -> c.id))
                .map(c -> c.id);
    }

    /** Every identifier linked to a customer. */
    @Transactional
    public List<IdentityKey> keysOf(long customerId) {
        return IdentityLink.<IdentityLink>list("customerId = ?1 order by kind, value", customerId).stream()
                .map(l -> new IdentityKey(l.kind, l.value)).toList();
    }

    /**
     * Finds the one customer these identifiers belong to, merging customers that strong identifiers prove to be the
     * same person, or creates it from the seed; then links every identifier not yet linked. Runs in the caller's
     * transaction; a concurrent arrival of the same person surfaces as a transient failure to be retried (see class
     * comment).
     *
     * @param campaignId first-touch attribution for a new customer (kept if the customer already has one)
     */
    @Transactional
    public ResolvedCustomer resolveOrCreate(String corpId, List<IdentityKey> keys, CustomerSeed seed, Channel channel, Long campaignId) {
        List<IdentityKey> usable = new ArrayList<>(new TreeSet<>(keys.stream().filter(IdentityKey::isUsable).toList()));
        String phone = usable.stream().filter(k -> k.kind() == IdentityKind.PHONE).map(IdentityKey::value).findFirst()
                .orElseGet(() -> PhoneNumbers.isValid(PhoneNumbers.normalise(seed.phone())) ? PhoneNumbers.normalise(seed.phone()) : null);
        if (phone != null && usable.stream().noneMatch(k -> k.kind() == IdentityKind.PHONE)) {
            usable.add(IdentityKey.phone(phone));
            usable.sort(null);
        }
        List<Long> mergeIds = new ArrayList<>();
        List<Long> suggestionIds = new ArrayList<>();

        // 1. strong identifiers: everything they point at is one person
        Set<Long> strongMatches = new TreeSet<>();
        for (IdentityKey key : usable) {
            if (key.isStrong()) {
                linkOf(corpId, key).map(l -> activeId(l.customerId)).ifPresent(strongMatches::add);
            }
        }
        Customer customer = lockAndMergeAll(strongMatches, "同一身份标识（" + kindsOf(usable) + "）", mergeIds);
        boolean created = false;

        // 2. the phone: attach or merge only when exactly one customer could be meant
        if (phone != null) {
            Map<String, Set<String>> ourStrong = strongValues(customer == null ? null : customer.id, usable);
            List<Long> candidates = phoneCandidates(corpId, phone, customer == null ? null : customer.id);
            List<Long> compatible = candidates.stream().filter(c -> !contradicts(ourStrong, strongValues(c, List.of()))).toList();
            if (candidates.size() == 1 && compatible.size() == 1) {
                Long match = compatible.get(0);
                if (customer == null) {
                    customer = RowLocks.one(em, Customer.class, "customer", match);
                } else {
                    customer = mergePair(customer.id, match, "手机号唯一匹配", mergeIds);
                }
            } else if (!candidates.isEmpty()) {
                if (customer == null) {
                    customer = earlierUnresolvedArrival(corpId, phone, candidates)
                            .map(id -> RowLocks.one(em, Customer.class, "customer", id)).orElse(null);
                }
                if (customer == null) {
                    customer = create(corpId, seed, channel, campaignId);
                    created = true;
                }
                for (Long candidate : candidates) {
                    if (candidate.equals(customer.id)) {
                        continue;
                    }
                    suggest(corpId, customer.id, candidate, phone).ifPresent(suggestionIds::add);
                }
            }
        }
        if (customer == null) {
            customer = create(corpId, seed, channel, campaignId);
            created = true;
        } else if (!created) {
            fillBlanks(customer, seed, channel, campaignId);
        }

        // 3. link every identifier that is still free; a phone already linked elsewhere stays there (suggestion raised)
        for (IdentityKey key : usable) {
            Optional<IdentityLink> existing = linkOf(corpId, key);
            if (existing.isEmpty()) {
                insertLink(corpId, customer.id, key, channel);
            } else if (!existing.get().customerId.equals(customer.id) && key.isStrong()) {
                // only possible if the link's customer is not active any more (merged away, or erased)
                existing.get().customerId = customer.id;
            }
        }
        if (customer.phone == null && phone != null) {
            customer.phone = phone;
        }
        if (!mergeIds.isEmpty() || !suggestionIds.isEmpty()) {
            LOG.infof("Identity resolution for customer %d: %d merge(s), %d suggestion(s) from %s", customer.id,
                    mergeIds.size(), suggestionIds.size(), usable);
        }
        return new ResolvedCustomer(customer.id, created, mergeIds, suggestionIds);
    }

    /** Links one more identifier to a known customer (e.g. a unionid learnt later); merges if it belongs to another. */
    @Transactional
    public ResolvedCustomer link(long customerId, IdentityKey key, Channel channel) {
        Customer c = Customer.findById(customerId);
        if (c == null) {
            throw ProblemException.notFound("客户", customerId);
        }
        List<IdentityKey> keys = new ArrayList<>(keysOf(activeId(customerId)).stream().filter(IdentityKey::isStrong).toList());
        keys.add(key);
        return resolveOrCreate(c.corpId, keys, CustomerSeed.named(c.name), channel, null);
    }

    /** Merges two customers by hand (or from an accepted suggestion): the older survives. Returns the merge record id. */
    @Transactional
    public long merge(long a, long b, String reason, String actor) {
        List<Customer> pair = merger.lockPair(a, b);
        Customer survivor = CustomerMerger.olderOf(pair.get(0), pair.get(1));
        Customer gone = survivor == pair.get(0) ? pair.get(1) : pair.get(0);
        long mergeId = merger.merge(survivor, gone, reason, actor).id;
        analysis.request(survivor.corpId, survivor.id, "merge");
        return mergeId;
    }

    /** Puts everything a merge moved back where it was, and the merged customer's own fields and status. */
    @Transactional
    public MergeRecord undoMerge(long mergeId, String actor) {
        MergeRecord record = RowLocks.one(em, MergeRecord.class, "merge_record", mergeId);
        if (record == null) {
            throw ProblemException.notFound("合并记录", mergeId);
        }
        MergeRecord undone = merger.undo(record, actor);
        analysis.request(undone.corpId, undone.survivorId, "merge-undone");
        analysis.request(undone.corpId, undone.mergedId, "merge-undone");
        return undone;
    }

    /** A rep confirms two customers are one person: they are merged (the older survives). */
    @Transactional
    public MergeSuggestion acceptSuggestion(long suggestionId, String actor) {
        MergeSuggestion s = openSuggestion(suggestionId);
        long a = activeId(s.customerId);
        long b = activeId(s.candidateId);
        if (a != b) {
            merge(a, b, "销售确认合并建议（" + s.matchKind + "）", actor);
        }
        s.status = MergeSuggestion.Status.ACCEPTED;
        s.decidedBy = actor;
        s.decidedAt = Instant.now();
        audit.record(s.corpId, actor, "MERGE_SUGGESTION_ACCEPTED", "merge_suggestion", s.id, Map.of("customerId", a, "candidateId", b));
        return s;
    }

    /** A rep says the two are different people; the same pair is not suggested again. */
    @Transactional
    public MergeSuggestion rejectSuggestion(long suggestionId, String actor) {
        MergeSuggestion s = openSuggestion(suggestionId);
        s.status = MergeSuggestion.Status.REJECTED;
        s.decidedBy = actor;
        s.decidedAt = Instant.now();
        audit.record(s.corpId, actor, "MERGE_SUGGESTION_REJECTED", "merge_suggestion", s.id,
                Map.of("customerId", s.customerId, "candidateId", s.candidateId));
        return s;
    }

    /** The customer a (possibly merged) customer id now lives in. */
    @Transactional
    public long activeId(long customerId) {
        Customer c = Customer.findById(customerId);
        int hops = 0;
        while (c != null && c.status == CustomerStatus.MERGED && c.survivorId != null && hops++ < 32) {
            c = Customer.findById(c.survivorId);
        }
        return c == null ? customerId : c.id;
    }

    private MergeSuggestion openSuggestion(long id) {
        MergeSuggestion s = RowLocks.one(em, MergeSuggestion.class, "merge_suggestion", id);
        if (s == null) {
            throw ProblemException.notFound("合并建议", id);
        }
        if (s.status != MergeSuggestion.Status.OPEN) {
            throw ProblemException.conflict("该合并建议已处理");
        }
        return s;
    }

    private Customer lockAndMergeAll(Set<Long> ids, String reason, List<Long> mergeIds) {
        if (ids.isEmpty()) {
            return null;
        }
        List<Customer> locked = RowLocks.byIds(em, Customer.class, "customer", ids).stream()
                .filter(Customer::isActive).toList();
        if (locked.isEmpty()) {
            return null;
        }
        Customer survivor = locked.stream().reduce(CustomerMerger::olderOf).orElseThrow();
        for (Customer c : locked) {
            if (c != survivor) {
                mergeIds.add(merger.merge(survivor, c, reason, SYSTEM).id);
            }
        }
        return survivor;
    }

    private Customer mergePair(long a, long b, String reason, List<Long> mergeIds) {
        List<Customer> pair = merger.lockPair(a, b);
        Customer survivor = CustomerMerger.olderOf(pair.get(0), pair.get(1));
        Customer gone = survivor == pair.get(0) ? pair.get(1) : pair.get(0);
        mergeIds.add(merger.merge(survivor, gone, reason, SYSTEM).id);
        return survivor;
    }

    /** Active customers this phone could mean: the owner of its link and anyone with it on file, except {@code self}. */
    private List<Long> phoneCandidates(String corpId, String phone, Long self) {
        List<Long> ids = em.createQuery("select c.id from Customer c where c.corpId = :corp and c.status = :active and "
                        + "(c.phone = :phone or c.id in (select l.customerId from IdentityLink l where l.corpId = :corp "
                        + "and l.kind = :kind and l.value = :phone)) order by c.id", Long.class)
                .setParameter("corp", corpId).setParameter("active", CustomerStatus.ACTIVE).setParameter("phone", phone)
                .setParameter("kind", IdentityKind.PHONE).getResultList();
        return ids.stream().filter(id -> !id.equals(self)).distinct().toList();
    }

    /**
     * A person who arrives with only an ambiguous phone, twice, is one lead and not two: the customer their first
     * arrival created is the candidate whose open suggestions name this phone and that has no strong identifier.
     */
    private Optional<Long> earlierUnresolvedArrival(String corpId, String phone, List<Long> candidates) {
        List<Long> open = em.createQuery("select distinct s.customerId from MergeSuggestion s where s.corpId = :corp "
                        + "and s.status = :open and s.matchKind = :kind and s.matchValue = :phone and s.customerId in :ids "
                        + "order by s.customerId desc", Long.class)
                .setParameter("corp", corpId).setParameter("open", MergeSuggestion.Status.OPEN)
                .setParameter("kind", IdentityKind.PHONE).setParameter("phone", phone).setParameter("ids", candidates)
                .getResultList();
        return open.stream().filter(id -> strongValues(id, List.of()).isEmpty()).findFirst();
    }

    /** Strong identifier values by kind: those linked to the customer plus those arriving now. */
    private Map<String, Set<String>> strongValues(Long customerId, List<IdentityKey> arriving) {
        Map<String, Set<String>> byKind = new HashMap<>();
        if (customerId != null) {
            for (IdentityLink l : IdentityLink.<IdentityLink>list("customerId", customerId)) {
                if (l.kind.isStrong()) {
                    byKind.computeIfAbsent(l.kind.name(), k -> new HashSet<>()).add(l.value);
                }
            }
        }
        for (IdentityKey k : arriving) {
            if (k.isStrong()) {
                byKind.computeIfAbsent(k.kind().name(), x -> new HashSet<>()).add(k.value());
            }
        }
        return byKind;
    }

    /** Two people sharing a phone: both have a strong identifier of the same kind, with no value in common. */
    private static boolean contradicts(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        for (Map.Entry<String, Set<String>> e : a.entrySet()) {
            Set<String> other = b.get(e.getKey());
            if (other != null && other.stream().noneMatch(e.getValue()::contains)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Long> suggest(String corpId, long customerId, long candidateId, String phone) {
        long existing = MergeSuggestion.count("corpId = ?1 and ((customerId = ?2 and candidateId = ?3) or (customerId = ?3 and candidateId = ?2)) "
                + "and status <> ?4", corpId, customerId, candidateId, MergeSuggestion.Status.ACCEPTED);
        if (existing > 0) {
            return Optional.empty(); // already open, or a rep said these are different people
        }
        MergeSuggestion s = new MergeSuggestion();
        s.corpId = corpId;
        s.customerId = customerId;
        s.candidateId = candidateId;
        s.matchKind = IdentityKind.PHONE;
        s.matchValue = phone;
        s.persist();
        audit.record(corpId, SYSTEM, "MERGE_SUGGESTED", "merge_suggestion", s.id,
                Map.of("customerId", customerId, "candidateId", candidateId, "matchKind", "PHONE"));
        return Optional.of(s.id);
    }

    private Customer create(String corpId, CustomerSeed seed, Channel channel, Long campaignId) {
        Customer c = new Customer();
        c.corpId = corpId;
        c.name = seed.name() == null || seed.name().isBlank() ? CustomerSeed.placeholderName(null) : seed.name().trim();
        String phone = PhoneNumbers.normalise(seed.phone());
        c.phone = PhoneNumbers.isValid(phone) ? phone : null;
        c.company = blankToNull(seed.company());
        c.position = blankToNull(seed.position());
        c.avatarUrl = blankToNull(seed.avatarUrl());
        c.gender = seed.gender();
        c.tags = new ArrayList<>(new LinkedHashSet<>(seed.tags()));
        c.sourceChannel = channel;
        c.campaignId = campaignId;
        c.consentAt = seed.consentAt();
        c.consentText = seed.consentText();
        c.persist();
        return c;
    }

    private static void fillBlanks(Customer c, CustomerSeed seed, Channel channel, Long campaignId) {
        if (CustomerSeed.isPlaceholder(c.name) && !CustomerSeed.isPlaceholder(seed.name())) {
            c.name = seed.name().trim();
        }
        String phone = PhoneNumbers.normalise(seed.phone());
        if (c.phone == null && PhoneNumbers.isValid(phone)) {
            c.phone = phone;
        }
        c.company = c.company != null ? c.company : blankToNull(seed.company());
        c.position = c.position != null ? c.position : blankToNull(seed.position());
        c.avatarUrl = c.avatarUrl != null ? c.avatarUrl : blankToNull(seed.avatarUrl());
        c.gender = c.gender != null ? c.gender : seed.gender();
        if (!seed.tags().isEmpty()) {
            LinkedHashSet<String> tags = new LinkedHashSet<>(c.tags);
            if (tags.addAll(seed.tags())) {
                c.tags = new ArrayList<>(tags);
            }
        }
        if (c.sourceChannel == null && c.campaignId == null) {
            c.sourceChannel = channel;
            c.campaignId = campaignId;
        }
        if (seed.consentAt() != null) { // the latest consent is the one that counts
            c.consentAt = seed.consentAt();
            c.consentText = seed.consentText();
        }
    }

    private void insertLink(String corpId, long customerId, IdentityKey key, Channel channel) {
        IdentityLink link = new IdentityLink();
        link.corpId = corpId;
        link.customerId = customerId;
        link.kind = key.kind();
        link.value = key.value();
        link.source = channel == null ? null : channel.name();
        link.persist(); // IDENTITY ids: the insert runs now, so a race fails here and not at commit
    }

    private Optional<IdentityLink> linkOf(String corpId, IdentityKey key) {
        return IdentityLink.find("corpId = ?1 and kind = ?2 and value = ?3", corpId, key.kind(), key.value()).firstResultOptional();
    }

    private static String kindsOf(List<IdentityKey> keys) {
        return String.join("/", keys.stream().filter(IdentityKey::isStrong).map(k -> k.kind().name().toLowerCase()).distinct().toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
