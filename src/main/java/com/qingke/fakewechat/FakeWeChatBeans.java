package com.qingke.fakewechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The fake platform's shared state: one token registry for every product, one WeCom corp. */
@ApplicationScoped
public class FakeWeChatBeans {

    @Produces
    @Singleton
    FakeTokens tokens() {
        return new FakeTokens(Clock.systemUTC());
    }

    @Produces
    @Singleton
    FakeWeComState weCom() {
        return new FakeWeComState(Clock.systemUTC());
    }
}
