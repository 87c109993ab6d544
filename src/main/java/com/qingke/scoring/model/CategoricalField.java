package com.qingke.scoring.model;

import java.util.List;

/**
 * How one categorical feature is one-hot encoded. {@code levels} are the values that get their own column; they may
 * include {@link #OTHER} (values too rare in training, and values never seen) and {@link #MISSING}.
 */
public record CategoricalField(String name, List<String> levels) {

    public static final String OTHER = "(other)";
    public static final String MISSING = "(missing)";

    public CategoricalField {
        levels = List.copyOf(levels);
    }

    /** The column index (within this field) for a raw value, or -1 when the value has no column. */
    int levelIndex(String value) {
        String level = value == null ? MISSING : value;
        int index = levels.indexOf(level);
        if (index < 0 && value != null) {
            index = levels.indexOf(OTHER);
        }
        return index;
    }
}
