package com.qingke.sidebar;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerService;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.identity.IdentityLink;
import com.qingke.material.Material;
import com.qingke.opportunity.Opportunity;
import com.qingke.opportunity.OpportunityService;
import com.qingke.opportunity.OpportunityView;
import com.qingke.platform.ProblemException;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.recommendation.ActionStatus;
import com.qingke.recommendation.RecommendedAction;
import com.qingke.scoring.AnalysisRequests;
import com.qingke.task.CrmTask;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sidebar's read model: one call gathers the first screen with a handful of indexed queries (customer, latest
 * events, open actions and their materials, opportunities and the main one's decision chain, open tasks).
 */
@ApplicationScoped
public class SidebarService {
    private static final List<ActionStatus> OPEN = List.of(ActionStatus.PROPOSED, ActionStatus.CONFIRMED);
    private static final int MAX_MERGE_HOPS = 5;

    private final CustomerAccess access;
    private final CurrentUser user;
    private final CustomerService customers;
    private final TimelineService timeline;
    private final OpportunityService opportunities;
    private final AnalysisRequests analysis;
    private final SidebarConfig config;
    private final QingkeConfig qingke;
    private final EntityManager em;

    SidebarService(CustomerAccess access, CurrentUser user, CustomerService customers, TimelineService timeline,
                   OpportunityService opportunities, AnalysisRequests analysis, SidebarConfig config, QingkeConfig qingke,
                   EntityManager em) {
        this.access = access;
        this.user = user;
        this.customers = customers;
        this.timeline = timeline;
        this.opportunities = opportunities;
        this.analysis = analysis;
        this.config = config;
        this.qingke = qingke;
        this.em = em;
    }

    @Transactional
    public SidebarView forCustomer(long customerId) {
        readOnly();
        return build(survivor(access.require(customerId)));
    }

    /** The sidebar of the customer behind a WeCom external contact; 404 when no customer is linked to it yet. */
    @Transactional
    public SidebarView forExternalUser(String externalUserId) {
        readOnly();
        IdentityLink link = IdentityLink.<IdentityLink>find("corpId = ?1 and kind = ?2 and value = ?3",
                user.corpId(), IdentityKind.EXTERNAL_USERID, externalUserId).firstResult();
        if (link == null) {
            throw ProblemException.notFound("企业微信客户", externalUserId);
        }
        return build(survivor(access.require(link.customerId)));
    }

    /** Customers the signed-in employee follows or owns (a manager: the team's), most recently active first. */
    @Transactional
    public List<CustomerPick> myCustomers(String query) {
        String q = query == null || query.isBlank() ? null : "%" + query.strip().replace("%", "").replace("_", "") + "%";
        StringBuilder where = new StringBuilder("corpId = :corp and status = :active");
        Map<String, Object> params = new HashMap<>();
        params.put("corp", user.corpId());
        params.put("active", CustomerStatus.ACTIVE);
        if (!user.isManager()) {
            where.append(" and (ownerId = :me or id in (select f.customerId from CustomerFollower f"
                    + " where f.employeeId = :me and f.active = true))");
            params.put("me", user.employeeId());
        }
        if (q != null) {
            where.append(" and (name like :q or company like :q)");
            params.put("q", q);
        }
        List<Customer> found = Customer.<Customer>find(where + " order by lastActivityAt desc, id desc", params)
                .page(0, config.pickerLimit()).list();
        Map<Long, String> external = new HashMap<>();
        if (!found.isEmpty()) {
            IdentityLink.<IdentityLink>list("kind = ?1 and customerId in ?2", IdentityKind.EXTERNAL_USERID,
                    found.stream().map(c -> c.id).toList()).forEach(l -> external.putIfAbsent(l.customerId, l.value));
        }
        return found.stream().map(c -> new CustomerPick(c.id, c.name, c.company, c.intentGrade, c.lifecycleStage,
                external.get(c.id), c.lastActivityAt)).toList();
    }

    /**
     * The first screen only reads: entities loaded from here on keep no snapshot and are never dirty-checked, which
     * was about a fifth of the call's CPU (the 51 events' JSON metadata compared at every auto-flush). The analysis
     * request an unanalysed customer may cause is a new entity and still written.
     */
    private void readOnly() {
        em.unwrap(Session.class).setDefaultReadOnly(true);
    }

    /** A merged customer's sidebar is its survivor's. */
    private Customer survivor(Customer c) {
        Customer current = c;
        for (int hops = 0; current.status == CustomerStatus.MERGED && current.survivorId != null && hops < MAX_MERGE_HOPS; hops++) {
            current = access.require(current.survivorId);
        }
        return current;
    }

    private SidebarView build(Customer c) {
        if (c.analysedAt == null) {
            // a contact the analysis has not seen yet (imported, just added): queue it, the page asks again shortly
            analysis.request(c.corpId, c.id, "SIDEBAR_OPENED");
        }
        String ownerName = null;
        if (c.ownerId != null) {
            Employee owner = Employee.findById(c.ownerId);
            ownerName = owner == null ? null : owner.name;
        }
        TimelineService.Page events = timeline.latest(c.id, config.eventPageSize());

        List<RecommendedAction> open = RecommendedAction.list(
                "customerId = ?1 and status in ?2 order by priority desc, createdAt desc, id desc", c.id, OPEN);
        List<SidebarAction> actions = actions(open);

        List<Opportunity> opps = opportunities.forCustomer(c.id);
        OpportunityView main = opps.isEmpty() ? null : opportunities.view(opps.get(0));

        List<SidebarView.Task> tasks = CrmTask.<CrmTask>list("customerId = ?1 and status = ?2", c.id, TaskStatus.OPEN).stream()
                .sorted(Comparator.comparing((CrmTask t) -> t.dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(t -> t.id))
                .map(t -> new SidebarView.Task(t.id, t.title, t.dueAt, t.opportunityId, t.actionId))
                .toList();

        return new SidebarView(customers.view(c), ownerName, Objects.equals(c.ownerId, user.employeeId()), events.events(),
                events.more(), actions, main, opps.stream().map(OpportunityView.Summary::of).toList(), tasks,
                OpportunityService.stageOptions(), Instant.now());
    }

    /** The actions with their materials, loaded in one query. */
    private List<SidebarAction> actions(List<RecommendedAction> open) {
        Set<Long> materialIds = open.stream().map(a -> a.materialId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Material> materials = materialIds.isEmpty() ? Map.of()
                : Material.<Material>list("id in ?1", materialIds).stream().collect(Collectors.toMap(m -> m.id, m -> m));
        return open.stream().map(a -> {
            Material m = a.materialId == null ? null : materials.get(a.materialId);
            SidebarAction.Material material = m == null ? null : new SidebarAction.Material(m.id, m.kind.name(), m.kind.label(),
                    m.title, m.description, absolute(m.coverUrl));
            return new SidebarAction(a.id, a.opportunityId, a.kind, a.priority, a.title, a.reason, a.draftText, material,
                    a.taskTitle, a.taskDueDays, a.status, a.finalText, a.createdAt);
        }).toList();
    }

    private String absolute(String url) {
        if (url == null || !url.startsWith("/")) {
            return url;
        }
        String base = qingke.publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + url;
    }
}
