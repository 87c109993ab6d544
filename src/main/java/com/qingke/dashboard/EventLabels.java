package com.qingke.dashboard;

import com.qingke.timeline.EventType;
import java.util.Map;

/** Chinese names of behaviour events, and the one metadata field worth showing next to each. */
final class EventLabels {
    private static final Map<EventType, String> LABELS = Map.ofEntries(
            Map.entry(EventType.SCAN, "扫码"), Map.entry(EventType.SUBSCRIBE, "关注公众号"),
            Map.entry(EventType.UNSUBSCRIBE, "取消关注"), Map.entry(EventType.MENU_CLICK, "点击菜单"),
            Map.entry(EventType.PAGE_VIEW, "浏览页面"), Map.entry(EventType.FORM_SUBMITTED, "提交表单"),
            Map.entry(EventType.ADDED_WECOM, "添加企业微信"), Map.entry(EventType.DELETED_BY_CUSTOMER, "删除销售好友"),
            Map.entry(EventType.REP_DELETED_CUSTOMER, "销售删除客户"), Map.entry(EventType.CHAT, "咨询/聊天"),
            Map.entry(EventType.VIEWED_QUOTE, "查看报价"), Map.entry(EventType.DOWNLOADED_MATERIAL, "下载资料"),
            Map.entry(EventType.NOTE, "跟进记录"), Map.entry(EventType.CALL, "电话"), Map.entry(EventType.MESSAGE_SENT, "销售发消息"),
            Map.entry(EventType.TASK_DONE, "完成任务"), Map.entry(EventType.ACTION_CONFIRMED, "采纳推荐"),
            Map.entry(EventType.ACTION_DISMISSED, "忽略推荐"), Map.entry(EventType.STAGE_CHANGED, "商机阶段变化"),
            Map.entry(EventType.DEAL_WON, "赢单"), Map.entry(EventType.DEAL_LOST, "输单"), Map.entry(EventType.IMPORTED, "导入"));

    private static final String[] DETAIL_KEYS = {"title", "page", "summary", "materialTitle", "campaign", "text"};

    private EventLabels() {
    }

    static String label(EventType type) {
        return LABELS.getOrDefault(type, type.name());
    }

    static String detail(Map<String, Object> metadata) {
        if (metadata == null) {
            return "";
        }
        for (String key : DETAIL_KEYS) {
            Object v = metadata.get(key);
            if (v != null && !v.toString().isBlank()) {
                String s = v.toString().strip();
                return s.length() > 40 ? s.substring(0, 40) + "…" : s;
            }
        }
        return "";
    }
}
