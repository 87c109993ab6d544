package com.qingke.recommendation.rules;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Owns the serving rule base: compiled from the rules folder at start-up (a broken folder fails the start-up),
 * recompiled when a file changes or an admin asks, and kept as it is when a new version does not compile.
 *
 * <p>The first compilation takes a couple of seconds (Drools builds the rule base), so it starts on a thread of its own
 * as soon as the application starts and overlaps the rest of the start-up (demo data, the fake WeCom server); the
 * start-up still waits for it at the end and fails when the folder does not compile.
 */
@ApplicationScoped
public class RuleBase {
    private static final Logger LOG = Logger.getLogger(RuleBase.class);

    private final RulesConfig config;
    private final RuleCompiler compiler = new RuleCompiler(DraftRenderer.engine());
    private volatile CompiledRules current;
    private volatile Path dir;
    private volatile long seenStamp;
    private volatile List<RuleProblem> lastProblems = List.of();
    private CompletableFuture<CompiledRules> firstLoad;

    public RuleBase(RulesConfig config) {
        this.config = config;
    }

    void beginCompiling(@Observes @Priority(1) StartupEvent event) {
        firstLoad();
    }

    void finishCompiling(@Observes @Priority(1_000_000) StartupEvent event) {
        start();
    }

    /** Compiles the configured folder (unless already started) and waits for it; a broken folder stops the start-up. */
    void start() {
        try {
            firstLoad().join();
        } catch (CompletionException e) {
            Path configured = configuredDir();
            if (e.getCause() instanceof RuleCompilationException refused) {
                throw new IllegalStateException("The rules folder " + configured
                        + " does not compile, refusing to start: " + refused.getMessage(), refused);
            }
            throw new IllegalStateException("The rules folder " + configured + " could not be loaded", e.getCause());
        }
    }

    private synchronized CompletableFuture<CompiledRules> firstLoad() {
        if (firstLoad == null) {
            Path configured = configuredDir();
            CompletableFuture<CompiledRules> loading = new CompletableFuture<>();
            Thread compiling = new Thread(() -> {
                try {
                    loading.complete(load(configured));
                } catch (Throwable e) {
                    loading.completeExceptionally(e);
                }
            }, "rule-base-first-compile");
            compiling.setDaemon(true);
            compiling.start();
            firstLoad = loading;
        }
        return firstLoad;
    }

    private Path configuredDir() {
        return Path.of(config.dir()).toAbsolutePath().normalize();
    }

    /** The rule base serving now. */
    public CompiledRules current() {
        CompiledRules serving = current;
        if (serving == null) {
            start(); // a caller that arrives during the start-up waits for the first compilation
            serving = current;
        }
        return serving;
    }

    /** The folder the serving rule base came from. */
    public Path dir() {
        return dir;
    }

    /** Why the last load attempt was refused (empty when it succeeded). */
    public List<RuleProblem> lastProblems() {
        return lastProblems;
    }

    /**
     * Compiles the folder and serves it from now on. When it does not compile, throws with the problems and keeps
     * serving the previous rule base.
     */
    public synchronized CompiledRules load(Path folder) {
        long stamp = RuleSources.lastModified(folder);
        try {
            CompiledRules compiled = compiler.compile(RuleSources.read(folder));
            boolean changed = current == null || !current.version().equals(compiled.version());
            current = compiled;
            dir = folder;
            seenStamp = stamp;
            lastProblems = List.of();
            if (changed) {
                LOG.infof("Rule base %s loaded from %s: %d rules", compiled.version(), folder, compiled.rules().size());
            }
            return compiled;
        } catch (RuleCompilationException e) {
            if (dir == null || dir.equals(folder)) {
                // remember the broken state so the watcher does not retry until the folder changes again
                seenStamp = stamp;
            }
            lastProblems = e.problems();
            LOG.errorf("Rule base in %s refused, still serving %s: %s", folder,
                    current == null ? "nothing" : current.version(), e.getMessage());
            throw e;
        }
    }

    /** Recompiles the current folder. */
    public CompiledRules reload() {
        return load(dir);
    }

    /** Compiles a candidate rule set without serving it (dry run). */
    public CompiledRules compileCandidate(RuleSources sources) {
        return compiler.compile(sources);
    }

    @Scheduled(every = "${qingke.rules.watch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        if (!config.watch() || dir == null) {
            return;
        }
        long stamp = RuleSources.lastModified(dir);
        if (stamp != seenStamp) {
            try {
                load(dir);
            } catch (RuleCompilationException e) {
                // already logged; the previous rule base keeps serving
            }
        }
    }
}
