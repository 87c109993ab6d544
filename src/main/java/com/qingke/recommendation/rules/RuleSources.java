package com.qingke.recommendation.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rule set: .drl files and message templates (templates/NAME.txt), keyed by their path relative to
 * the rules folder. Comes from the folder or, for a dry run, from an upload.
 */
public record RuleSources(Map<String, String> drlFiles, Map<String, String> templates) {
    public static final String TEMPLATE_DIR = "templates";
    public static final String TEMPLATE_SUFFIX = ".txt";

    public RuleSources {
        drlFiles = new TreeMap<>(drlFiles);
        templates = new TreeMap<>(templates);
    }

    /** Reads every *.drl under the folder and every templates/*.txt. */
    public static RuleSources read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompilationException(List.of(new RuleProblem(dir.toString(), 0, "规则目录不存在")));
        }
        Map<String, String> drl = new TreeMap<>();
        Map<String, String> templates = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".drl")) {
                    drl.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                } else if (relative.startsWith(TEMPLATE_DIR + "/") && relative.endsWith(TEMPLATE_SUFFIX)) {
                    String name = relative.substring(TEMPLATE_DIR.length() + 1, relative.length() - TEMPLATE_SUFFIX.length());
                    templates.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + dir, e);
        }
        return new RuleSources(drl, templates);
    }

    /** The newest modification time of any file in the folder, to notice edits cheaply. */
    public static long lastModified(Path dir) {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long newest = 0;
            long count = 0;
            for (Path file : files.toList()) {
                newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                count++;
            }
            // a deleted file lowers no mtime, so fold the number of entries in
            return newest * 31 + count;
        } catch (IOException e) {
            return -1;
        }
    }

    /** A hash of every file's name and content: the rule base version stored with each analysis. */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            drlFiles.forEach((name, text) -> update(sha, "drl:" + name, text));
            templates.forEach((name, text) -> update(sha, "template:" + name, text));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String name, String text) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
