package com.qingke.scoring.model;

import com.qingke.scoring.model.datasets.CrmSalesOpportunitiesImporter;
import com.qingke.scoring.model.datasets.DatasetPaths;
import com.qingke.scoring.model.datasets.XEducationLeadsImporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The model evaluation command (a plain main, not a test, and it does not start Quarkus):
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.qingke.scoring.model.Evaluate \
 *     -Dexec.args="--datasets ../shared/datasets --out docs/MODEL.md"
 * </pre>
 * Evaluates both shared data sets against the baselines, prints the verdicts and writes the report.
 * Exit status 1 when a data set misses its bar, so the command can gate a release.
 */
public final class Evaluate {

    public static final String COMMAND = "./mvnw -q compile exec:java -Dexec.mainClass=com.qingke.scoring.model.Evaluate "
            + "-Dexec.args=\"--datasets ../shared/datasets --out docs/MODEL.md\"";

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = DatasetPaths.defaultRoot();
        Path out = Path.of("docs/MODEL.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--datasets" -> datasets = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; expected --datasets DIR --out FILE");
            }
        }
        // Tribuo reports every training run at INFO; hundreds of runs would bury the results.
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);

        TrainerConfig config = TrainerConfig.defaults();
        ModelEvaluation evaluation = new ModelEvaluation(config, ModelEvaluation.Settings.standard());
        List<ModelEvaluation.DatasetResult> results = new ArrayList<>();
        long started = System.nanoTime();
        results.add(evaluation.evaluate(XEducationLeadsImporter.FOLDER, XEducationLeadsImporter.load(datasets),
                List.of(), ModelEvaluation.Expectation.BEAT_BOTH_BASELINES));
        results.add(evaluation.evaluate(CrmSalesOpportunitiesImporter.FOLDER, CrmSalesOpportunitiesImporter.load(datasets),
                CrmSalesOpportunitiesImporter.STAGE_ORDER, ModelEvaluation.Expectation.NO_SIGNAL_FALL_BACK_TO_PRIOR));
        double seconds = (System.nanoTime() - started) / 1e9;

        boolean passed = true;
        for (ModelEvaluation.DatasetResult result : results) {
            System.out.println("== " + result.name() + (result.passed() ? " PASS" : " FAIL"));
            result.verdicts().forEach(v -> System.out.println("  " + v));
            passed &= result.passed();
        }
        String report = ModelReport.render(results, config, ModelEvaluation.Settings.standard(), seconds);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("report written to " + out.toAbsolutePath().normalize() + String.format(" (%.0f s)", seconds));
        if (!passed) {
            System.exit(1);
        }
    }
}
