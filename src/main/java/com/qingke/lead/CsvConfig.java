package com.qingke.lead;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** CSV import and export of customers and opportunities. */
@ConfigMapping(prefix = "qingke.csv")
public interface CsvConfig {

    /** Largest number of data rows one import takes. */
    @WithDefault("50000")
    int maxImportRows();

    /** Times in exported files are written in this zone (SMEs read them in Excel as local time). */
    @WithDefault("Asia/Shanghai")
    String timeZone();
}
