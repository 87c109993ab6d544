package com.qingke.recommendation.rules;

/** The material a message draft recommends, as templates see it: {material.title}, {material.kindLabel}. */
public record DraftMaterial(Long id, String kind, String kindLabel, String title, String description) {

    public String getTitle() {
        return title;
    }

    public String getKindLabel() {
        return kindLabel;
    }

    public String getDescription() {
        return description;
    }
}
