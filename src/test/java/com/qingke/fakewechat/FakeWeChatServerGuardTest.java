package com.qingke.fakewechat;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** The fake WeChat platform must never answer in production. */
class FakeWeChatServerGuardTest {

    @Test
    void refusesToStartInTheProdProfileOrOutsideDemoAndTest() {
        assertThrows(IllegalStateException.class, () -> FakeWeChatServer.refuseOutsideDemoAndTest(true, List.of("prod")));
        assertThrows(IllegalStateException.class, () -> FakeWeChatServer.refuseOutsideDemoAndTest(true, List.of("demo", "prod")));
        assertThrows(IllegalStateException.class, () -> FakeWeChatServer.refuseOutsideDemoAndTest(true, List.of("dev")));
        assertDoesNotThrow(() -> FakeWeChatServer.refuseOutsideDemoAndTest(true, List.of("demo")));
        assertDoesNotThrow(() -> FakeWeChatServer.refuseOutsideDemoAndTest(true, List.of("test")));
        assertDoesNotThrow(() -> FakeWeChatServer.refuseOutsideDemoAndTest(false, List.of("prod")));
    }

    @Test
    void isOffUnlessTheDemoOrTestProfileTurnsItOn() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertEquals("false", p.getProperty("qingke.fake-wechat.enabled"));
        assertEquals("true", p.getProperty("%demo.qingke.fake-wechat.enabled"));
        assertEquals("true", p.getProperty("%test.qingke.fake-wechat.enabled"));
        assertNull(p.getProperty("%prod.qingke.fake-wechat.enabled"));
    }
}
