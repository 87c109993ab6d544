package com.qingke.timeline;

import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

class EventTextTest {

    @Test
    void everyEventTypeHasAChineseLabel() {
        for (EventType t : EventType.values()) {
            String label = EventText.label(t);
            assertNotNull(label, t.name());
            assertTrue(label.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), t.name());
        }
    }

    @Test
    void theDetailComesFromTheMetadataKeyThatMatters() {
        assertEquals("《数控车床报价单》", EventText.text(EventType.VIEWED_QUOTE, Map.of("title", "数控车床报价单", "page", "/m/1")));
        assertEquals("问了交期", EventText.text(EventType.CHAT, Map.of("direction", "IN", "summary", "问了交期")));
        assertEquals("确认需求；时长约 2 分钟", EventText.text(EventType.CALL, Map.of("summary", "确认需求", "durationSec", 95)));
        assertEquals("需求确认 → 方案报价", EventText.text(EventType.STAGE_CHANGED, Map.of("fromLabel", "需求确认", "toLabel", "方案报价")));
        assertEquals("方案报价 → 输单；原因：预算不足",
                EventText.text(EventType.DEAL_LOST, Map.of("fromLabel", "方案报价", "toLabel", "输单", "reason", "预算不足")));
        assertEquals("寄样品；结果：客户已签收", EventText.text(EventType.TASK_DONE, Map.of("title", "寄样品", "outcome", "客户已签收")));
        assertNull(EventText.text(EventType.SUBSCRIBE, Map.of()));
        assertNull(EventText.text(EventType.NOTE, null));
    }

    @Test
    void longTextIsCut() {
        String text = EventText.text(EventType.NOTE, Map.of("text", "好".repeat(500)));
        assertEquals(201, text.length());
        assertTrue(text.endsWith("…"));
    }
}
