package com.qingke.officialaccount;

import com.qingke.fakewechat.FakeWeChatServer;
import com.qingke.platform.QingkeConfig;
import com.qingke.wecom.SharedTokenStore;
import com.qingke.wecom.WeComConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;

/**
 * Builds WxJava's official-account client for the configured account, with its access token shared by every instance
 * (see {@link SharedTokenMpConfigStorage}); the fake server plays WeChat in the demo and test profiles.
 */
@ApplicationScoped
public class OfficialAccountClients {
    private final OfficialAccountConfig config;
    private final FakeWeChatServer fake;
    private final SharedTokenStore tokens;
    private final QingkeConfig qingke;
    private final WeComConfig wecom;

    OfficialAccountClients(OfficialAccountConfig config, FakeWeChatServer fake, SharedTokenStore tokens, QingkeConfig qingke,
                           WeComConfig wecom) {
        this.config = config;
        this.fake = fake;
        this.tokens = tokens;
        this.qingke = qingke;
        this.wecom = wecom;
    }

    @Produces
    @Singleton
    WxMpService wxMpService() {
        // the same cache and lock timings as the WeCom client's shared token
        SharedTokenMpConfigStorage storage = new SharedTokenMpConfigStorage(tokens, qingke.corpId(), config.appId().orElse(""),
                wecom.tokenCacheTtl(), wecom.tokenLockTtl());
        storage.setSecret(config.secret().orElse(""));
        storage.setToken(config.token().orElse(""));
        config.aesKey().ifPresent(storage::setAesKey);
        storage.setHostConfig(new WxMpHostConfig(apiHost(), "https://open.weixin.qq.com", mpHost()));
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(storage);
        service.setRetrySleepMillis(200);
        service.setMaxRetryTimes(2);
        return service;
    }

    /** api.weixin.qq.com, or the fake server's stand-in for it in the demo and test profiles. */
    String apiHost() {
        return fake.isEnabled() ? fake.mpApiHost() : config.apiHost();
    }

    /** mp.weixin.qq.com (showqrcode); the fake serves it under the same prefix. */
    String mpHost() {
        return fake.isEnabled() ? fake.mpApiHost() : config.mpHost();
    }
}
