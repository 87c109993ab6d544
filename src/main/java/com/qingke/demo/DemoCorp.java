package com.qingke.demo;

import com.qingke.customer.Channel;
import com.qingke.employee.Employee;
import com.qingke.material.MaterialKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed part of the demo company: a Suzhou industrial-equipment firm selling screw air compressors, CNC machine
 * tools, dust collectors and maintenance contracts. Its people, tags, lead channels and materials do not depend on
 * the seed, so the demo corp always looks the same.
 */
final class DemoCorp {

    static final String COMPANY_NAME = "苏州擎科工业设备有限公司";
    static final String MANAGER = "liuyang";
    static final List<String> FIXED_REPS = List.of("zhangwei", "wangfang", "lina", "chenjie");
    /** Reps do not all sell the same: the first ones own more customers. */
    static final double[] FIXED_REP_WEIGHTS = {0.30, 0.27, 0.23, 0.20};

    private DemoCorp() {
    }

    static DemoCatalog catalog(DemoSize size, Instant now) {
        Instant founded = now.minus(Duration.ofDays(720));
        Instant channelsOpened = now.minus(Duration.ofDays(600));
        return new DemoCatalog(COMPANY_NAME, employees(size, founded), tags(), campaigns(channelsOpened),
                materials(channelsOpened));
    }

