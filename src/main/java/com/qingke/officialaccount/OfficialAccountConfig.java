package com.qingke.officialaccount;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The SME's WeChat official account (公众号): server configuration (服务器配置) and the developer credentials. A deployment
 * without an official account leaves {@code app-id} empty: the callback then answers 404 and campaigns cannot create
 * official-account QR codes.
 */
@ConfigMapping(prefix = "qingke.official-account")
public interface OfficialAccountConfig {

    /** AppID (开发者ID); empty = no official account. */
    Optional<String> appId();

    /** AppSecret; never logged. */
    Optional<String> secret();

    /** Token of the server configuration, used for the signature. */
    Optional<String> token();

    /** EncodingAESKey (43 characters) for safe mode (安全模式) and compatible mode; empty = plaintext mode only. */
    Optional<String> aesKey();

    /** Passive reply to a new follower; empty = answer "success" and say nothing. */
    @WithDefault("感谢关注！我们的顾问会尽快与您联系。")
    String welcomeMessage();

    /** API host (api.weixin.qq.com); in the demo and test profiles the fake server replaces it. */
    @WithDefault("https://api.weixin.qq.com")
    String apiHost();

    /** Host of showqrcode (mp.weixin.qq.com). */
    @WithDefault("https://mp.weixin.qq.com")
    String mpHost();

    /** Safe mode only: refuse plaintext callbacks even when correctly signed. */
    @WithDefault("false")
    boolean requireEncryption();

    /** A callback whose timestamp is further than this from now is refused as a replay. */
    @WithDefault("PT5M")
    Duration callbackReplayWindow();

    /** Largest callback body accepted; events are a few hundred bytes. */
    @WithDefault("65536")
    int callbackMaxBytes();

    /** Lifetime of a temporary campaign QR code when the campaign does not say (WeChat allows up to 30 days). */
    @WithDefault("P30D")
    Duration temporaryQrLifetime();

    default boolean enabled() {
        return appId().isPresent() && token().isPresent();
    }
}
