package com.qingke.material;

import java.util.List;
import java.util.Optional;

/** The demo corp's material library; its content is served locally at /materials/demo/{slug}. */
public final class DemoMaterials {

    public record Item(String slug, MaterialKind kind, String title, String description, List<String> highlights) {

        public String contentUrl() {
            return "/materials/demo/" + slug;
        }

        public String kindLabel() {
            return kind.label();
        }
    }

    public static final List<Item> ITEMS = List.of(
            new Item("quote-standard", MaterialKind.QUOTE, "轻客标准版年度报价单",
                    "含软件订阅、实施与培训费用明细，适用于20-100人销售团队",
                    List.of("标准版订阅：每席位 ¥1,200/年", "实施与数据迁移：¥8,000（一次性）", "上线培训：2次线上培训，含管理员培训",
                            "付款方式：签约后支付50%，上线验收后支付50%")),
            new Item("brochure-product", MaterialKind.BROCHURE, "轻客产品手册（2026版）",
                    "企业微信侧边栏里的 AI CRM：线索捕获、客户画像、推荐动作一册读懂",
                    List.of("扫码/表单线索自动建档，手机号与企业微信身份自动归一", "侧边栏查看客户画像、行为轨迹与意向评分",
                            "AI 推荐下一步动作，销售确认后一键发送", "管理者工作台：漏斗、赢率、团队任务一目了然")),
            new Item("case-study-manufacturing", MaterialKind.CASE_STUDY, "制造业客户案例：无锡精工三个月线索转化率提升38%",
                    "一家80人规模的机床企业如何用企业微信+轻客提升跟进效率",
                    List.of("背景：展会线索多、跟进慢，销售离职带走客户", "做法：线索自动归一到企业微信，AI 提醒沉默客户",
                            "结果：线索转化率提升38%，平均跟进时长从3天缩短到6小时")),
            new Item("discount-spring", MaterialKind.DISCOUNT, "限时优惠：年度订阅立减20%",
                    "本月签约年度订阅享8折，并赠送一次上门实施服务",
                    List.of("年度订阅立减20%", "赠送一次上门实施（价值¥5,000）", "优惠截止：本月最后一天", "老客户转介绍再享额外一个月服务")));

    private DemoMaterials() {
    }

    public static Optional<Item> find(String slug) {
        return ITEMS.stream().filter(i -> i.slug().equals(slug)).findFirst();
    }
}
