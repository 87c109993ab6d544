package com.qingke.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A complete, deterministic demo data set held in memory: the demo corp's employees, tag library, lead channels
 * and materials, and its customers with everything that hangs off them. No database is touched; the same
 * (size, seed) always gives the same data, and "now" only shifts the time axis.
 *
 * <p>Records refer to each other by natural keys, never database ids: employees by WeCom userid, campaigns by code,
 * materials by slug, opportunities by key. {@link DemoLoader} maps them to ids when writing.
 *
 * <p>For sizes that do not fit in memory use {@link DemoGenerator}, which produces the same customers one by one.
 */
public final class DemoDataset {

    /** The seed the demo profile uses unless {@code qingke.demo.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20260601L;

    private final DemoSize size;
    private final long seed;
    private final Instant now;
    private final DemoCatalog catalog;
    private final List<DemoCustomer> customers;
    private final Map<String, DemoCustomer> byExternalUserId;

    private DemoDataset(DemoGenerator generator) {
        this.size = generator.size();
        this.seed = generator.seed();
        this.now = generator.now();
        this.catalog = generator.catalog();
        this.customers = List.copyOf(generator.customers(0, generator.customerCount()));
        this.byExternalUserId = customers.stream()
                .collect(Collectors.toUnmodifiableMap(DemoCustomer::externalUserId, Function.identity()));
    }

    /** Generates the data set with history ending at {@code now}. */
    public static DemoDataset generate(DemoSize size, long seed, Instant now) {
        return new DemoDataset(DemoGenerator.of(size, seed, now));
    }

    /** Generates the data set with history ending at the current time. */
    public static DemoDataset generate(DemoSize size, long seed) {
        return generate(size, seed, Instant.now());
    }

    /** A generator for the same data set, for streaming it into a database. */
    public DemoGenerator generator() {
        return DemoGenerator.of(size, seed, now);
    }

    public DemoSize size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    public Instant now() {
        return now;
    }

    public DemoCatalog catalog() {
        return catalog;
    }

    public String companyName() {
        return catalog.companyName();
    }

    public List<DemoEmployee> employees() {
        return catalog.employees();
    }

    public List<DemoTag> tags() {
        return catalog.tags();
    }

    public List<DemoCampaign> campaigns() {
        return catalog.campaigns();
    }

    public List<DemoMaterial> materials() {
        return catalog.materials();
    }

    public List<DemoCustomer> customers() {
        return customers;
    }

    public Optional<DemoCustomer> customerByExternalUserId(String externalUserId) {
        return Optional.ofNullable(byExternalUserId.get(externalUserId));
    }

    /** The customers a rep has as external contacts (WeCom's externalcontact/list for that userid). */
    public List<DemoCustomer> customersFollowedBy(String userId) {
        return customers.stream().filter(c -> c.followedBy(userId)).toList();
    }

    public Stream<DemoOpportunity> opportunities() {
        return customers.stream().flatMap(c -> c.opportunities().stream());
    }

    /** Won and lost opportunities: the training examples of the win-rate model. */
    public List<DemoOpportunity> closedOpportunities() {
        return opportunities().filter(DemoOpportunity::isClosed).toList();
    }

    /**
     * Every opportunity with the features a win-rate model reads (recomputed from the records, not copied from the
     * truth); filter on {@link ObservedDeal#closed()} for training examples.
     */
    public List<ObservedDeal> observedDeals() {
        return customers.stream()
                .flatMap(c -> c.opportunities().stream().map(o -> ObservedDeal.of(c, o, now)))
                .toList();
    }

    public Stream<DemoEvent> events() {
        return customers.stream().flatMap(c -> c.events().stream());
    }

    public Stream<DemoTask> tasks() {
        return customers.stream().flatMap(c -> c.tasks().stream());
    }

    /** SHA-256 over every record of the data set: equal fingerprints mean identical data. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(size).getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(seed).getBytes(StandardCharsets.UTF_8));
            digest.update(now.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(catalog.toString().getBytes(StandardCharsets.UTF_8));
            for (DemoCustomer c : customers) {
                digest.update(c.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoDataset d && size.equals(d.size) && seed == d.seed && now.equals(d.now)
                && catalog.equals(d.catalog) && customers.equals(d.customers);
    }

    @Override
    public int hashCode() {
        return customers.hashCode();
    }

    @Override
    public String toString() {
        return "DemoDataset[" + size.name() + ", seed " + seed + ", " + customers.size() + " customers]";
    }
}
