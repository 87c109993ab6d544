package com.qingke.fakewechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The local stand-in for WeCom and the official-account platform; on only in the demo and test profiles. */
@ConfigMapping(prefix = "qingke.fake-wechat")
public interface FakeWeChatConfig {

    @WithDefault("false")
    boolean enabled();

    /** Port of the fake server; 0 picks a free one. */
    @WithDefault("0")
    int port();

    /** Bind address; loopback only, the fake never faces a network. */
    @WithDefault("127.0.0.1")
    String host();

    /** Lifetime of the access tokens and tickets it issues (WeCom: 7200 s). */
    @WithDefault("PT2H")
    Duration tokenTtl();

    /** Seed the corp directory and external contacts of the demo corp at start. */
    @WithDefault("true")
    boolean seedDemoCorp();

    /**
     * Seed the corp from the demo data set (qingke.demo.*) that demo mode loads into the database, so WeCom and the
     * database know the same people; otherwise a small fixed corp for tests.
     */
    @WithDefault("false")
    boolean seedFromDemoData();
}