    private static List<DemoEmployee> employees(DemoSize size, Instant createdAt) {
        List<DemoEmployee> list = new ArrayList<>();
        list.add(new DemoEmployee(MANAGER, "刘洋", Employee.Role.MANAGER, "销售部", "13962150001", true, createdAt));
        list.add(new DemoEmployee("zhangwei", "张伟", Employee.Role.REP, "销售部", "13962150002", true, createdAt));
        list.add(new DemoEmployee("wangfang", "王芳", Employee.Role.REP, "销售部", "13962150003", true, createdAt));
        list.add(new DemoEmployee("lina", "李娜", Employee.Role.REP, "销售部", "13962150004", true, createdAt));
        list.add(new DemoEmployee("chenjie", "陈杰", Employee.Role.REP, "销售部", "13962150005", true, createdAt));
        // Extra reps only for large data sets; their names come from a fixed stream so every seed shares them.
        SplittableRandom names = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < size.extraReps(); i++) {
            int gender = names.nextDouble() < 0.7 ? 1 : 2;
            String userId = String.format("rep%03d", i + 5);
            list.add(new DemoEmployee(userId, Vocabulary.personName(names, gender), Employee.Role.REP, "华东销售部",
                    String.format("1396216%04d", i + 1), true, createdAt));
        }
        return list;
    }

    private static List<DemoTag> tags() {
        List<DemoTag> tags = new ArrayList<>();
        addGroup(tags, "行业", Vocabulary.INDUSTRIES);
        addGroup(tags, "地区", Vocabulary.REGIONS);
        addGroup(tags, "企业规模", Vocabulary.SIZES);
        String[] interests = new String[ProductLine.values().length];
        for (ProductLine line : ProductLine.values()) {
            interests[line.ordinal()] = line.interestTag();
        }
        addGroup(tags, "意向产品", interests);
        return tags;
    }

    private static void addGroup(List<DemoTag> tags, String group, String[] names) {
        for (String name : names) {
            tags.add(new DemoTag(String.format("et_demo_%02d", tags.size() + 1), name, group));
        }
    }

    private static List<DemoCampaign> campaigns(Instant createdAt) {
        List<DemoCampaign> c = new ArrayList<>();
        c.add(new DemoCampaign("oa_expo_2025_shanghai", "2025上海工博会·公众号扫码", Channel.OA_QR, null, null, true, null, createdAt));
        c.add(new DemoCampaign("oa_article_energy", "公众号文章《空压站节能改造指南》", Channel.OA_QR, null, null, true, null, createdAt));
        c.add(new DemoCampaign("oa_menu_inquiry", "公众号菜单·在线询价", Channel.OA_QR, null, null, true, null, createdAt));
        for (String rep : FIXED_REPS) {
            c.add(new DemoCampaign("wc_card_" + rep, repName(rep) + "的名片活码", Channel.WECOM_QR, rep,
                    "cw_demo_card_" + rep, true, null, createdAt));
        }
        c.add(new DemoCampaign("wc_booth_cimt_2025", "CIMT机床展展位活码", Channel.WECOM_QR, null, "cw_demo_booth_cimt",
                true, null, createdAt));
        c.add(new DemoCampaign("web_baidu_sem", "百度推广落地页·免费选型", Channel.WEB_FORM, null, null, true, null, createdAt));
        c.add(new DemoCampaign("web_site_inquiry", "官网询价表单", Channel.WEB_FORM, null, null, true, null, createdAt));
        c.add(new DemoCampaign("web_1688_shop", "1688店铺留资", Channel.WEB_FORM, null, null, true, null, createdAt));
        c.add(new DemoCampaign("import_expo_2024_list", "2024展会名单导入", Channel.IMPORT, null, null, true, null, createdAt));
        c.add(new DemoCampaign("import_legacy_crm", "旧CRM客户导入", Channel.IMPORT, null, null, true, null, createdAt));
        return c;
    }

    static String repName(String userId) {
        return switch (userId) {
            case "zhangwei" -> "张伟";
            case "wangfang" -> "王芳";
            case "lina" -> "李娜";
            case "chenjie" -> "陈杰";
            default -> userId;
        };
    }

    private static List<DemoMaterial> materials(Instant createdAt) {
        List<DemoMaterial> m = new ArrayList<>();
        m.add(new DemoMaterial("quote-screw-compressor-37kw", MaterialKind.QUOTE, "37kW 永磁变频螺杆空压机报价单",
                "含主机、后处理及安装调试，报价有效期30天", ProductLine.AIR_COMPRESSOR, createdAt));
        m.add(new DemoMaterial("quote-cnc-vmc850", MaterialKind.QUOTE, "VMC850 立式加工中心报价单",
                "三轴联动，含刀库与首年维保", ProductLine.CNC, createdAt));
        m.add(new DemoMaterial("quote-pulse-dust-collector", MaterialKind.QUOTE, "脉冲布袋除尘器（20000m³/h）报价单",
                "含风机、管道设计与环保验收支持", ProductLine.DUST_COLLECTOR, createdAt));
        m.add(new DemoMaterial("quote-maintenance-annual", MaterialKind.QUOTE, "空压站年度维保服务报价单",
                "季度巡检、易损件更换与7×24小时响应", ProductLine.MAINTENANCE, createdAt));
        m.add(new DemoMaterial("brochure-compressor-2025", MaterialKind.BROCHURE, "永磁变频螺杆空压机产品手册（2025版）",
                "7.5–250kW 全系列参数与选型表", ProductLine.AIR_COMPRESSOR, createdAt));
        m.add(new DemoMaterial("brochure-cnc-series", MaterialKind.BROCHURE, "立式加工中心 / 数控车床系列样本",
                "主要机型参数、精度标准与配置清单", ProductLine.CNC, createdAt));
        m.add(new DemoMaterial("brochure-dust-collector", MaterialKind.BROCHURE, "工业除尘器选型手册",
                "布袋、滤筒、湿式除尘器的适用工况", ProductLine.DUST_COLLECTOR, createdAt));
        m.add(new DemoMaterial("brochure-maintenance", MaterialKind.BROCHURE, "设备维保服务介绍",
                "维保套餐、响应时效与备件保障", ProductLine.MAINTENANCE, createdAt));
        m.add(new DemoMaterial("case-auto-parts-energy", MaterialKind.CASE_STUDY, "常州某汽车零部件厂空压站节能改造：年省电费46万元",
                "4台工频机替换为2台永磁变频机，10个月回本", ProductLine.AIR_COMPRESSOR, createdAt));
        m.add(new DemoMaterial("case-mold-cnc", MaterialKind.CASE_STUDY, "宁波某模具厂加工中心批量替换案例",
                "12台老旧设备更新，加工效率提升30%", ProductLine.CNC, createdAt));
        m.add(new DemoMaterial("case-foundry-dust", MaterialKind.CASE_STUDY, "无锡某铸造厂除尘系统改造案例",
                "排放浓度降至10mg/m³以下，一次通过环保验收", ProductLine.DUST_COLLECTOR, createdAt));
        m.add(new DemoMaterial("discount-trade-in", MaterialKind.DISCOUNT, "老旧空压机以旧换新补贴方案",
                "旧机最高折价3万元，叠加节能补贴", ProductLine.AIR_COMPRESSOR, createdAt));
        m.add(new DemoMaterial("discount-q4-cnc", MaterialKind.DISCOUNT, "年末加工中心限时优惠（送三年维保）",
                "12月31日前签约有效", ProductLine.CNC, createdAt));
        m.add(new DemoMaterial("discount-maintenance-early", MaterialKind.DISCOUNT, "维保合同提前续约9折",
                "到期前60天续约享9折", ProductLine.MAINTENANCE, createdAt));
        return m;
    }
}
