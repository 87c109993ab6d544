package com.qingke.lead;

import com.qingke.campaign.Campaign;
import com.qingke.employee.Employee;
import com.qingke.identity.TransientRetry;
import jakarta.enterprise.context.ApplicationScoped;
import com.qingke.platform.RowLocks;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who owns a new lead: the rep the person reached through the channel, else the campaign's owner, else the next active
 * rep in a persisted round-robin (least recently assigned first, so a rep who joins later is not flooded and a restart
 * does not reset fairness).
 */
@ApplicationScoped
public class OwnerAssignment {

    @Transactional(Transactional.TxType.MANDATORY)
    public Long ownerFor(String corpId, Long channelRepId, Campaign campaign) {
        if (isActive(corpId, channelRepId)) {
            return channelRepId;
        }
        if (campaign != null && isActive(corpId, campaign.ownerId)) {
            return campaign.ownerId;
        }
        List<Long> next = nextInRotation(corpId, 1);
        return next.isEmpty() ? null : next.get(0);
    }

    /**
     * The next {@code count} owners of the round-robin, in order, with their turns taken. Empty when the corp has no
     * active rep. Serialised across transactions by locking the corp's rotation rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> nextInRotation(String corpId, int count) {
        List<Employee> reps = Employee.list("corpId = ?1 and active = true and role = ?2 order by id", corpId, Employee.Role.REP);
        if (reps.isEmpty() || count <= 0) {
            return List.of();
        }
        Set<Long> repIds = reps.stream().map(e -> e.id).collect(Collectors.toSet());
        ensureRotationRows(corpId, repIds);
        EntityManager em = LeadRotation.getEntityManager();
        List<LeadRotation> rows = RowLocks.where(em, LeadRotation.class, "lead_rotation", "corp_id", corpId);
        long turn = rows.stream().mapToLong(r -> r.lastTurn).max().orElse(0);
        List<LeadRotation> eligible = new ArrayList<>(rows.stream().filter(r -> repIds.contains(r.employeeId)).toList());
        List<Long> owners = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            LeadRotation next = eligible.stream()
                    .min(Comparator.comparingLong((LeadRotation r) -> r.lastTurn).thenComparingLong(r -> r.employeeId))
                    .orElseThrow();
            next.lastTurn = ++turn;
            next.assignedCount++;
            next.lastAssignedAt = now;
            owners.add(next.employeeId);
        }
        return owners;
    }

    /** Missing rows are created in a transaction of their own, so a race between two first leads costs nothing. */
    private static void ensureRotationRows(String corpId, Set<Long> repIds) {
        long known = LeadRotation.count("corpId = ?1 and employeeId in ?2", corpId, repIds);
        if (known == repIds.size()) {
            return;
        }
        TransientRetry.inNewTransaction(() -> {
            Set<Long> have = LeadRotation.<LeadRotation>list("corpId", corpId).stream().map(r -> r.employeeId).collect(Collectors.toSet());
            for (Long id : repIds) {
                if (!have.contains(id)) {
                    LeadRotation r = new LeadRotation();
                    r.corpId = corpId;
                    r.employeeId = id;
                    r.persist();
                }
            }
            return null;
        });
    }

    private static boolean isActive(String corpId, Long employeeId) {
        if (employeeId == null) {
            return false;
        }
        Employee e = Employee.findById(employeeId);
        return e != null && e.active && e.corpId.equals(corpId);
    }
}
