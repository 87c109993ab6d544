package com.qingke.wecom;

import com.qingke.fakewechat.FakeTokens;
import com.qingke.fakewechat.FakeWeComApi;
import com.qingke.fakewechat.FakeWeComState;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** WxJava against the fake WeCom: token refresh on 40014/42001, back-off on 45009, WeCom's error codes. */
@QuarkusTest
class WeComGatewayTest {
    private static final String USER_GET = "/cgi-bin/user/get";

    @Inject WeComGateway gateway;
    @Inject FakeTokens tokens;
    @Inject FakeWeComState corp;

    @Test
    void readsAMemberAndTheirDepartmentFromTheDirectory() {
        WeComGateway.Member m = gateway.member("liuyang");
        assertEquals("刘洋", m.name());
        assertEquals("销售部", m.department());
        assertTrue(m.leader());
        assertFalse(gateway.member("zhangwei").leader());
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRetried() {
        gateway.member("zhangwei");
        int issued = tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN);
        int calls = corp.callCount(USER_GET);
        tokens.expireAll(FakeWeComApi.ACCESS_TOKEN);

        assertEquals("张伟", gateway.member("zhangwei").name());

        assertEquals(issued + 1, tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN), "one gettoken after 42001");
        assertEquals(calls + 2, corp.callCount(USER_GET), "the refused call and its retry");
    }

    @Test
    void anInvalidTokenIsRefreshedToo() {
        gateway.member("wangfang");
        int issued = tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN);
        tokens.revokeAll(FakeWeComApi.ACCESS_TOKEN);

        assertEquals("王芳", gateway.member("wangfang").name());
        assertEquals(issued + 1, tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN));
    }

    @Test
    void theTokenIsNotFetchedPerRequest() {
        gateway.member("lina");
        int issued = tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN);
        for (int i = 0; i < 5; i++) {
            gateway.member("lina");
        }
        assertEquals(issued, tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN));
    }

    @Test
    void theFrequencyLimitIsBackedOffAndRetried() {
        int calls = corp.callCount(USER_GET);
        corp.failNext(USER_GET, 45009, 45009);

        assertEquals("陈杰", gateway.member("chenjie").name());
        assertEquals(calls + 3, corp.callCount(USER_GET));
    }

    @Test
    void aPersistentFrequencyLimitGivesUpWithTheErrorCode() {
        corp.failNext(USER_GET, 45009, 45009, 45009, 45009);
        WeComException e = assertThrows(WeComException.class, () -> gateway.member("chenjie"));
        assertEquals(45009, e.errcode());
    }

    @Test
    void otherErrorsAreNotRetried() {
        int calls = corp.callCount(USER_GET);
        WeComException e = assertThrows(WeComException.class, () -> gateway.member("nobody-" + System.nanoTime()));
        assertEquals(60111, e.errcode());
        assertEquals(calls + 1, corp.callCount(USER_GET));
    }
}
