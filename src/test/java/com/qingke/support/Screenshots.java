package com.qingke.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the browser tests save their screenshots. By default under target/, so a test run leaves the work tree
 * clean; with {@code -Dupdate-screenshots=true} (or the environment variable
 * {@code UPDATE_SCREENSHOTS=true}) the dashboard's go to docs/screenshots/, replacing the documented ones.
 */
public final class Screenshots {
    /** Outside the qingke.* namespace: Quarkus refuses to start with a system property under its config roots it does not know. */
    public static final String PROPERTY = "update-screenshots";
    public static final String ENV = "UPDATE_SCREENSHOTS";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Screenshots() {
    }

    /** Whether this run was asked to refresh the screenshots in docs/screenshots/. */
    public static boolean updateDocs() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, System.getenv().getOrDefault(ENV, "false")));
    }

    /** docs/screenshots/ when asked to update them, otherwise target/{@code name}/; created if missing. */
    public static Path folder(Path projectRoot, String name) throws IOException {
        Path folder = updateDocs() ? projectRoot.resolve("docs/screenshots") : projectRoot.resolve("target").resolve(name);
        return Files.createDirectories(folder);
    }

    /** The file is a PNG of at least {@code minBytes}, written at or after {@code since} (not one left from before). */
    public static void assertFreshPng(Path file, Instant since, long minBytes) throws IOException {
        assertTrue(Files.isRegularFile(file), "screenshot " + file + " was not written");
        assertTrue(!Files.getLastModifiedTime(file).toInstant().isBefore(since.minusSeconds(2)),
                "screenshot " + file + " is left from an earlier run");
        assertTrue(Files.size(file) >= minBytes, "screenshot " + file + " has only " + Files.size(file) + " bytes");
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(PNG, Arrays.copyOf(in.readNBytes(PNG.length), PNG.length), file + " is not a PNG");
        }
    }
}
