package com.qingke.scoring.model.datasets;

import java.nio.file.Path;

/** Where the shared third-party data sets live. */
public final class DatasetPaths {

    /** Default, relative to the repository root (the working directory of {@code ./mvnw}). */
    public static final String DEFAULT_ROOT = "../shared/datasets";

    private DatasetPaths() {
    }

    public static Path defaultRoot() {
        return Path.of(DEFAULT_ROOT);
    }
}
