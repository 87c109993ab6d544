package com.qingke.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * WxJava's config storage with the access token and both jsapi tickets kept in the {@code shared_token} table, so
 * that every app instance uses one token instead of each fetching (and, on some platforms, invalidating) its own.
 * Reads are cached for a few seconds; a refresh takes a lock in the table ({@code locked_until}) so that only one
 * instance calls gettoken, and the others pick up its result after WxJava's double check.
 */
public class SharedTokenConfigStorage extends WxCpDefaultConfigImpl {
    private static final long serialVersionUID = 1L;
    /** WxJava's own safety margin: treat a token as expired this long before WeCom does. */
    private static final int EXPIRY_MARGIN_SECONDS = 200;

    private final transient SharedValue access;
    private final transient SharedValue jsapi;
    private final transient SharedValue agentJsapi;

    public SharedTokenConfigStorage(SharedTokenStore store, String corpId, int agentId, Duration cacheTtl, Duration lockTtl) {
        setCorpId(corpId);
        setAgentId(agentId);
        String prefix = "wecom:" + corpId + ":" + agentId + ":";
        Clock clock = Clock.systemUTC();
        this.access = new SharedValue(store, corpId, prefix + "access_token", cacheTtl, lockTtl, clock);
        this.jsapi = new SharedValue(store, corpId, prefix + "jsapi_ticket", cacheTtl, lockTtl, clock);
        this.agentJsapi = new SharedValue(store, corpId, prefix + "agent_jsapi_ticket", cacheTtl, lockTtl, clock);
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
        return access.lock;
    }

    @Override
    public long getExpiresTime() {
        return access.expiresAtMillis();
    }

    @Override
    public String getJsapiTicket() {
        return jsapi.value();
    }

    @Override
    public boolean isJsapiTicketExpired() {
        return jsapi.isExpired();
    }

    @Override
    public void expireJsapiTicket() {
        jsapi.expire();
    }

    @Override
    public synchronized void updateJsapiTicket(String ticket, int expiresInSeconds) {
        jsapi.update(ticket, expiresInSeconds);
    }

    @Override
    public Lock getJsapiTicketLock() {
        return jsapi.lock;
    }

    @Override
    public String getAgentJsapiTicket() {
        return agentJsapi.value();
    }

    @Override
    public boolean isAgentJsapiTicketExpired() {
        return agentJsapi.isExpired();
    }

    @Override
    public void expireAgentJsapiTicket() {
        agentJsapi.expire();
    }

    @Override
    public void updateAgentJsapiTicket(String ticket, int expiresInSeconds) {
        agentJsapi.update(ticket, expiresInSeconds);
    }

    @Override
    public Lock getAgentJsapiTicketLock() {
        return agentJsapi.lock;
    }

    @Override
    public String toString() {
        // The inherited toString serialises every field, secrets and tokens included.
        return "SharedTokenConfigStorage[corpId=" + getCorpId() + ", agentId=" + getAgentId() + "]";
    }

    /**
     * One shared value (token or ticket) with its local read cache and its cross-instance refresh lock. Public so the
     * official account's client ({@code com.qingke.officialaccount}) keeps its access token the same way.
     */
    public static final class SharedValue {
        private record Cached(SharedTokenStore.Entry entry, Instant readAt) {
        }

        private final SharedTokenStore store;
        private final String corpId;
        private final String key;
        private final Duration cacheTtl;
        private final Duration lockTtl;
        private final Clock clock;
        private volatile Cached cached;
        final Lock lock = new TableLock();

        public Lock lock() {
            return lock;
        }

        public SharedValue(SharedTokenStore store, String corpId, String key, Duration cacheTtl, Duration lockTtl, Clock clock) {
            this.store = store;
            this.corpId = corpId;
            this.key = key;
            this.cacheTtl = cacheTtl;
            this.lockTtl = lockTtl;
            this.clock = clock;
        }

        private SharedTokenStore.Entry entry() {
            Cached c = cached;
            Instant now = clock.instant();
            if (c == null || !now.isBefore(c.readAt().plus(cacheTtl))) {
                c = new Cached(store.read(key).orElse(null), now);
                cached = c;
            }
            return c.entry();
        }

        public String value() {
            SharedTokenStore.Entry e = entry();
            return e == null ? null : e.value();
        }

        public boolean isExpired() {
            SharedTokenStore.Entry e = entry();
            return e == null || !e.isUsableAt(clock.instant());
        }

        public long expiresAtMillis() {
            SharedTokenStore.Entry e = entry();
            return e == null || e.expiresAt() == null ? 0 : e.expiresAt().toEpochMilli();
        }

        /** WeCom refused the value we used: expire it in the table unless another instance already replaced it. */
        public void expire() {
            Cached c = cached;
            if (c != null && c.entry() != null && c.entry().value() != null) {
                store.expire(key, c.entry().value());
            }
            cached = null;
        }

        public void update(String value, int expiresInSeconds) {
            Instant expiresAt = clock.instant().plusSeconds(Math.max(expiresInSeconds - EXPIRY_MARGIN_SECONDS, 1));
            store.write(corpId, key, value, expiresAt);
            cached = new Cached(new SharedTokenStore.Entry(value, expiresAt), clock.instant());
        }

        /**
         * Local lock plus the row's locked_until. Once held, the cache is dropped so WxJava's double check sees a
         * token another instance may have fetched while we waited. A crashed holder's lock lapses after lockTtl.
         */
        private final class TableLock implements Lock {
            private final ReentrantLock local = new ReentrantLock();
            private volatile boolean heldInTable;

            /**
             * Throws when the table cannot be reached (database away); the local lock is then released again, because
             * WxJava calls unlock() only after lock() returned, and a lock kept by a failed call would block every later
             * token refresh of this instance for good. The local wait is bounded too, for the same reason.
             */
            @Override
            public void lock() {
                acquireLocal();
                if (local.getHoldCount() > 1) {
                    return;
                }
                try {
                    Instant giveUp = clock.instant().plus(lockTtl).plusSeconds(1);
                    heldInTable = store.tryLock(corpId, key, clock.instant().plus(lockTtl));
                    while (!heldInTable && clock.instant().isBefore(giveUp)) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                        heldInTable = store.tryLock(corpId, key, clock.instant().plus(lockTtl));
                    }
                    cached = null;
                } catch (RuntimeException | Error e) {
                    heldInTable = false;
                    local.unlock();
                    throw e;
                }
            }

            /** Another thread of this instance refreshes at most for the table lock's lifetime plus a margin. */
            private void acquireLocal() {
                boolean acquired;
                try {
                    acquired = local.tryLock(lockTtl.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the " + key + " refresh lock", e);
                }
                if (!acquired) {
                    throw new IllegalStateException("The " + key + " refresh lock is still held by another thread");
                }
            }

            @Override
            public void unlock() {
                try {
                    if (local.getHoldCount() == 1 && heldInTable) {
                        heldInTable = false;
                        store.unlock(key);
                    }
                } finally {
                    local.unlock();
                }
            }

            @Override
            public void lockInterruptibly() {
                lock();
            }

            @Override
            public boolean tryLock() {
                lock();
                return true;
            }

            @Override
            public boolean tryLock(long time, TimeUnit unit) {
                lock();
                return true;
            }

            @Override
            public Condition newCondition() {
                throw new UnsupportedOperationException("The token lock has no conditions");
            }
        }
    }
}
