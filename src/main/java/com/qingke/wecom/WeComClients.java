package com.qingke.wecom;

import com.qingke.fakewechat.FakeWeChatServer;
import com.qingke.platform.QingkeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;

/**
 * Builds WxJava's WeCom client for the configured app, with tokens in the shared table and the API base URL pointed
 * at the fake server in the demo and test profiles.
 */
@ApplicationScoped
public class WeComClients {
    private final WeComConfig config;
    private final QingkeConfig qingke;
    private final SharedTokenStore tokens;
    private final FakeWeChatServer fake;

    WeComClients(WeComConfig config, QingkeConfig qingke, SharedTokenStore tokens, FakeWeChatServer fake) {
        this.config = config;
        this.qingke = qingke;
        this.tokens = tokens;
        this.fake = fake;
    }

    @Produces
    @Singleton
    WxCpService wxCpService() {
        return create();
    }

    /** A new client; every client made here shares the same stored token (tests make two to prove it). */
    public WxCpService create() {
        SharedTokenConfigStorage storage = new SharedTokenConfigStorage(tokens, qingke.corpId(), config.agentId(),
                config.tokenCacheTtl(), config.tokenLockTtl());
        storage.setCorpSecret(config.secret());
        storage.setToken(config.callbackToken());
        storage.setAesKey(config.callbackAesKey());
        storage.setBaseApiUrl(apiBaseUrl());
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(storage);
        // WxJava retries only errcode -1 (system busy) itself; keep that short, the gateway handles 45009.
        service.setRetrySleepMillis(200);
        service.setMaxRetryTimes(2);
        return service;
    }

    /** True in the demo and test profiles, where the fake server plays WeCom. */
    public boolean isFake() {
        return fake.isEnabled();
    }

    public String apiBaseUrl() {
        return fake.isEnabled() ? fake.cpBaseUrl() : config.apiBaseUrl();
    }

    /** Where the rep's browser goes to sign in (WeCom's OAuth2 page, or the fake one). */
    public String authorizeUrl() {
        return fake.isEnabled() ? fake.cpBaseUrl() + "/connect/oauth2/authorize" : config.oauthAuthorizeUrl();
    }
}
