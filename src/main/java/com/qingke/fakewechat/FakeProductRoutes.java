package com.qingke.fakewechat;

import io.vertx.ext.web.Router;

/**
 * One product of the WeChat platform imitated by {@link FakeWeChatServer}: WeCom (cp) or the official account (mp).
 * Implement it as an {@code @ApplicationScoped} bean; the server mounts every implementation under its
 * {@link #prefix()}, so the products' paths never collide even where the real hosts share paths.
 */
public interface FakeProductRoutes {

    /** Path prefix standing for the real host, e.g. "/cp" for qyapi.weixin.qq.com, "/mp" for api.weixin.qq.com. */
    String prefix();

    /** Registers the product's routes on a router mounted at {@link #prefix()}. Handlers must not block. */
    void mount(Router router);
}
