package com.qingke.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.qingke.customer.Channel;
import com.qingke.employee.Employee;
import com.qingke.identity.IdentityKind;
import com.qingke.opportunity.DecisionChainStatus;
import com.qingke.opportunity.DecisionRole;
import com.qingke.opportunity.PaymentStatus;
import com.qingke.opportunity.Stage;
import com.qingke.task.TaskStatus;
import com.qingke.timeline.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final DemoDataset DEMO = DemoDataset.generate(DemoSize.DEMO, 7, NOW);

    @Test
    void sameSeedGivesIdenticalData() {
        DemoDataset again = DemoDataset.generate(DemoSize.DEMO, 7, NOW);
        assertEquals(DEMO, again);
        assertEquals(DEMO.fingerprint(), again.fingerprint());
        assertEquals(DEMO.customers().get(123), again.customers().get(123));
    }

    @Test
    void differentSeedGivesDifferentData() {
        DemoDataset other = DemoDataset.generate(DemoSize.DEMO, 8, NOW);
        assertNotEquals(DEMO.fingerprint(), other.fingerprint());
        long sameName = 0;
        for (int i = 0; i < DEMO.customers().size(); i++) {
            if (DEMO.customers().get(i).name().equals(other.customers().get(i).name())) {
                sameName++;
            }
        }
        assertTrue(sameName < 30, "customers should differ between seeds, same names: " + sameName);
        // The corp itself is fixed: the fake WeCom server and the loader always agree on employees and channels.
        assertEquals(DEMO.catalog(), other.catalog());
    }

    @Test
    void generatorStreamsExactlyTheDatasetsCustomersInAnyOrder() {
        DemoGenerator generator = DemoGenerator.of(DemoSize.DEMO, 7, NOW);
        for (int i = DEMO.customers().size() - 1; i >= 0; i -= 7) {
            assertEquals(DEMO.customers().get(i), generator.customer(i));
        }
        assertEquals(DEMO.customers().subList(40, 60), generator.customers(40, 60));
        assertEquals(DEMO.customers(), DEMO.generator().customers(0, DEMO.customers().size()));
    }

    @Test
    void nowOnlyShiftsTheTimeAxis() {
        Duration shift = Duration.ofDays(10).plusHours(3);
        DemoDataset later = DemoDataset.generate(DemoSize.DEMO, 7, NOW.plus(shift));
        for (int i = 0; i < DEMO.customers().size(); i++) {
            DemoCustomer a = DEMO.customers().get(i);
            DemoCustomer b = later.customers().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.externalUserId(), b.externalUserId());
            assertEquals(a.followers().size(), b.followers().size());
            assertEquals(a.createdAt().plus(shift), b.createdAt());
            assertEquals(a.events().size(), b.events().size());
            for (int e = 0; e < a.events().size(); e++) {
                assertEquals(a.events().get(e).occurredAt().plus(shift), b.events().get(e).occurredAt());
                assertEquals(a.events().get(e).type(), b.events().get(e).type());
            }
            assertEquals(a.opportunities().stream().map(DemoOpportunity::stage).toList(),
                    b.opportunities().stream().map(DemoOpportunity::stage).toList());
        }
    }

    @Test
    void theDemoCorpHasTheFixedManagerAndFourReps() {
        Map<String, DemoEmployee> byId = DEMO.employees().stream()
                .collect(Collectors.toMap(DemoEmployee::userId, Function.identity()));
        assertEquals(Set.of("liuyang", "zhangwei", "wangfang", "lina", "chenjie"), byId.keySet());
        assertEquals("刘洋", byId.get("liuyang").name());
        assertEquals(Employee.Role.MANAGER, byId.get("liuyang").role());
        assertEquals("张伟", byId.get("zhangwei").name());
        assertEquals("王芳", byId.get("wangfang").name());
        assertEquals("李娜", byId.get("lina").name());
        assertEquals("陈杰", byId.get("chenjie").name());
        assertEquals(4, DEMO.catalog().reps().size());
        assertTrue(DEMO.employees().stream().allMatch(DemoEmployee::active));
    }

    @Test
    void benchmarkSizeAddsRepsButKeepsTheFixedOnes() {
        DemoCatalog catalog = DemoGenerator.of(DemoSize.BENCHMARK, 1, NOW).catalog();
        assertEquals(41, catalog.employees().size());
        assertTrue(catalog.employees().stream().map(DemoEmployee::userId).toList()
                .containsAll(List.of("liuyang", "zhangwei", "wangfang", "lina", "chenjie")));
        assertEquals(catalog.employees().size(),
                catalog.employees().stream().map(DemoEmployee::userId).distinct().count());
    }

    @Test
    void customersLookLikeChineseIndustrialBuyers() {
        Set<String> phones = new HashSet<>();
        Set<String> tagNames = DEMO.tags().stream().map(DemoTag::name).collect(Collectors.toSet());
        for (DemoCustomer c : DEMO.customers()) {
            assertTrue(c.name().matches("\\p{IsHan}{2,3}"), c.name());
            assertTrue(c.company().matches("\\p{IsHan}+(有限公司|股份有限公司)"), c.company());
            assertNotNull(c.position());
            if (c.phone() != null) {
                assertTrue(c.phone().matches("1[3-9]\\d{9}"), c.phone());
                assertTrue(phones.add(c.phone()), "phone numbers are unique");
            }
            assertTrue(c.tags().size() >= 3);
            assertTrue(tagNames.containsAll(c.tags()), "customer tags come from the corp tag library: " + c.tags());
            assertEquals("wm_demo_" + (c.index() + 1), c.externalUserId());
            assertTrue(c.gender() >= 0 && c.gender() <= 2);
            if (c.sourceChannel() == Channel.WEB_FORM) {
                assertNotNull(c.consentAt(), "form leads carry their PIPL consent");
                assertNotNull(c.phone());
            }
        }
        Set<String> groups = DEMO.tags().stream().map(DemoTag::groupName).collect(Collectors.toSet());
        assertEquals(Set.of("行业", "地区", "企业规模", "意向产品"), groups);
        assertTrue(phones.size() > 250);
    }

    @Test
    void leadsArriveThroughEveryChannelAndCampaign() {
        Set<String> codes = DEMO.campaigns().stream().map(DemoCampaign::code).collect(Collectors.toSet());
        assertTrue(DEMO.campaigns().stream().allMatch(c -> c.code().length() <= 30));
        assertEquals(EnumSet.of(Channel.OA_QR, Channel.WECOM_QR, Channel.WEB_FORM, Channel.IMPORT),
                DEMO.customers().stream().map(DemoCustomer::sourceChannel).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(Channel.class))));
        for (DemoCustomer c : DEMO.customers()) {
            assertTrue(codes.contains(c.campaignCode()));
            DemoCampaign campaign = DEMO.campaigns().stream().filter(k -> k.code().equals(c.campaignCode())).findFirst()
                    .orElseThrow();
            assertEquals(campaign.channel(), c.sourceChannel());
            if (campaign.ownerUserId() != null) {
                assertEquals(campaign.ownerUserId(), c.ownerUserId(), "a rep's own QR brings the rep's customers");
            }
        }
    }

    @Test
    void identitiesAreUniqueAndMatchTheCustomer() {
        Set<String> seen = new HashSet<>();
        for (DemoCustomer c : DEMO.customers()) {
            Map<IdentityKind, String> byKind = c.identities().stream()
                    .collect(Collectors.toMap(DemoIdentity::kind, DemoIdentity::value));
            assertEquals(c.externalUserId(), byKind.get(IdentityKind.EXTERNAL_USERID));
            assertEquals(c.openId(), byKind.get(IdentityKind.OPENID));
            assertEquals(c.unionId(), byKind.get(IdentityKind.UNIONID));
            assertEquals(c.phone(), byKind.get(IdentityKind.PHONE));
            for (DemoIdentity d : c.identities()) {
                assertTrue(seen.add(d.kind() + ":" + d.value()), "identity used twice: " + d);
            }
            if (c.sourceChannel() == Channel.OA_QR) {
                assertNotNull(c.openId());
            }
        }
        assertTrue(DEMO.customerByExternalUserId("wm_demo_5").isPresent());
        assertEquals(4, DEMO.customerByExternalUserId("wm_demo_5").orElseThrow().index());
    }

    @Test
    void everyCustomerIsFollowedByItsOwnerAndSomeByTwo() {
        Set<String> active = DEMO.employees().stream().filter(DemoEmployee::active).map(DemoEmployee::userId)
                .collect(Collectors.toSet());
        Set<String> reps = DEMO.catalog().reps().stream().map(DemoEmployee::userId).collect(Collectors.toSet());
        int twoOrMore = 0;
        for (DemoCustomer c : DEMO.customers()) {
            assertTrue(reps.contains(c.ownerUserId()));
            assertTrue(active.contains(c.ownerUserId()));
            assertEquals(c.ownerUserId(), c.followers().get(0).userId(), "the owner follows first");
            assertEquals(c.followers().size(), c.followers().stream().map(DemoFollower::userId).distinct().count());
            assertTrue(c.followers().stream().allMatch(f -> active.contains(f.userId())));
            if (c.sourceChannel() == Channel.WECOM_QR) {
                assertEquals(c.campaignCode(), c.followers().get(0).state(), "contact-way state attributes the lead");
            }
            twoOrMore += c.followers().size() > 1 ? 1 : 0;
        }
        assertTrue(twoOrMore >= 10 && twoOrMore <= 90, "some customers have two followers: " + twoOrMore);
        assertEquals(DEMO.customers().stream().filter(c -> c.followedBy("zhangwei")).count(),
                DEMO.customersFollowedBy("zhangwei").size());
    }

    @Test
    void eventsEndNowAndLastActivityIsTheLatestEvent() {
        Set<String> keys = new HashSet<>();
        long recent = 0;
        long total = 0;
        for (DemoCustomer c : DEMO.customers()) {
            assertTrue(c.events().size() >= 1);
            Instant previous = Instant.MIN;
            for (DemoEvent e : c.events()) {
                assertTrue(!e.occurredAt().isAfter(NOW), "no event in the future");
                assertTrue(!e.occurredAt().isBefore(c.createdAt().minusSeconds(120)), "no event long before the customer");
                assertTrue(!e.occurredAt().isBefore(previous), "events are in time order");
                previous = e.occurredAt();
                assertTrue(keys.add(e.idempotencyKey()), "idempotency keys are unique");
                assertTrue(e.idempotencyKey().length() <= 128);
                recent += e.occurredAt().isAfter(NOW.minus(Duration.ofDays(90))) ? 1 : 0;
                total++;
            }
            assertEquals(c.events().get(c.events().size() - 1).occurredAt(), c.lastActivityAt());
        }
        assertTrue(recent > total / 3, "a good part of the timeline is in the last 90 days: " + recent + "/" + total);
        Set<EventType> types = DEMO.events().map(DemoEvent::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(EnumSet.of(EventType.SCAN, EventType.SUBSCRIBE, EventType.FORM_SUBMITTED,
                EventType.ADDED_WECOM, EventType.CHAT, EventType.VIEWED_QUOTE, EventType.DOWNLOADED_MATERIAL,
                EventType.CALL, EventType.NOTE, EventType.MESSAGE_SENT, EventType.IMPORTED)), types.toString());
    }

    @Test
    void eventsNamingAMaterialNameAnExistingOne() {
        Set<String> slugs = DEMO.materials().stream().map(DemoMaterial::slug).collect(Collectors.toSet());
        DEMO.events().filter(e -> e.materialSlug() != null).forEach(e -> {
            assertTrue(slugs.contains(e.materialSlug()));
            assertEquals(e.materialSlug(), e.metadata().get("materialSlug"));
        });
        DEMO.events().filter(e -> e.type() == EventType.VIEWED_QUOTE).forEach(e -> assertTrue(
                e.materialSlug().startsWith("quote-")));
        assertTrue(DEMO.materials().stream().allMatch(m -> m.contentUrl().equals("/materials/demo/" + m.slug())));
    }

    @Test
    void opportunitiesCoverEveryStageWithAConsistentHistory() {
        EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
        for (DemoCustomer c : DEMO.customers()) {
            for (DemoOpportunity o : c.opportunities()) {
                stages.add(o.stage());
                List<DemoStageChange> h = o.history();
                assertNull(h.get(0).fromStage());
                assertEquals(Stage.INITIAL, h.get(0).toStage());
                assertEquals(o.createdAt(), h.get(0).changedAt());
                for (int i = 1; i < h.size(); i++) {
                    assertEquals(h.get(i - 1).toStage(), h.get(i).fromStage(), "history is a chain");
                    assertTrue(h.get(i).changedAt().isAfter(h.get(i - 1).changedAt()), "history moves forward in time");
                }
                assertEquals(o.stage(), h.get(h.size() - 1).toStage());
                assertEquals(o.stageChangedAt(), h.get(h.size() - 1).changedAt());
                assertTrue(!o.stageChangedAt().isAfter(NOW));
                assertTrue(o.amount().signum() > 0);
                if (o.isClosed()) {
                    assertEquals(h.get(h.size() - 1).changedAt(), o.closedAt());
                    assertTrue(o.closedAt().isAfter(NOW.minus(Duration.ofDays(366))));
                } else {
                    assertNull(o.closedAt());
                }
                if (o.isWon()) {
                    assertNotEquals(PaymentStatus.NONE, o.paymentStatus());
                    assertNotNull(o.paymentDueAt());
                    if (o.paymentStatus() == PaymentStatus.OVERDUE) {
                        assertTrue(o.paymentDueAt().isBefore(NOW));
                    }
                } else {
                    assertEquals(PaymentStatus.NONE, o.paymentStatus());
                }
                assertEquals(o.stage() == Stage.LOST, o.lostReason() != null);
                assertTrue(!o.createdAt().isBefore(c.createdAt()));
            }
        }
        assertEquals(EnumSet.allOf(Stage.class), stages);
        assertTrue(DEMO.closedOpportunities().size() >= 150,
                "enough closed deals to train on: " + DEMO.closedOpportunities().size());
        assertTrue(DEMO.opportunities().filter(o -> o.paymentStatus() == PaymentStatus.OVERDUE).count() >= 3);
        Set<String> keys = new HashSet<>();
        DEMO.opportunities().forEach(o -> assertTrue(keys.add(o.key())));
    }

    @Test
    void decisionChainsAgreeWithTheirStatus() {
        DEMO.opportunities().forEach(o -> {
            boolean dmReached = o.contacts().stream().anyMatch(d -> d.role() == DecisionRole.DECISION_MAKER && d.reached());
            boolean anyReached = o.contacts().stream().anyMatch(DemoDecisionContact::reached);
            DecisionChainStatus expected = dmReached ? DecisionChainStatus.DECISION_MAKER_REACHED
                    : anyReached ? DecisionChainStatus.PARTIAL : DecisionChainStatus.NONE;
            assertEquals(expected, o.decisionChainStatus());
            assertEquals(dmReached, o.truth().decisionMakerReached());
            o.contacts().forEach(d -> assertEquals(d.reached(), d.reachedAt() != null));
        });
        Set<DecisionChainStatus> statuses = DEMO.opportunities().map(DemoOpportunity::decisionChainStatus)
                .collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(DecisionChainStatus.class), statuses);
    }

    @Test
    void tasksAreOpenDoneOnTimeDoneLateAndOverdue() {
        long open = 0;
        long overdue = 0;
        long onTime = 0;
        long late = 0;
        for (DemoCustomer c : DEMO.customers()) {
            Set<String> keys = c.opportunities().stream().map(DemoOpportunity::key).collect(Collectors.toSet());
            for (DemoTask t : c.tasks()) {
                assertEquals(c.ownerUserId(), t.assigneeUserId());
                assertTrue(t.opportunityKey() == null || keys.contains(t.opportunityKey()));
                assertTrue(!t.createdAt().isAfter(NOW));
                assertEquals(t.status() == TaskStatus.DONE, t.completedAt() != null);
                if (t.status() == TaskStatus.DONE) {
                    assertTrue(!t.completedAt().isAfter(NOW));
                    assertTrue(!t.completedAt().isBefore(t.createdAt()));
                }
                if (t.overdueAt(NOW)) {
                    overdue++;
                } else if (t.status() == TaskStatus.OPEN) {
                    open++;
                }
                if (t.doneLate()) {
                    late++;
                } else if (t.status() == TaskStatus.DONE) {
                    onTime++;
                }
            }
        }
        assertTrue(open >= 10 && overdue >= 10 && onTime >= 10 && late >= 10,
                "open " + open + ", overdue " + overdue + ", on time " + onTime + ", late " + late);
    }

    @Test
    void sizesParse() {
        assertEquals(DemoSize.DEMO, DemoSize.parse("demo"));
        assertEquals(DemoSize.BENCHMARK, DemoSize.parse("Benchmark"));
        assertEquals(DemoSize.SMALL, DemoSize.parse("small"));
        assertEquals(5000, DemoSize.parse("5_000").customers());
        assertThrows(IllegalArgumentException.class, () -> DemoSize.parse("huge"));
        assertEquals(100_000, DemoSize.BENCHMARK.customers());
    }
}
