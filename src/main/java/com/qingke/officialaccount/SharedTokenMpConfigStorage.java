package com.qingke.officialaccount;

import com.qingke.wecom.SharedTokenConfigStorage.SharedValue;
import com.qingke.wecom.SharedTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * WxJava's official-account config with the access token in the shared_token table. For an official account this is
 * not optional with more than one instance: every /cgi-bin/token call invalidates the previous token, so instances
 * fetching their own would keep breaking each other's calls.
 */
public class SharedTokenMpConfigStorage extends WxMpDefaultConfigImpl {
    private static final long serialVersionUID = 1L;

    private final transient SharedValue access;

    public SharedTokenMpConfigStorage(SharedTokenStore store, String corpId, String appId, Duration cacheTtl, Duration lockTtl) {
        setAppId(appId);
        this.access = new SharedValue(store, corpId, "mp:" + appId + ":access_token", cacheTtl, lockTtl, Clock.systemUTC());
    }

    @Override
    public String getAccessToken() {
        return access.value();
    }

    @Override
    public boolean isAccessTokenExpired() {
        return access.isExpired();
    }

    @Override
    public void expireAccessToken() {
        access.expire();
    }

    @Override
    public synchronized void updateAccessToken(WxAccessToken accessToken) {
        updateAccessToken(accessToken.getAccessToken(), accessToken.getExpiresIn());
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        access.update(accessToken, expiresInSeconds);
    }

    @Override
    public Lock getAccessTokenLock() {
        return access.lock();
    }

    @Override
    public long getExpiresTime() {
        return access.expiresAtMillis();
    }

    @Override
    public String toString() {
        // The inherited toString prints every field, the secret and the token included.
        return "SharedTokenMpConfigStorage[appId=" + getAppId() + "]";
    }
}
