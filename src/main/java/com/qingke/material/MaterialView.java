package com.qingke.material;

import java.time.Instant;

/** A material of the library as the API shows it. */
public record MaterialView(Long id, MaterialKind kind, String kindLabel, String title, String description, String contentUrl,
                           String coverUrl, boolean active, Instant createdAt) {

    static MaterialView of(Material m) {
        return new MaterialView(m.id, m.kind, m.kind.label(), m.title, m.description, m.contentUrl, m.coverUrl, m.active, m.createdAt);
    }
}
