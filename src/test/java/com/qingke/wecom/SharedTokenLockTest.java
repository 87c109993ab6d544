package com.qingke.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Vetoed;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token refresh lock while the database is away. WxJava takes the lock before a refresh and releases it in a
 * finally block only once lock() returned; a lock() that failed on the table must therefore leave nothing held, or
 * every later refresh of the instance (on other threads) waits forever. Found by the database-restart fault test
 * (docs/FAULTS.md): the inbox worker hung on this lock after MariaDB came back.
 */
class SharedTokenLockTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** The shared_token table as the database answers it: unreachable while {@code away}, then empty and free. */
    @Vetoed
    static final class Table extends SharedTokenStore {
        final AtomicBoolean away = new AtomicBoolean(true);

        Table() {
            super(null);
        }

        private void reachable() {
            if (away.get()) {
                throw new PersistenceException("Communications link failure");
            }
        }

        @Override
        public Optional<Entry> read(String key) {
            reachable();
            return Optional.empty();
        }

        @Override
        public void write(String corpId, String key, String value, Instant expiresAt) {
            reachable();
        }

        @Override
        public void expire(String key, String value) {
            reachable();
        }

        @Override
        public boolean tryLock(String corpId, String key, Instant until) {
            reachable();
            return true;
        }

        @Override
        public void unlock(String key) {
            reachable();
        }
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRefreshLockThatCouldNotReachTheDatabaseIsNotKept() throws Exception {
        Table table = new Table();
        Lock lock = new SharedTokenConfigStorage.SharedValue(table, "ww-corp", "wecom:ww-corp:1:access_token",
                Duration.ofSeconds(5), Duration.ofSeconds(15), Clock.systemUTC()).lock();

        Future<?> duringOutage = threads.submit(lock::lock);
        assertThatThrownBy(() -> duringOutage.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(PersistenceException.class);

        table.away.set(false);
        Future<Boolean> afterwards = threads.submit(() -> {
            lock.lock();
            lock.unlock();
            return true;
        });
        // without the release, this thread waits for the first one's lock for good
        assertThat(afterwards.get(30, TimeUnit.SECONDS)).isTrue();
    }
}
