package com.qingke.wecom;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The self-built app (自建应用) in the SME's WeCom corp. The corp id itself is {@code qingke.corp-id}
 * ({@link com.qingke.platform.QingkeConfig#corpId()}), because every row of the deployment carries it.
 */
@ConfigMapping(prefix = "qingke.wecom")
public interface WeComConfig {

    /** AgentId of the self-built app (应用管理 → the app → AgentId). */
    int agentId();

    /** The app's Secret; never logged. */
    String secret();

    /** Callback Token (接收消息 → Token). */
    String callbackToken();

    /** Callback EncodingAESKey, 43 characters. */
    String callbackAesKey();

    /** WeCom API base URL; in test and demo the fake server's address replaces it. */
    @WithDefault("https://qyapi.weixin.qq.com")
    String apiBaseUrl();

    /** OAuth2 authorize page; in test and demo the fake server's page replaces it. */
    @WithDefault("https://open.weixin.qq.com/connect/oauth2/authorize")
    String oauthAuthorizeUrl();

    /** WeCom userids that get the manager role besides department leaders. */
    Optional<List<String>> managerUserids();

    /** A callback whose timestamp is further than this from now is refused as a replay. */
    @WithDefault("PT5M")
    Duration callbackReplayWindow();

    /** Largest callback body accepted; WeCom's events are a few hundred bytes. */
    @WithDefault("65536")
    int callbackMaxBytes();

    /** How long a signed-in OAuth round trip may take (the state's lifetime). */
    @WithDefault("PT10M")
    Duration oauthStateTtl();

    /** How long an instance trusts its copy of the shared access token before re-reading the table. */
    @WithDefault("PT5S")
    Duration tokenCacheTtl();

    /** How long one instance may hold the token refresh lock before another takes over. */
    @WithDefault("PT15S")
    Duration tokenLockTtl();

    /** Tag group under which Qingke creates corp tags that do not exist yet. */
    @WithDefault("轻客")
    String tagGroupName();
}
