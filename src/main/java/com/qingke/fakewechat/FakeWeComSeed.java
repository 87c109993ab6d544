package com.qingke.fakewechat;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The demo corp as the fake WeCom knows it: the directory every profile agrees on (liuyang the manager; reps
 * zhangwei, wangfang, lina, chenjie) and a few external contacts already followed by the reps.
 */
@ApplicationScoped
public class FakeWeComSeed {
    public static final long SALES_DEPARTMENT = 2;

    /** A seeded external contact: ids are stable so that demo data and the fake corp agree on them. */
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

    FakeWeComSeed(FakeWeComState state, FakeWeChatConfig config) {
        this.state = state;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.enabled() && config.seedDemoCorp()) {
            seed();
        }
    }

    void seed() {
        state.putDepartment(1, "轻客演示公司");
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
}
