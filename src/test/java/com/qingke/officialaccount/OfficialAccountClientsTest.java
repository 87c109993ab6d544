package com.qingke.officialaccount;

import com.qingke.fakewechat.FakeOfficialAccountApi;
import com.qingke.fakewechat.FakeOfficialAccountCallbacks;
import com.qingke.fakewechat.FakeOfficialAccountState;
import com.qingke.fakewechat.FakeTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;

@QuarkusTest
class OfficialAccountClientsTest {
    @Inject OfficialAccountClients clients;
    @Inject FakeOfficialAccountState account;
    @Inject FakeOfficialAccountCallbacks wechat;
    @Inject FakeTokens tokens;

    @Test
    void twoInstancesShareOneAccessTokenAndAnExpiredOneIsRefreshedOnce() throws Exception {
        FakeOfficialAccountState.Follower user = wechat.newUser();
        user.subscribed = true;
        WxMpService first = clients.wxMpService();
        WxMpService second = clients.wxMpService();

        assertEquals(user.unionid, first.getUserService().userInfo(user.openid).getUnionId());
        int fetched = account.callCount("/cgi-bin/token");
        assertEquals(user.unionid, second.getUserService().userInfo(user.openid).getUnionId());
        assertEquals(fetched, account.callCount("/cgi-bin/token"), "the second instance uses the stored token");

        tokens.expireAll(FakeOfficialAccountApi.ACCESS_TOKEN);
        assertEquals(user.unionid, second.getUserService().userInfo(user.openid).getUnionId());
        assertEquals(fetched + 1, account.callCount("/cgi-bin/token"), "42001 makes one refresh, then the call succeeds");
    }

    @Test
    void theStorageNeverPrintsItsSecret() {
        String text = clients.wxMpService().getWxMpConfigStorage().toString();
        assertFalse(text.contains("secret"), text);
    }
}
