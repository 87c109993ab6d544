package com.qingke.fakewechat;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The fake official account's followers and parametric QR codes, shared by its API and its callbacks. */
@Singleton
public class FakeOfficialAccountState {

    /** A WeChat user as user/info shows them to the account; unionid only when the account is bound to Open Platform. */
    public static final class Follower {
        public final String openid;
        public volatile String unionid;
        public volatile boolean subscribed;
        public volatile long subscribeTime;
        public volatile String subscribeScene = "ADD_SCENE_SEARCH";
        public volatile String qrSceneStr = "";

        public Follower(String openid, String unionid) {
            this.openid = openid;
            this.unionid = unionid;
        }
    }

    /** A QR code the app created with qrcode/create. */
    public record QrCode(String ticket, String sceneStr, boolean permanent, Integer expireSeconds, String url, Instant createdAt) {
    }

    private final Map<String, Follower> followers = new ConcurrentHashMap<>();
    private final Map<String, QrCode> qrCodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> faults = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Clock clock = Clock.systemUTC();

    public Clock clock() {
        return clock;
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    public Follower putFollower(Follower f) {
        followers.put(f.openid, f);
        return f;
    }

    public Optional<Follower> follower(String openid) {
        return Optional.ofNullable(openid == null ? null : followers.get(openid));
    }

    public void putQrCode(QrCode qr) {
        qrCodes.put(qr.ticket(), qr);
    }

    public Optional<QrCode> qrCode(String ticket) {
        return Optional.ofNullable(ticket == null ? null : qrCodes.get(ticket));
    }

    /** QR codes created for a scene, oldest first. */
    public List<QrCode> qrCodesFor(String sceneStr) {
        return qrCodes.values().stream().filter(q -> q.sceneStr().equals(sceneStr))
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    void countCall(String path) {
        calls.merge(path, 1, Integer::sum);
    }

    /** How many times the app called an API path, e.g. "/cgi-bin/user/info". */
    public int callCount(String path) {
        return calls.getOrDefault(path, 0);
    }

    /** The next calls to the path answer these errcodes, one per call (e.g. 45009, or -1 for "system busy"). */
    public void failNext(String path, Integer... errcodes) {
        faults.computeIfAbsent(path, k -> new CopyOnWriteArrayList<>()).addAll(List.of(errcodes));
    }

    synchronized Optional<Integer> takeFault(String path) {
        List<Integer> queue = faults.get(path);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.remove(0));
    }
}
