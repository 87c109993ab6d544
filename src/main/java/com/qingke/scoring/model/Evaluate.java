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

/**
 * The model evaluation command (a plain main, not a test; it does not start Quarkus):
 * <pre>
 * ./mvnw -q compile exec:java -Dsidebar.skip=true -Dexec.mainClass=com.qingke.scoring.model.Evaluate \
 *     -Dexec.args="--datasets ../shared/datasets --out docs/MODEL.md"
 * </pre>
 * Evaluates the shared data sets against the baselines, prints the verdicts and writes the report. With
 * {@code --strict} the exit status is 1 when a data set misses its bar, so the command can gate a release.
 * <p>
 * Other sources (the app's demo data) are added with {@link #run(List, Path)}:
 * {@code Evaluate.run(List.of(Evaluate.sharedDatasets(root), new DatasetInput("demo", examples, stages, REPORT_ONLY)), out)}.
 */
public final class Evaluate {

    /** {@code -Dsidebar.skip=true}: otherwise the pom's sidebar-web {@code exec} execution also receives {@code exec.args}. */
    public static final String COMMAND = "./mvnw -q compile exec:java -Dsidebar.skip=true -Dexec.mainClass=com.qingke.scoring.model.Evaluate "
            + "-Dexec.args=\"--datasets ../shared/datasets --out docs/MODEL.md\"";

    /** One data set to evaluate, from any source. */
    public record DatasetInput(String name, List<Example> examples, List<String> stageOrder, ModelEvaluation.Expectation expectation,
                               TrainerConfig modelConfig) {
        public DatasetInput(String name, List<Example> examples, List<String> stageOrder, ModelEvaluation.Expectation expectation) {
            this(name, examples, stageOrder, expectation, null);
        }
    }

    /** Demo sizes evaluated by default: the demo profile's 300 customers, and 800 (about 430 closed deals). */
    public static final List<Integer> DEMO_SIZES = List.of(300, 800);

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = DatasetPaths.defaultRoot();
        Path out = Path.of("docs/MODEL.md");
        boolean strict = false;
        List<Integer> demoSizes = DEMO_SIZES;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--datasets" -> datasets = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--strict" -> strict = true;
                case "--demo" -> demoSizes = args[++i].isBlank() || args[i].equals("none") ? List.of()
                        : java.util.Arrays.stream(args[i].split(",")).map(String::trim).map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --datasets DIR --out FILE [--demo 300,800|none] [--strict]");
            }
        }
        List<DatasetInput> inputs = new ArrayList<>(sharedDatasets(datasets));
        inputs.addAll(demoDatasets(demoSizes));
        boolean passed = run(inputs, out);
        if (strict && !passed) {
            System.exit(1);
        }
    }

    /** The two shared third-party data sets with the bars BASELINES.md sets for them. */
    public static List<DatasetInput> sharedDatasets(Path root) {
        return List.of(
                new DatasetInput(XEducationLeadsImporter.FOLDER, XEducationLeadsImporter.load(root), List.of(),
                        ModelEvaluation.Expectation.BEAT_BOTH_BASELINES),
                new DatasetInput(CrmSalesOpportunitiesImporter.FOLDER, CrmSalesOpportunitiesImporter.load(root),
                        CrmSalesOpportunitiesImporter.STAGE_ORDER, ModelEvaluation.Expectation.NO_SIGNAL_FALL_BACK_TO_PRIOR));
    }

    /**
     * The demo company's closed deals (seed {@code DemoDataset.DEFAULT_SEED}) at the given numbers of customers, trained
     * with the app's own trainer settings (configured stage prior, linear terms): the data and the model the demo
     * profile serves. Report only: no bar, since these are our own synthetic data.
     */
    public static List<DatasetInput> demoDatasets(List<Integer> customerCounts) {
        TrainerConfig app = com.qingke.scoring.winrate.WinRateTraining.trainerConfig(0.10, 0.25, 0.45, 0.65, 15, 20);
        List<DatasetInput> inputs = new ArrayList<>();
        for (int customers : customerCounts) {
            inputs.add(new DatasetInput(com.qingke.scoring.model.datasets.DemoDealsImporter.name(customers),
                    com.qingke.scoring.model.datasets.DemoDealsImporter.load(customers),
                    com.qingke.scoring.winrate.DealExamples.STAGE_ORDER, ModelEvaluation.Expectation.REPORT_ONLY, app));
        }
        return inputs;
    }

    /**
     * Evaluates every input with the default trainer configuration and the standard protocol, prints the verdicts
     * and writes the Markdown report to {@code out}. Returns whether every data set met its bar.
     */
    public static boolean run(List<DatasetInput> inputs, Path out) throws IOException {
        TrainerConfig config = TrainerConfig.defaults();
        ModelEvaluation.Settings settings = ModelEvaluation.Settings.standard();
        ModelEvaluation evaluation = new ModelEvaluation(config, settings);
        List<ModelEvaluation.DatasetResult> results = new ArrayList<>();
        long started = System.nanoTime();
        for (DatasetInput input : inputs) {
            results.add(input.modelConfig() == null
                    ? evaluation.evaluate(input.name(), input.examples(), input.stageOrder(), input.expectation())
                    : evaluation.evaluate(input.name(), input.examples(), input.stageOrder(), input.expectation(), input.modelConfig()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        boolean passed = true;
        for (ModelEvaluation.DatasetResult result : results) {
            System.out.println("== " + result.name() + (result.expectation() == ModelEvaluation.Expectation.REPORT_ONLY
                    ? " (figures only)" : result.passed() ? " PASS" : " FAIL"));
            result.verdicts().forEach(v -> System.out.println("  " + v));
            passed &= result.passed();
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, ModelReport.render(results, config, settings, seconds), StandardCharsets.UTF_8);
        System.out.printf("report written to %s (%.0f s)%n", out.toAbsolutePath().normalize(), seconds);
        return passed;
    }
}
