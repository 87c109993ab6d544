package com.qingke.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Word pools for realistic Chinese people, companies and conversations; weights follow rough real frequencies. */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
        "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "任", "姚", "卢", "钟", "姜", "崔",
        "谭", "陆", "汪", "范", "金", "顾", "钱", "严", "戴", "倪", "秦", "陶", "邵", "孔", "殷", "华"};
    /** Higher weights for the most common surnames (王 李 张 刘 陈 cover about a third of China). */
    static final double[] SURNAME_WEIGHTS = surnameWeights();

    static final String[] MALE_CHARS = {
        "建", "国", "志", "文", "明", "伟", "强", "海", "军", "勇", "峰", "磊", "涛", "斌", "俊", "杰", "浩", "宇",
        "鹏", "飞", "凯", "辉", "刚", "平", "华", "兵", "东", "亮", "晨", "博", "林", "春", "永", "德", "庆", "振",
        "新", "荣", "成", "超", "波", "昊", "森", "轩", "立", "剑", "卫", "锋", "健", "毅"};
    static final String[] FEMALE_CHARS = {
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "琳", "颖", "萍", "红", "梅",
        "莉", "洁", "倩", "佳", "欣", "怡", "悦", "晶", "璐", "岚", "秀", "英", "雯", "蕾", "露", "瑶", "薇", "思"};

    static final String[] INDUSTRIES = {"汽车零部件", "机械加工", "电子制造", "食品饮料", "医药化工", "五金模具", "纺织印染", "新能源"};
    static final double[] INDUSTRY_WEIGHTS = {0.20, 0.18, 0.14, 0.09, 0.10, 0.12, 0.08, 0.09};
    static final String[][] INDUSTRY_WORDS = {
        {"汽车零部件", "汽配", "精密机械", "机电"},
        {"精密机械", "机械制造", "重工", "机械设备"},
        {"电子", "电子科技", "光电科技", "电器"},
        {"食品", "饮料", "食品科技"},
        {"化工", "新材料", "制药", "化学"},
        {"五金", "模具", "金属制品", "精密模具"},
        {"纺织", "印染", "纺织科技"},
        {"新能源科技", "电池科技", "光伏科技", "储能科技"}};
    /** Which product line each industry tends to buy: air compressor, CNC, dust collector, maintenance. */
    static final double[][] INDUSTRY_PRODUCT_WEIGHTS = {
        {0.35, 0.40, 0.10, 0.15}, {0.25, 0.50, 0.10, 0.15}, {0.60, 0.10, 0.10, 0.20}, {0.65, 0.00, 0.15, 0.20},
        {0.45, 0.00, 0.35, 0.20}, {0.25, 0.45, 0.15, 0.15}, {0.45, 0.00, 0.35, 0.20}, {0.35, 0.15, 0.35, 0.15}};

    static final String[] REGIONS = {"苏州", "无锡", "常州", "南通", "上海", "杭州", "宁波", "南京", "合肥"};
    static final double[] REGION_WEIGHTS = {0.25, 0.13, 0.12, 0.08, 0.14, 0.08, 0.08, 0.07, 0.05};
    static final String[] SIZES = {"小型企业", "中型企业", "大型企业"};
    static final double[] SIZE_WEIGHTS = {0.45, 0.40, 0.15};
    static final double[] SIZE_AMOUNT_FACTOR = {0.8, 1.0, 1.5};

    static final String[] BRANDS = {
        "恒达", "华盛", "鑫源", "永泰", "宏远", "金科", "博瑞", "天成", "东升", "瑞丰", "盛德", "嘉诚", "佳禾", "中晟",
        "汇通", "立信", "新锐", "明辉", "海川", "协力", "凯达", "锦程", "聚源", "隆盛", "德润", "华宇", "恒信", "精工",
        "宝丰", "兴业", "远航", "振华", "泰和", "通达", "华阳", "金泰", "昌盛", "万丰", "润泽", "永信", "正和", "鼎盛",
        "凯瑞", "宏图", "顺达", "华创", "科润", "永鑫", "天翔", "金鼎", "利达", "同创", "众合", "伟业", "长盛", "信达"};

    static final String[] POSITIONS = {
        "总经理", "董事长", "厂长", "副总经理", "设备部经理", "采购经理", "生产经理", "技术总监", "设备工程师", "采购专员",
        "车间主任", "动力科科长"};
    static final double[] POSITION_WEIGHTS = {0.08, 0.03, 0.05, 0.04, 0.15, 0.15, 0.10, 0.06, 0.12, 0.10, 0.07, 0.05};

    static final String[] MOBILE_PREFIXES = {
        "138", "139", "135", "136", "137", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188",
        "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "181", "189", "177", "199", "166",
        "173", "191", "198", "176"};

    static final String[] DM_TITLES = {"总经理", "董事长", "厂长", "副总经理"};
    static final String[] LOST_REASONS = {"价格高于预算", "选择了竞争对手", "项目预算取消", "采购计划延期", "技术方案不匹配"};
    static final String SILENT_LOST_REASON = "客户长期未回复，项目搁置";

    static final List<String> CHAT_LINES = List.of(
        "这款机型交货期多久？", "能不能先安排工程师来厂里看看？", "有没有同行业的使用案例？", "价格还有优惠空间吗？",
        "能耗对比数据发我一下", "售后响应时间是多少？", "我们老板想看一下方案", "付款方式能不能分期？",
        "质保期是几年？", "现在的设备老是故障，想换一台", "能开增值税专用发票吗？", "下周方便来公司聊一下吗？");
    static final List<String> SERVICE_CHAT_LINES = List.of(
        "设备运行正常，谢谢", "保养周期快到了，麻烦安排一下", "滤芯能不能多备几套？", "操作工想再培训一次",
        "设备有点异响，帮忙看看");
    static final List<String> CALL_SUMMARIES = List.of(
        "电话沟通用气量和现场工况", "确认加工精度要求", "了解现有设备使用年限", "沟通报价细节", "约定现场勘查时间",
        "客户在比较两家方案", "确认合同条款");
    static final List<String> NOTES = List.of(
        "客户老板关注能耗，下次带节能测算表", "技术部倾向永磁变频机型", "对比了两家竞品，价格敏感",
        "采购流程需要三家比价", "客户计划下季度扩产", "决策要等董事长出差回来", "现场勘查完成，空间足够");
    static final List<String> MESSAGES = List.of(
        "您好，资料已发您，有问题随时联系我", "按您的工况推荐这款机型，供参考", "下周二可以安排工程师上门",
        "这是同行业客户的改造案例，您看一下", "报价已更新，请查收", "节前下单可以享受优惠");
    static final List<String> MENU_ITEMS = List.of("在线询价", "产品中心", "成功案例", "售后服务");
    static final List<String> PAGES = List.of(
        "/products/screw-compressor", "/products/cnc-machining-center", "/products/dust-collector",
        "/services/maintenance", "/cases", "/about");

    static double[] surnameWeights() {
        double[] w = new double[SURNAMES.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = i < 5 ? 7.0 : i < 20 ? 2.0 : 1.0;
        }
        return w;
    }

    static String personName(SplittableRandom r, int gender) {
        String surname = pick(r, SURNAMES, SURNAME_WEIGHTS);
        String[] chars = gender == 2 ? FEMALE_CHARS : MALE_CHARS;
        String given = chars[r.nextInt(chars.length)];
        if (r.nextDouble() < 0.72) {
            given += chars[r.nextInt(chars.length)];
        }
        return surname + given;
    }

    static <T> T pick(SplittableRandom r, T[] items, double[] weights) {
        return items[pickIndex(r, weights)];
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static int pickIndex(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
