package com.qingke.officialaccount;

import com.qingke.fakewechat.FakeWeChatServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** Builds WxJava's official-account client for the configured account; the fake server plays WeChat in demo and test. */
@ApplicationScoped
public class OfficialAccountClients {
    private final OfficialAccountConfig config;
    private final FakeWeChatServer fake;

    OfficialAccountClients(OfficialAccountConfig config, FakeWeChatServer fake) {
        this.config = config;
        this.fake = fake;
    }

    @Produces
    @Singleton
    WxMpService wxMpService() {
        WxMpDefaultConfigImpl storage = new WxMpDefaultConfigImpl();
        storage.setAppId(config.appId().orElse(""));
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
