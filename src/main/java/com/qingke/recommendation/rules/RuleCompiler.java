package com.qingke.recommendation.rules;

import com.qingke.material.MaterialKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rule set with Drools and checks the conventions the engine relies on: every rule sits in one of the
 * four stages, rule names are unique, referenced templates exist and parse, referenced material kinds exist.
 * Any problem refuses the whole set with file, line and message.
 */
public class RuleCompiler {
    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern PACKAGE_DECL = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern TEMPLATE_REF = Pattern.compile("\\.template\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern MATERIAL_REF = Pattern.compile("\\.material\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Engine templateEngine;

    public RuleCompiler(Engine templateEngine) {
        this.templateEngine = templateEngine;
    }

    public CompiledRules compile(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        if (sources.drlFiles().isEmpty()) {
            throw new RuleCompilationException(List.of(new RuleProblem("(rules)", 0, "没有找到任何 .drl 规则文件")));
        }
        Map<String, Template> templates = parseTemplates(sources, problems);
        checkReferences(sources, templates, problems);
        KieBase kieBase = build(sources, problems);
        List<RuleInfo> rules = kieBase == null ? List.of() : describe(kieBase, sources, problems);
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return new CompiledRules(sources.version(), kieBase, templates, rules,
                List.copyOf(sources.drlFiles().keySet()), Instant.now());
    }

    private Map<String, Template> parseTemplates(RuleSources sources, List<RuleProblem> problems) {
        Map<String, Template> templates = new HashMap<>();
        sources.templates().forEach((name, text) -> {
            try {
                templates.put(name, templateEngine.parse(text));
            } catch (TemplateException e) {
                int line = e.getOrigin() == null ? 0 : e.getOrigin().getLine();
                problems.add(new RuleProblem(templateFile(name), line, e.getMessage()));
            }
        });
        return templates;
    }

    private static void checkReferences(RuleSources sources, Map<String, Template> templates, List<RuleProblem> problems) {
        List<String> kinds = Arrays.stream(MaterialKind.values()).map(Enum::name).toList();
        sources.drlFiles().forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String code = withoutComment(lines[i]);
                Matcher t = TEMPLATE_REF.matcher(code);
                while (t.find()) {
                    if (!sources.templates().containsKey(t.group(1))) {
                        problems.add(new RuleProblem(file, i + 1,
                                "消息模板 \"" + t.group(1) + "\" 不存在（应为 " + templateFile(t.group(1)) + "）"));
                    }
                }
                Matcher m = MATERIAL_REF.matcher(code);
                while (m.find()) {
                    if (!kinds.contains(m.group(1))) {
                        problems.add(new RuleProblem(file, i + 1,
                                "资料类型 \"" + m.group(1) + "\" 无效，可选：" + String.join(", ", kinds)));
                    }
                }
            }
        });
    }

    private static String withoutComment(String line) {
        int comment = line.indexOf("//");
        return comment >= 0 ? line.substring(0, comment) : line;
    }

    private static KieBase build(RuleSources sources, List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // a release id of its own per build, so a dry run never replaces the serving module in the shared repository
        ReleaseId releaseId = ks.newReleaseId("com.qingke.rules", "ruleset-" + sources.version(), "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        // each file goes to the folder of its package (Drools expects that), and errors are mapped back to its name
        Map<String, String> fileOfPath = new HashMap<>();
        sources.drlFiles().forEach((file, text) -> {
            Matcher pkg = PACKAGE_DECL.matcher(text);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String path = RESOURCE_ROOT + folder + file.replace('/', '_');
            fileOfPath.put(path, file);
            kfs.write(path, text);
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            for (Message error : errors) {
                String path = error.getPath() == null ? "(rules)"
                        : fileOfPath.getOrDefault(error.getPath(), fileOfPath.getOrDefault(RESOURCE_ROOT + error.getPath(), error.getPath()));
                problems.add(new RuleProblem(path, Math.max(0, error.getLine()), error.getText()));
            }
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    private static List<RuleInfo> describe(KieBase kieBase, RuleSources sources, List<RuleProblem> problems) {
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        Map<String, Integer> lineOfRule = new HashMap<>();
        sources.drlFiles().forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE_DECL.matcher(lines[i]);
                if (m.find()) {
                    String name = m.group(1);
                    if (fileOfRule.containsKey(name)) {
                        problems.add(new RuleProblem(file, i + 1, "规则名 \"" + name + "\" 重复（已在 " + fileOfRule.get(name) + " 中定义）"));
                    } else {
                        fileOfRule.put(name, file);
                        lineOfRule.put(name, i + 1);
                    }
                }
            }
        });
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String group = ((RuleImpl) rule).getAgendaGroup();
                String file = fileOfRule.getOrDefault(rule.getName(), "(rules)");
                if (Stage.ofGroup(group) == null) {
                    problems.add(new RuleProblem(file, lineOfRule.getOrDefault(rule.getName(), 0),
                            "规则 \"" + rule.getName() + "\" 必须声明阶段 ruleflow-group，取值之一：" + String.join(", ", Stage.groups())));
                }
                rules.add(new RuleInfo(rule.getName(), group, file));
            }
        }
        rules.sort((a, b) -> {
            int byStage = Integer.compare(stageIndex(a), stageIndex(b));
            return byStage != 0 ? byStage : a.name().compareTo(b.name());
        });
        return List.copyOf(rules);
    }

    private static int stageIndex(RuleInfo rule) {
        Stage stage = Stage.ofGroup(rule.stage());
        return stage == null ? -1 : stage.ordinal();
    }

    static String templateFile(String name) {
        return RuleSources.TEMPLATE_DIR + "/" + name + RuleSources.TEMPLATE_SUFFIX;
    }
}
