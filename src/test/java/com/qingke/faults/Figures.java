package com.qingke.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The observed figures of a fault test, printed and appended to target/faults/figures.txt for docs/FAULTS.md. */
final class Figures {
    private Figures() {
    }

    static void record(String test, Map<String, ?> figures) {
        String line = Instant.now() + " " + test + " " + new TreeMap<>(figures) + System.lineSeparator();
        System.out.print("[faults] " + line);
        try {
            Files.writeString(AppInstance.workDir().resolve("figures.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the figures are printed anyway
        }
    }
}
