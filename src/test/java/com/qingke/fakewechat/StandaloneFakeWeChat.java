package com.qingke.fakewechat;

import com.qingke.officialaccount.OfficialAccountConfig;
import com.qingke.platform.QingkeConfig;
import com.qingke.wecom.WeComConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The fake WeCom corp and official account outside Quarkus, in the test's own JVM, for tests that run the packaged app
 * as child processes: several app instances then talk to one platform, which counts the access tokens it hands out and
 * the calls it refuses, the way the real one would see a cluster. The same classes as in the demo and test profiles
 * (FakeWeComApi, FakeOfficialAccountApi, the callback builders), wired by hand instead of by CDI.
 */
public final class StandaloneFakeWeChat implements AutoCloseable {
    /** A made-up corp and app; not the credentials of any real corp. */
    public static final String CORP_ID = "ww-faults-corp";
    public static final int AGENT_ID = 1000002;
    public static final String SECRET = "faults-secret-of-the-fake-corp";
    public static final String CALLBACK_TOKEN = "faultsCallbackToken";
    public static final String CALLBACK_AES_KEY = "hlzJfy28qaABqqOikqwwbfd71Ck6XzzG9uKTjYqsYCk";
    public static final String OA_APP_ID = "wxqingkefaults0001";
    public static final String OA_SECRET = "faults-oa-secret-of-the-fake-account";
    public static final String OA_TOKEN = "faultsOaToken";
    public static final String OA_AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aQ";
    /** The reps of the seeded demo directory (FakeWeComSeed). */
    public static final List<String> REPS = List.of("zhangwei", "wangfang", "lina", "chenjie");

    private final Vertx vertx;
    private final HttpServer server;
    private final FakeTokens tokens;
    private final FakeWeComState corp;
    private final FakeWeComCallbacks wecomCallbacks;
    private final FakeOfficialAccountCallbacks officialAccountCallbacks;

    private StandaloneFakeWeChat(Vertx vertx, HttpServer server, FakeTokens tokens, FakeWeComState corp,
                                 FakeWeComCallbacks wecomCallbacks, FakeOfficialAccountCallbacks officialAccountCallbacks) {
        this.vertx = vertx;
        this.server = server;
        this.tokens = tokens;
        this.corp = corp;
        this.wecomCallbacks = wecomCallbacks;
        this.officialAccountCallbacks = officialAccountCallbacks;
    }

    /** Starts the fake on a free loopback port with the demo directory seeded. */
    public static StandaloneFakeWeChat start() {
        Clock clock = Clock.systemUTC();
        FakeTokens tokens = new FakeTokens(clock);
        FakeWeComState corp = new FakeWeComState(clock);
        FakeOfficialAccountState account = new FakeOfficialAccountState();
        FakeWeChatConfig fakeConfig = config(FakeWeChatConfig.class, Map.of("enabled", true, "port", 0, "host", "127.0.0.1",
                "tokenTtl", Duration.ofHours(2), "seedDemoCorp", true));
        WeComConfig app = config(WeComConfig.class, Map.of("agentId", AGENT_ID, "secret", SECRET, "callbackToken", CALLBACK_TOKEN,
                "callbackAesKey", CALLBACK_AES_KEY));
        QingkeConfig qingke = config(QingkeConfig.class, Map.of("corpId", CORP_ID));
        OfficialAccountConfig oa = config(OfficialAccountConfig.class, Map.of("appId", Optional.of(OA_APP_ID),
                "secret", Optional.of(OA_SECRET), "token", Optional.of(OA_TOKEN), "aesKey", Optional.of(OA_AES_KEY)));
        new FakeWeComSeed(corp, fakeConfig, null).seed();

        Vertx vertx = Vertx.vertx();
        try {
            Router root = Router.router(vertx);
            root.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
            for (FakeProductRoutes product : List.of(new FakeWeComApi(corp, tokens, fakeConfig, app, qingke),
                    new FakeOfficialAccountApi(account, tokens, fakeConfig, oa))) {
                Router sub = Router.router(vertx);
                product.mount(sub);
                root.route(product.prefix() + "/*").subRouter(sub);
            }
            HttpServer server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            // The callback builders never deliver here (the tests post to the instances they choose), so no app server.
            return new StandaloneFakeWeChat(vertx, server, tokens, corp, new FakeWeComCallbacks(corp, app, qingke, null),
                    new FakeOfficialAccountCallbacks(account, oa, null));
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("The fake WeChat platform did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /**
     * The environment of a production deployment (README "Configure for production") pointed at this fake: the app runs
     * in the prod profile, with only the API hosts replaced.
     */
    public Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QINGKE_CORP_ID", CORP_ID);
        env.put("WECOM_AGENT_ID", String.valueOf(AGENT_ID));
        env.put("WECOM_SECRET", SECRET);
        env.put("WECOM_CALLBACK_TOKEN", CALLBACK_TOKEN);
        env.put("WECOM_CALLBACK_AES_KEY", CALLBACK_AES_KEY);
        env.put("WECOM_API_BASE_URL", baseUrl() + FakeWeComApi.PREFIX);
        env.put("QINGKE_OA_APP_ID", OA_APP_ID);
        env.put("QINGKE_OA_SECRET", OA_SECRET);
        env.put("QINGKE_OA_TOKEN", OA_TOKEN);
        env.put("QINGKE_OA_AES_KEY", OA_AES_KEY);
        env.put("QINGKE_OFFICIAL_ACCOUNT_API_HOST", baseUrl() + FakeOfficialAccountApi.PREFIX);
        env.put("QINGKE_OFFICIAL_ACCOUNT_MP_HOST", baseUrl() + FakeOfficialAccountApi.PREFIX);
        return env;
    }

    /** WeCom's retry of a callback: the same event, signed again with a fresh timestamp and nonce. */
    public EncryptedCallback retry(EncryptedCallback callback) {
        return wecomCallbacks.encrypt(callback.plainXml());
    }

    public FakeTokens tokens() {
        return tokens;
    }

    public FakeWeComState corp() {
        return corp;
    }

    public FakeWeComCallbacks wecomCallbacks() {
        return wecomCallbacks;
    }

    public FakeOfficialAccountCallbacks officialAccountCallbacks() {
        return officialAccountCallbacks;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the JVM ends soon after; nothing else listens on this port
        }
    }

    /** A config mapping interface answering from a map (and its own defaults for the rest), like SmallRye Config would. */
    private static <T> T config(Class<T> type, Map<String, Object> values) {
        InvocationHandler handler = (proxy, method, args) -> answer(proxy, method, args, values, type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static Object answer(Object proxy, Method method, Object[] args, Map<String, Object> values, Class<?> type) throws Throwable {
        if (values.containsKey(method.getName())) {
            return values.get(method.getName());
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "toString" -> type.getSimpleName() + values.keySet();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> {
                if (method.getReturnType() == Optional.class) {
                    yield Optional.empty();
                }
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not set in the standalone fake");
            }
        };
    }
}
