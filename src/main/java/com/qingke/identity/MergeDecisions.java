package com.qingke.identity;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.platform.Masking;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What a signed-in employee may do about merges: reps decide suggestions that touch a customer they can see; managers
 * see all suggestions and can undo merges.
 */
@RequestScoped
public class MergeDecisions {
    private final IdentityService identity;
    private final CurrentUser user;
    private final CustomerAccess access;
    private final EntityManager em;

    MergeDecisions(IdentityService identity, CurrentUser user, CustomerAccess access, EntityManager em) {
        this.identity = identity;
        this.user = user;
        this.access = access;
        this.em = em;
    }

    @Transactional
    public List<MergeSuggestionView> openSuggestions() {
        String query = "select s from MergeSuggestion s where s.corpId = :corp and s.status = :open "
                + "and exists (select 1 from Customer a where a.id = s.customerId and a.status = :active) "
                + "and exists (select 1 from Customer b where b.id = s.candidateId and b.status = :active) "
                + (user.isManager() ? "" : "and (exists (select 1 from Customer c where (c.id = s.customerId or c.id = s.candidateId) "
                + "and c.ownerId = :me) or exists (select 1 from CustomerFollower f where (f.customerId = s.customerId "
                + "or f.customerId = s.candidateId) and f.employeeId = :me and f.active = true)) ")
                + "order by s.createdAt desc, s.id desc";
        var q = em.createQuery(query, MergeSuggestion.class).setParameter("corp", user.corpId())
                .setParameter("open", MergeSuggestion.Status.OPEN).setParameter("active", CustomerStatus.ACTIVE);
        if (!user.isManager()) {
            q.setParameter("me", user.employeeId());
        }
        return q.setMaxResults(200).getResultList().stream().map(this::view).toList();
    }

    @Transactional
    public MergeSuggestionView accept(long suggestionId) {
        decidable(suggestionId);
        return view(identity.acceptSuggestion(suggestionId, user.actor()));
    }

    @Transactional
    public MergeSuggestionView reject(long suggestionId) {
        decidable(suggestionId);
        return view(identity.rejectSuggestion(suggestionId, user.actor()));
    }

    @Transactional
    public MergeView undo(long mergeId) {
        user.requireManager();
        MergeRecord record = MergeRecord.findById(mergeId);
        if (record == null || !record.corpId.equals(user.corpId())) {
            throw ProblemException.notFound("合并记录", mergeId);
        }
        return MergeView.of(identity.undoMerge(mergeId, user.actor()));
    }

    /** The merges a customer took part in, newest first (a manager's view for undoing). */
    @Transactional
    public List<MergeView> mergesOf(long customerId) {
        user.requireManager();
        Customer c = Customer.findById(customerId);
        if (c == null || !c.corpId.equals(user.corpId())) {
            throw ProblemException.notFound("客户", customerId);
        }
        return MergeRecord.<MergeRecord>list("corpId = ?1 and (survivorId = ?2 or mergedId = ?2) order by mergedAt desc, id desc",
                user.corpId(), customerId).stream().map(MergeView::of).toList();
    }

    private void decidable(long id) {
        MergeSuggestion s = MergeSuggestion.findById(id);
        if (s == null || !s.corpId.equals(user.corpId())) {
            throw ProblemException.notFound("合并建议", id);
        }
        Customer a = Customer.findById(s.customerId);
        Customer b = Customer.findById(s.candidateId);
        boolean mine = (a != null && access.canSee(a)) || (b != null && access.canSee(b));
        if (!mine) {
            throw ProblemException.forbidden();
        }
    }

    private MergeSuggestionView view(MergeSuggestion s) {
        return new MergeSuggestionView(s.id, s.status.name(), s.matchKind.name(), mask(s.matchKind, s.matchValue), s.createdAt,
                side(Customer.findById(s.customerId)), side(Customer.findById(s.candidateId)));
    }

    private MergeSuggestionView.Side side(Customer c) {
        if (c == null) {
            return null;
        }
        boolean visible = access.canSee(c);
        Employee owner = c.ownerId == null ? null : Employee.findById(c.ownerId);
        String phone = access.canSeePhone(c) ? c.phone : Masking.phone(c.phone);
        return new MergeSuggestionView.Side(c.id, c.name, c.company, phone, owner == null ? null : owner.name, visible);
    }

    private static String mask(IdentityKind kind, String value) {
        return kind == IdentityKind.PHONE ? Masking.phone(value) : value;
    }
}
