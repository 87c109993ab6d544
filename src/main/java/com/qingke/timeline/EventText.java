package com.qingke.timeline;

import java.util.Map;

/** Chinese wording for timeline events: a label per type and the one metadata detail worth showing. */
public final class EventText {
    private static final int MAX_TEXT = 200;

    private EventText() {
    }

    public static String label(EventType type) {
        return switch (type) {
            case SCAN -> "扫码";
            case SUBSCRIBE -> "关注公众号";
            case UNSUBSCRIBE -> "取消关注公众号";
            case MENU_CLICK -> "点击公众号菜单";
            case PAGE_VIEW -> "浏览网页";
            case FORM_SUBMITTED -> "提交表单";
            case ADDED_WECOM -> "添加企业微信";
            case DELETED_BY_CUSTOMER -> "客户删除了销售";
            case REP_DELETED_CUSTOMER -> "销售删除了客户";
            case CHAT -> "微信沟通";
            case VIEWED_QUOTE -> "查看报价单";
            case DOWNLOADED_MATERIAL -> "查看资料";
            case NOTE -> "跟进备注";
            case CALL -> "电话沟通";
            case MESSAGE_SENT -> "发送消息";
            case TASK_DONE -> "完成任务";
            case ACTION_CONFIRMED -> "确认推荐动作";
            case ACTION_DISMISSED -> "忽略推荐动作";
            case STAGE_CHANGED -> "商机阶段变更";
            case DEAL_WON -> "赢单";
            case DEAL_LOST -> "输单";
            case IMPORTED -> "导入客户";
        };
    }

    /** The detail of an event, taken from its metadata; null when there is nothing worth showing. */
    public static String text(EventType type, Map<String, Object> metadata) {
        Map<String, Object> m = metadata == null ? Map.of() : metadata;
        String text = switch (type) {
            case NOTE, MESSAGE_SENT -> first(m, "text", "summary");
            case CALL -> join(first(m, "summary", "text"), minutes(m.get("durationSec")));
            case CHAT -> first(m, "summary", "text");
            case VIEWED_QUOTE, DOWNLOADED_MATERIAL -> quoted(first(m, "materialTitle", "title"));
            case FORM_SUBMITTED -> first(m, "message", "product", "page");
            case PAGE_VIEW -> first(m, "title", "page");
            case MENU_CLICK -> first(m, "menu");
            case SCAN, SUBSCRIBE -> prefixed("渠道：", first(m, "campaignName", "campaign"));
            case IMPORTED -> prefixed("批次：", first(m, "batch", "campaign"));
            case TASK_DONE -> join(first(m, "title"), prefixed("结果：", first(m, "outcome")));
            case ACTION_CONFIRMED -> first(m, "title", "rule");
            case ACTION_DISMISSED -> join(first(m, "title", "rule"), prefixed("原因：", first(m, "reason")));
            case STAGE_CHANGED, DEAL_WON, DEAL_LOST -> stageChange(m);
            default -> first(m, "text", "summary");
        };
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static String stageChange(Map<String, Object> m) {
        String from = first(m, "fromLabel", "from");
        String to = first(m, "toLabel", "to");
        String change = from == null ? to : to == null ? null : from + " → " + to;
        return join(change, prefixed("原因：", first(m, "reason")));
    }

    private static String first(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            Object v = m.get(k);
            if (v != null && !v.toString().isBlank()) {
                return v.toString().strip();
            }
        }
        return null;
    }

    private static String minutes(Object seconds) {
        if (!(seconds instanceof Number n) || n.longValue() <= 0) {
            return null;
        }
        long min = Math.max(1, Math.round(n.longValue() / 60.0));
        return "时长约 " + min + " 分钟";
    }

    private static String quoted(String title) {
        return title == null ? null : "《" + title + "》";
    }

    private static String prefixed(String prefix, String value) {
        return value == null ? null : prefix + value;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "；" + b;
    }
}
