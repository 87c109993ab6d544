package com.qingke.fakewechat;

import com.qingke.demo.DemoCustomer;
import com.qingke.demo.DemoDataset;
import com.qingke.demo.DemoEmployee;
import com.qingke.demo.DemoFollower;
import com.qingke.demo.DemoSize;
import com.qingke.demo.DemoTag;
import com.qingke.employee.Employee;
import com.qingke.wecom.WeComGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import me.chanjar.weixin.cp.bean.external.contact.FollowedUser;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** In demo mode the fake WeCom corp holds the demo data set's people, as the database does after the demo load. */
@QuarkusTest
class FakeWeComDemoCorpTest {
    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    @Inject FakeWeComState corp;
    @Inject WeComGateway wecom;

    @Test
    void everyDemoCustomerIsAnExternalContactOfItsRepsWithTheSameIdsNamesAndTags() {
        DemoDataset dataset = DemoDataset.generate(DemoSize.withCustomers(60), DemoDataset.DEFAULT_SEED, NOW);
        FakeWeComState state = new FakeWeComState(Clock.systemUTC());
        FakeWeComSeed.seed(state, dataset);

        Map<String, String> tagIds = dataset.tags().stream().collect(Collectors.toMap(DemoTag::name, DemoTag::tagId, (a, b) -> a));
        assertEquals(dataset.customers().size(), state.contacts().size());
        for (DemoCustomer k : dataset.customers()) {
            FakeWeComState.Contact c = state.contact(k.externalUserId()).orElseThrow(() -> new AssertionError(k.externalUserId()));
            assertEquals(k.name(), c.name);
            assertEquals(k.company(), c.corpName);
            assertEquals(k.unionId(), c.unionId);
            assertEquals(k.gender(), c.gender);
            assertEquals(k.followers().stream().map(DemoFollower::userId).collect(Collectors.toSet()), c.follows.keySet());
            for (DemoFollower f : k.followers()) {
                FakeWeComState.Follow follow = c.follows.get(f.userId());
                assertEquals(f.remark(), follow.remark);
                assertEquals(f.createdAt().getEpochSecond(), follow.createTime);
                assertEquals(f.addWay(), follow.addWay);
                assertEquals(f.state(), follow.state);
            }
            FakeWeComState.Follow owner = c.follows.get(k.ownerUserId());
            assertEquals(k.tags().stream().map(tagIds::get).collect(Collectors.toSet()), Set.copyOf(owner.tagIds));
            assertEquals(k.phone() == null ? List.of() : List.of(k.phone()), List.copyOf(owner.remarkMobiles));
        }
        for (DemoEmployee e : dataset.employees()) {
            FakeWeComState.Employee member = state.employee(e.userId()).orElseThrow();
            assertEquals(e.name(), member.name());
            assertEquals(e.role() == Employee.Role.MANAGER, member.leader());
        }
        for (DemoTag t : dataset.tags()) {
            assertEquals(t.name(), state.tag(t.tagId()).orElseThrow().name());
            assertEquals(t.groupName(), state.tag(t.tagId()).orElseThrow().groupName());
        }
    }

    @Test
    void whatTheAppReadsThroughWxJavaIsTheDemoCustomer() {
        DemoDataset dataset = DemoDataset.generate(DemoSize.withCustomers(3), DemoDataset.DEFAULT_SEED, NOW);
        FakeWeComSeed.seed(corp, dataset);
        DemoCustomer k = dataset.customers().stream().filter(x -> !x.tags().isEmpty()).findFirst().orElse(dataset.customers().get(0));

        WxCpExternalContactInfo info = wecom.externalContact(k.externalUserId());
        assertEquals(k.name(), info.getExternalContact().getName());
        assertEquals(k.company(), info.getExternalContact().getCorpName());
        assertEquals(k.unionId(), info.getExternalContact().getUnionId());
        assertEquals(k.followers().stream().map(DemoFollower::userId).collect(Collectors.toSet()),
                info.getFollowedUsers().stream().map(FollowedUser::getUserId).collect(Collectors.toSet()));
        FollowedUser owner = info.getFollowedUsers().stream().filter(f -> f.getUserId().equals(k.ownerUserId())).findFirst().orElseThrow();
        Set<String> tags = owner.getTags() == null ? Set.of() : java.util.Arrays.stream(owner.getTags()).map(FollowedUser.Tag::getTagName)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(k.tags()), tags);
    }
}
