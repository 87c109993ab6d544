package com.qingke.recommendation.rules;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.nio.file.Path;
import java.util.List;

/**
 * Owns the serving rule base: compiled from the rules folder at start-up (a broken folder fails the start-up),
 * recompiled when a file changes or an admin asks, and kept as it is when a new version does not compile.
 */
@Startup
@ApplicationScoped
public class RuleBase {
    private static final Logger LOG = Logger.getLogger(RuleBase.class);

    private final RulesConfig config;
    private final RuleCompiler compiler = new RuleCompiler(DraftRenderer.engine());
    private volatile CompiledRules current;
    private volatile Path dir;
    private volatile long seenStamp;
    private volatile List<RuleProblem> lastProblems = List.of();

    public RuleBase(RulesConfig config) {
        this.config = config;
    }

    @PostConstruct
    void start() {
        Path configured = Path.of(config.dir()).toAbsolutePath().normalize();
        try {
            load(configured);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException("The rules folder " + configured + " does not compile, refusing to start: "
                    + e.getMessage(), e);
        }
    }

    /** The rule base serving now. */
    public CompiledRules current() {
        return current;
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
