package com.qingke.wecom;

import com.qingke.fakewechat.FakeTokens;
import com.qingke.fakewechat.FakeWeChatServer;
import com.qingke.fakewechat.FakeWeComApi;
import com.qingke.platform.QingkeConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

/** Two app instances (two WxJava clients over the same table) share one access token and one refresh. */
@QuarkusTest
class SharedTokenTest {
    @Inject SharedTokenStore store;
    @Inject FakeWeChatServer fake;
    @Inject FakeTokens tokens;
    @Inject WeComConfig config;
    @Inject QingkeConfig qingke;

    /** An "instance" of the app: its own WxJava client and storage, a private agent id so no other test shares the row. */
    private WxCpService instance(int agentId) {
        SharedTokenConfigStorage storage = new SharedTokenConfigStorage(store, qingke.corpId(), agentId, Duration.ofSeconds(5),
                Duration.ofSeconds(15));
        storage.setCorpSecret(config.secret());
        storage.setBaseApiUrl(fake.cpBaseUrl());
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(storage);
        return service;
    }

    @Test
    void twoInstancesFetchTheTokenOnceAndRefreshItOnce() throws Exception {
        int agentId = 5_000_000 + (int) (System.nanoTime() % 1_000_000);
        WxCpService first = instance(agentId);
        WxCpService second = instance(agentId);
        int before = tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN);

        assertEquals("刘洋", first.getUserService().getById("liuyang").getName());
        assertEquals("张伟", second.getUserService().getById("zhangwei").getName());
        assertEquals(before + 1, tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN), "the second instance reads the first one's token");
        assertEquals(first.getWxCpConfigStorage().getAccessToken(), second.getWxCpConfigStorage().getAccessToken());

        tokens.expireAll(FakeWeComApi.ACCESS_TOKEN);
        assertEquals("王芳", second.getUserService().getById("wangfang").getName());
        assertEquals("李娜", first.getUserService().getById("lina").getName());
        assertEquals(before + 2, tokens.issuedCount(FakeWeComApi.ACCESS_TOKEN),
                "one refresh for both: the first instance picks up the second one's new token");
        assertEquals(first.getWxCpConfigStorage().getAccessToken(), second.getWxCpConfigStorage().getAccessToken());
    }

    @Test
    void theTokenIsStoredWithItsExpiryAndNoLockIsLeftBehind() throws Exception {
        int agentId = 6_000_000 + (int) (System.nanoTime() % 1_000_000);
        instance(agentId).getUserService().getById("liuyang");
        String key = "wecom:" + qingke.corpId() + ":" + agentId + ":access_token";
        SharedTokenStore.Entry entry = store.read(key).orElseThrow();
        assertNotNull(entry.value());
        assertTrue(entry.isUsableAt(java.time.Instant.now()));
        assertTrue(store.tryLock(qingke.corpId(), key, java.time.Instant.now().plusSeconds(1)), "the refresh released its lock");
        store.unlock(key);
    }

    @Test
    void jsapiTicketsAreSharedToo() throws Exception {
        int agentId = 7_000_000 + (int) (System.nanoTime() % 1_000_000);
        WxCpService first = instance(agentId);
        WxCpService second = instance(agentId);
        int before = tokens.issuedCount(FakeWeComApi.AGENT_TICKET);
        String a = first.getAgentJsapiTicket();
        String b = second.getAgentJsapiTicket();
        assertEquals(a, b);
        assertEquals(before + 1, tokens.issuedCount(FakeWeComApi.AGENT_TICKET));
    }
}
