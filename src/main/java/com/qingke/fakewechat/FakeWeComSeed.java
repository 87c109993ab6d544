package com.qingke.fakewechat;

import com.qingke.demo.DemoCustomer;
import com.qingke.demo.DemoData;
import com.qingke.demo.DemoDataset;
import com.qingke.demo.DemoEmployee;
import com.qingke.demo.DemoFollower;
import com.qingke.demo.DemoTag;
import com.qingke.employee.Employee;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake WeCom corp holds at start.
 *
 * <p>Demo mode ({@code qingke.fake-wechat.seed-from-demo-data}): the demo data set ({@link DemoData#dataset()}, the
 * very instance the start-up load writes to the database) — its employees, its tag library with the same tag ids, and
 * every customer as an external contact with the same external_userid, name, corp name, unionid, follow users (the
 * demo reps, with their remarks, add_way, state and the time they were added), the customer's tags on the owner's
 * relation and the customer's phone as the owner's remark mobile. The sidebar demo, the fake WeCom console and the
 * database therefore show the same people, and WeCom calls about them (mark_tag, add_msg_template) succeed.
 *
 * <p>Otherwise (tests): the fixed directory every profile agrees on (liuyang the manager; reps zhangwei, wangfang,
 * lina, chenjie) and a few external contacts; tests add the contacts they need themselves.
 */
@ApplicationScoped
public class FakeWeComSeed {
    public static final long SALES_DEPARTMENT = 2;
    static final long ROOT_DEPARTMENT = 1;

    /** A seeded external contact of the test corp. */
    public record SeedContact(String externalUserId, String unionId, String name, String company, String followUserId,
                              String remarkMobile) {
    }

    public static final List<SeedContact> CONTACTS = List.of(
            new SeedContact("wmDemoSunLi0001", "oDemoUnionSunLi0001", "孙丽", "苏州精工机械", "zhangwei", "13812340001"),
            new SeedContact("wmDemoQianJin0002", "oDemoUnionQianJin0002", "钱进", "杭州云启科技", "zhangwei", null),
            new SeedContact("wmDemoZhouMin0003", "oDemoUnionZhouMin0003", "周敏", "宁波海顺贸易", "wangfang", "13912340003"),
            new SeedContact("wmDemoWuHao0004", "oDemoUnionWuHao0004", "吴昊", "上海澄明咨询", "lina", null),
            new SeedContact("wmDemoZhengShuang0005", "oDemoUnionZhengShuang0005", "郑爽", "南京百川制造", "chenjie", "13712340005"));

    private final FakeWeComState state;
    private final FakeWeChatConfig config;
    private final Instance<DemoData> demo;

    FakeWeComSeed(FakeWeComState state, FakeWeChatConfig config, Instance<DemoData> demo) {
        this.state = state;
        this.config = config;
        this.demo = demo;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.enabled() || !config.seedDemoCorp()) {
            return;
        }
        if (config.seedFromDemoData()) {
            seed(state, demo.get().dataset());
        } else {
            seed();
        }
    }

    void seed() {
        state.putDepartment(ROOT_DEPARTMENT, "轻客演示公司");
        state.putDepartment(SALES_DEPARTMENT, "销售部");
        state.putEmployee(new FakeWeComState.Employee("liuyang", "刘洋", SALES_DEPARTMENT, true, "13800000001"));
        state.putEmployee(new FakeWeComState.Employee("zhangwei", "张伟", SALES_DEPARTMENT, false, "13800000002"));
        state.putEmployee(new FakeWeComState.Employee("wangfang", "王芳", SALES_DEPARTMENT, false, "13800000003"));
        state.putEmployee(new FakeWeComState.Employee("lina", "李娜", SALES_DEPARTMENT, false, "13800000004"));
        state.putEmployee(new FakeWeComState.Employee("chenjie", "陈杰", SALES_DEPARTMENT, false, "13800000005"));
        FakeWeComState.Tag highIntent = state.addTag("高意向", "客户等级");
        for (SeedContact s : CONTACTS) {
            FakeWeComState.Contact c = new FakeWeComState.Contact(s.externalUserId(), s.name());
            c.unionId = s.unionId();
            c.corpName = s.company();
            c.avatar = "https://wework.qpic.cn/wwhead/" + s.externalUserId() + "/0";
            c.gender = 1;
            state.putContact(c);
            FakeWeComState.Follow f = state.follow(c, s.followUserId(), 1, null);
            if (s.remarkMobile() != null) {
                f.remarkMobiles.add(s.remarkMobile());
            }
            if (s == CONTACTS.get(0)) {
                f.tagIds.add(highIntent.id());
            }
        }
    }

    /** Fills the corp with a demo data set's directory, tag library and customers (see the class comment). */
    public static void seed(FakeWeComState state, DemoDataset dataset) {
        state.putDepartment(ROOT_DEPARTMENT, dataset.companyName());
        Map<String, Long> departments = new LinkedHashMap<>();
        for (DemoEmployee e : dataset.employees()) {
            String name = e.department() == null ? "销售部" : e.department();
            long id = departments.computeIfAbsent(name, n -> SALES_DEPARTMENT + departments.size());
            state.putDepartment(id, name);
            state.putEmployee(new FakeWeComState.Employee(e.userId(), e.name(), id, e.role() == Employee.Role.MANAGER, e.mobile()));
        }
        long created = dataset.now().minusSeconds(600L * 24 * 3600).getEpochSecond();
        Map<String, String> groupIds = new LinkedHashMap<>();
        Map<String, String> tagIdsByName = new LinkedHashMap<>();
        for (DemoTag t : dataset.tags()) {
            String groupId = groupIds.computeIfAbsent(t.groupName(), g -> String.format("etg_demo_%02d", groupIds.size() + 1));
            state.putTag(new FakeWeComState.Tag(t.tagId(), t.name(), groupId, t.groupName(), created));
            tagIdsByName.putIfAbsent(t.name(), t.tagId());
        }
        for (DemoCustomer k : dataset.customers()) {
            FakeWeComState.Contact c = new FakeWeComState.Contact(k.externalUserId(), k.name());
            c.unionId = k.unionId();
            c.corpName = k.company();
            c.position = k.position();
            c.gender = k.gender();
            for (DemoFollower f : k.followers()) {
                FakeWeComState.Follow follow = state.follow(c, f.userId(), f.createdAt().getEpochSecond(), f.addWay(), f.state());
                follow.remark = f.remark();
                if (f.userId().equals(k.ownerUserId())) {
                    // WeCom keeps tags and remark mobiles per relation; the owner is the one who records them
                    k.tags().stream().map(tagIdsByName::get).filter(id -> id != null).forEach(follow.tagIds::add);
                    if (k.phone() != null) {
                        follow.remarkMobiles.add(k.phone());
                    }
                }
            }
            state.putContact(c);
        }
    }
}
