package com.qingke.material;

import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The material library: quotes, brochures, case studies and discounts that reps send with tracked links. */
@ApplicationScoped
public class MaterialService {
    private final Audit audit;

    MaterialService(Audit audit) {
        this.audit = audit;
    }

    @Transactional
    public List<MaterialView> list(String corpId, MaterialKind kind, boolean includeInactive) {
        StringBuilder q = new StringBuilder("corpId = ?1");
        if (!includeInactive) {
            q.append(" and active = true");
        }
        List<Material> found = kind == null
                ? Material.list(q + " order by kind, id", corpId)
                : Material.list(q + " and kind = ?2 order by id", corpId, kind);
        return found.stream().map(MaterialView::of).toList();
    }

    @Transactional
    public MaterialView get(String corpId, long id) {
        return MaterialView.of(require(corpId, id));
    }

    @Transactional
    public MaterialView create(String corpId, NewMaterial input, String actor) {
        Material m = new Material();
        m.corpId = corpId;
        m.kind = input.kind();
        m.title = input.title().trim();
        m.description = input.description();
        m.contentUrl = input.contentUrl().trim();
        m.coverUrl = input.coverUrl();
        m.persist();
        audit.record(corpId, actor, "MATERIAL_CREATED", "material", m.id, java.util.Map.of("kind", m.kind.name(), "title", m.title));
        return MaterialView.of(m);
    }

    @Transactional
    public MaterialView setActive(String corpId, long id, boolean active, String actor) {
        Material m = require(corpId, id);
        m.active = active;
        audit.record(corpId, actor, active ? "MATERIAL_ACTIVATED" : "MATERIAL_DEACTIVATED", "material", m.id, java.util.Map.of());
        return MaterialView.of(m);
    }

    /**
     * The material of this kind to recommend to the customer: an active one not sent to them yet if possible
     * (newest first), else the newest active one.
     */
    @Transactional
    public Optional<Material> pickFor(String corpId, long customerId, MaterialKind kind) {
        return picker(corpId, List.of(customerId)).pick(customerId, kind);
    }

    /**
     * Picks materials for many customers of one corp with two queries in all: the corp's active library (newest
     * first) and the tracked links already sent to these customers. Read lazily, on the first pick.
     */
    public Picker picker(String corpId, Collection<Long> customerIds) {
        return new Picker(corpId, List.copyOf(customerIds));
    }

    /** Chooses, per customer and kind, the newest active material not yet sent to that customer (else the newest). */
    public static final class Picker {
        private final String corpId;
        private final List<Long> customerIds;
        private Map<MaterialKind, List<Material>> library;
        private Map<Long, Set<Long>> sent;

        private Picker(String corpId, List<Long> customerIds) {
            this.corpId = corpId;
            this.customerIds = customerIds;
        }

        public Optional<Material> pick(long customerId, MaterialKind kind) {
            if (library == null) {
                library = new EnumMap<>(MaterialKind.class);
                Material.<Material>list("corpId = ?1 and active = true order by createdAt desc, id desc", corpId)
                        .forEach(m -> library.computeIfAbsent(m.kind, k -> new ArrayList<>()).add(m));
                sent = new HashMap<>();
                TrackedLink.<TrackedLink>list("customerId in ?1", customerIds)
                        .forEach(l -> sent.computeIfAbsent(l.customerId, k -> new HashSet<>()).add(l.materialId));
            }
            List<Material> candidates = library.getOrDefault(kind, List.of());
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            Set<Long> already = sent.getOrDefault(customerId, Set.of());
            return candidates.stream().filter(m -> !already.contains(m.id)).findFirst().or(() -> Optional.of(candidates.get(0)));
        }
    }

    @Transactional
    public Optional<Material> find(Long id) {
        return id == null ? Optional.empty() : Material.findByIdOptional(id);
    }

    Material require(String corpId, long id) {
        Material m = Material.findById(id);
        if (m == null || !m.corpId.equals(corpId)) {
            throw ProblemException.notFound("资料", id);
        }
        return m;
    }
}
