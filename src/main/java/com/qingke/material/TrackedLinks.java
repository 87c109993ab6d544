package com.qingke.material;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.platform.ProblemException;
import com.qingke.platform.RowLocks;
import com.qingke.platform.QingkeConfig;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.timeline.BehaviourEvent;
import com.qingke.timeline.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-customer, per-send links to materials. Opening one records VIEWED_QUOTE (quotes) or DOWNLOADED_MATERIAL
 * (everything else) on the customer's timeline, once per window, and asks for the customer to be analysed again.
 */
@ApplicationScoped
public class TrackedLinks {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QingkeConfig config;
    private final MaterialConfig materialConfig;
    private final AnalysisRequests analysis;
    private final EntityManager em;

    TrackedLinks(QingkeConfig config, MaterialConfig materialConfig, AnalysisRequests analysis, EntityManager em) {
        this.config = config;
        this.materialConfig = materialConfig;
        this.analysis = analysis;
        this.em = em;
    }

    /** Where an opened link leads, and whether the open was recorded as a behaviour event. */
    public record Opened(String target, boolean recorded) {
    }

    /** A new link to the material for this customer; {@code actionId} ties it to the recommended action that sent it. */
    @Transactional
    public TrackedLinkView create(String corpId, long materialId, long customerId, Long sentBy, Long actionId) {
        Material m = Material.findById(materialId);
        if (m == null || !m.corpId.equals(corpId)) {
            throw ProblemException.notFound("资料", materialId);
        }
        if (!m.active) {
            throw ProblemException.conflict("资料「" + m.title + "」已停用，不能再发送");
        }
        TrackedLink link = new TrackedLink();
        link.corpId = corpId;
        link.token = newToken();
        link.materialId = m.id;
        link.customerId = customerId;
        link.sentBy = sentBy;
        link.actionId = actionId;
        link.persist();
        return view(link, m);
    }

    /** The link created for a recommended action, if any (the latest one). */
    @Transactional
    public Optional<TrackedLinkView> forAction(long actionId) {
        return TrackedLink.<TrackedLink>find("actionId = ?1 order by id desc", actionId).firstResultOptional()
                .map(l -> view(l, Material.findById(l.materialId)));
    }

    /** Records an open of the link (unless it repeats one within the window) and returns where to send the browser. */
    @Transactional
    public Optional<Opened> open(String token, Instant now) {
        // lock the link so two simultaneous opens count once
        Optional<TrackedLink> found = RowLocks.where(em, TrackedLink.class, "tracked_link", "token", token).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TrackedLink link = found.get();
        Material material = Material.findById(link.materialId);
        boolean repeat = link.lastOpenedAt != null && link.lastOpenedAt.plus(materialConfig.repeatOpenWindow()).isAfter(now);
        Long customerId = attributedCustomer(link.customerId);
        boolean recorded = !repeat && customerId != null;
        if (recorded) {
            link.openCount++;
            link.lastOpenedAt = now;
            record(link, material, customerId, now);
            analysis.request(link.corpId, customerId, (material.kind == MaterialKind.QUOTE ? EventType.VIEWED_QUOTE : EventType.DOWNLOADED_MATERIAL).name());
        }
        return Optional.of(new Opened(material.contentUrl, recorded));
    }

    /** The customer the open belongs to: the survivor of a merge; nobody for an erased customer. */
    private static Long attributedCustomer(long customerId) {
        Customer c = Customer.findById(customerId);
        for (int hops = 0; c != null && c.status == CustomerStatus.MERGED && c.survivorId != null && hops < 5; hops++) {
            c = Customer.findById(c.survivorId);
        }
        return c == null || c.status != CustomerStatus.ACTIVE ? null : c.id;
    }

    private static void record(TrackedLink link, Material material, long customerId, Instant now) {
        BehaviourEvent e = new BehaviourEvent();
        e.corpId = link.corpId;
        e.customerId = customerId;
        e.type = material.kind == MaterialKind.QUOTE ? EventType.VIEWED_QUOTE : EventType.DOWNLOADED_MATERIAL;
        e.occurredAt = now;
        e.source = "TRACKED_LINK";
        e.employeeId = link.sentBy;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("materialId", material.id);
        metadata.put("materialKind", material.kind.name());
        metadata.put("materialTitle", material.title);
        metadata.put("trackedLinkId", link.id);
        if (link.actionId != null) {
            metadata.put("actionId", link.actionId);
        }
        e.metadata = metadata;
        e.idempotencyKey = "tracked-link:" + link.id + ":" + link.openCount;
        e.record();
        Customer.update("lastActivityAt = ?1 where id = ?2 and (lastActivityAt is null or lastActivityAt < ?1)", now, customerId);
    }

    private TrackedLinkView view(TrackedLink link, Material m) {
        return new TrackedLinkView(link.id, link.token, url(link.token), m.id, m.kind, m.title, m.description, absolute(m.coverUrl));
    }

    public String url(String token) {
        return stripSlash(config.publicUrl()) + "/t/" + token;
    }

    private String absolute(String url) {
        return url == null || !url.startsWith("/") ? url : stripSlash(config.publicUrl()) + url;
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String newToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
