package com.qingke.material;

import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
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
        List<Material> candidates = Material.list("corpId = ?1 and kind = ?2 and active = true order by createdAt desc, id desc", corpId, kind);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> sent = TrackedLink.<TrackedLink>list("customerId = ?1", customerId).stream()
                .map(l -> l.materialId).collect(Collectors.toSet());
        return candidates.stream().filter(m -> !sent.contains(m.id)).findFirst().or(() -> Optional.of(candidates.get(0)));
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
