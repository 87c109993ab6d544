package com.qingke.recommendation.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules folder is watched: a good edit is served from the next check on, a broken one is refused and logged. */
class RuleBaseWatchTest {
    @TempDir Path dir;

    private RuleBase watching() throws IOException {
        Path source = Path.of("rules");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = dir.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        RuleBase base = new RuleBase(new RulesConfig() {
            public String dir() {
                return dir.toString();
            }

            public boolean watch() {
                return true;
            }

            public String watchEvery() {
                return "5s";
            }

            public int dryRunLimit() {
                return 10;
            }

            public int dryRunSample() {
                return 1;
            }
        });
        base.start();
        return base;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, Files.readString(path).replace(from, to));
        // file systems with coarse timestamps must still see a change
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(Files.getLastModifiedTime(path).toMillis() % 7 + 2)));
    }

    @Test
    void anEditIsPickedUpByTheNextCheck() throws IOException {
        RuleBase base = watching();
        String before = base.current().version();

        base.watch();
        assertThat(base.current().version()).isEqualTo(before);

        edit("risk.drl", "daysSinceLastActivity >= 14", "daysSinceLastActivity >= 10");
        base.watch();

        assertThat(base.current().version()).isNotEqualTo(before);
        assertThat(base.lastProblems()).isEmpty();
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodRulesKeepServing() throws IOException {
        RuleBase base = watching();
        String good = base.current().version();

        edit("risk.drl", "then\n    insert(new RiskTag(\"沉默客户\"", "then\n    insert(new RiskTag(\"沉默客户\" +");
        base.watch();

        assertThat(base.current().version()).isEqualTo(good);
        assertThat(base.lastProblems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("risk.drl"));
        Evaluation e = new RuleEvaluator().evaluate(base.current(), Scenario.customer().with(c -> {
            c.setDaysSinceLastActivity(30);
            c.setDaysSinceCreated(30);
        }).facts());
        assertThat(e.riskNames()).containsExactly("沉默客户");
    }
}
