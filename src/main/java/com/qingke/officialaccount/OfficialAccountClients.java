package com.qingke.officialaccount;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** Builds WxJava's official-account client for the configured account, pointed at the configured hosts. */
@ApplicationScoped
public class OfficialAccountClients {
    private final OfficialAccountConfig config;

    OfficialAccountClients(OfficialAccountConfig config) {
        this.config = config;
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

    String apiHost() {
        return config.apiHost();
    }

    String mpHost() {
        return config.mpHost();
    }
}
