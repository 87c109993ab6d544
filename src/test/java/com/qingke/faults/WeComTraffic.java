package com.qingke.faults;

import com.qingke.fakewechat.EncryptedCallback;
import com.qingke.fakewechat.StandaloneFakeWeChat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WeCom's side of the fault tests: add_external_contact callbacks for new contacts (each a distinct event, its contact
 * created in the fake corp first so processing finds it), signed and encrypted like WeCom's, posted to app instances.
 * A callback counts as acknowledged only when the app answered 200 with the body {@code success}; WeCom retries every
 * other answer, which the tests imitate by posting the same callback again.
 */
final class WeComTraffic {
    /** WeCom waits 5 s for an answer; the tests wait longer so a slow answer under load is seen, not lost. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern EXTERNAL_USER = Pattern.compile("<ExternalUserID><!\\[CDATA\\[([^\\]]+)]]>");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private WeComTraffic() {
    }

    /**
     * One callback as posted, and what the instance answered (status 0: no answer, e.g. connection refused);
     * {@code startedAt}/{@code answeredAt} are System.nanoTime() values.
     */
    record Sent(EncryptedCallback callback, String instance, int status, String body, long startedAt, long answeredAt) {
        boolean acknowledged() {
            return status == 200 && "success".equals(body);
        }

        String externalUserId() {
            return externalUserIdOf(callback);
        }

        long millis() {
            return (answeredAt - startedAt) / 1_000_000;
        }
    }

    /** n customers adding the seeded reps in turn, each a new contact of the fake corp. */
    static List<EncryptedCallback> newContactsAddingReps(StandaloneFakeWeChat fake, int n) {
        List<EncryptedCallback> callbacks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            callbacks.add(fake.wecomCallbacks().customerAddsRep(StandaloneFakeWeChat.REPS.get(i % StandaloneFakeWeChat.REPS.size()), null));
        }
        return callbacks;
    }

    static String externalUserIdOf(EncryptedCallback callback) {
        Matcher m = EXTERNAL_USER.matcher(callback.plainXml());
        if (!m.find()) {
            throw new IllegalArgumentException("no ExternalUserID in " + callback.plainXml());
        }
        return m.group(1);
    }

    static Sent post(AppInstance app, EncryptedCallback callback) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/wecom/callback?" + callback.queryString()))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(callback.body())).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Sent(callback, app.name(), response.statusCode(), response.body(), started, System.nanoTime());
        } catch (IOException e) {
            return new Sent(callback, app.name(), 0, e.toString(), started, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(callback, app.name(), 0, "interrupted", started, System.nanoTime());
        }
    }

    /** An official-account event (FakeOfficialAccountCallbacks.Callback: query and body) posted to an instance; the status. */
    static int postOfficialAccount(AppInstance app, String query, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/official-account/callback?" + query))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Posts every callback once from {@code threads} concurrent senders; {@code target} picks the instance for the i-th
     * callback. Returns the answers in the callbacks' order.
     */
    static List<Sent> postAll(List<EncryptedCallback> callbacks, int threads, IntFunction<AppInstance> target) {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Sent>> futures = new ArrayList<>(callbacks.size());
            for (int i = 0; i < callbacks.size(); i++) {
                int index = i;
                futures.add(senders.submit(() -> post(target.apply(index), callbacks.get(index))));
            }
            List<Sent> answers = new ArrayList<>(callbacks.size());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            for (Future<Sent> f : futures) {
                answers.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return Collections.unmodifiableList(answers);
        } catch (Exception e) {
            throw new IllegalStateException("Posting callbacks failed", e);
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * WeCom streaming events at an instance until stopped: each sender makes a new contact, posts its callback, pauses,
     * and goes on. Bounded by a count and by time, so a stuck test cannot post forever.
     */
    static final class Stream {
        private static final int MAX_CALLBACKS = 5000;
        private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(8);

        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger posted = new AtomicInteger();
        private final ExecutorService senders;
        private final List<Future<?>> running = new ArrayList<>();
        private volatile boolean stopped;

        Stream(StandaloneFakeWeChat fake, int threads, Duration pause, IntFunction<AppInstance> target) {
            senders = Executors.newFixedThreadPool(threads);
            long deadline = System.nanoTime() + MAX_NANOS;
            for (int t = 0; t < threads; t++) {
                running.add(senders.submit(() -> {
                    while (!stopped && System.nanoTime() < deadline) {
                        int i = posted.getAndIncrement();
                        if (i >= MAX_CALLBACKS) {
                            break;
                        }
                        EncryptedCallback callback = fake.wecomCallbacks().customerAddsRep(
                                StandaloneFakeWeChat.REPS.get(i % StandaloneFakeWeChat.REPS.size()), null);
                        Sent s = post(target.apply(i), callback);
                        sent.add(s);
                        if (s.acknowledged()) {
                            acknowledged.incrementAndGet();
                        }
                        Thread.sleep(pause.toMillis());
                    }
                    return null;
                }));
            }
        }

        int acknowledged() {
            return acknowledged.get();
        }

        /** Answers so far, in the order they arrived. */
        List<Sent> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }

        /** Stops posting, waits for the requests in flight, and returns every answer. */
        List<Sent> stop() {
            stopped = true;
            try {
                for (Future<?> f : running) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                throw new IllegalStateException("A sender failed", e);
            } finally {
                senders.shutdownNow();
            }
            return sent();
        }
    }
}
