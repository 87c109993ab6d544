package com.qingke.demo;

import com.qingke.material.MaterialKind;
import java.time.Instant;

/** A content-library item; events and tracked links refer to it by {@code slug}. */
public record DemoMaterial(String slug, MaterialKind kind, String title, String description, ProductLine productLine,
                           Instant createdAt) {

    /** Where the app serves the demo material. */
    public String contentUrl() {
        return "/materials/demo/" + slug;
    }
}
