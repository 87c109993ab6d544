package com.qingke.scoring.model.datasets;

import com.qingke.scoring.model.Example;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports {@code x-education-leads} as closed leads (label {@code Converted}). Only behavioural columns and one
 * sign-up form answer are used:
 * <ul>
 *   <li>numeric: TotalVisits, Total Time Spent on Website, Page Views Per Visit;</li>
 *   <li>categorical: Last Activity, Lead Origin, Lead Source, Do Not Email, Do Not Call, and
 *       "A free copy of Mastering The Interview" (a tick box on the sign-up form, so known when the lead arrives).</li>
 * </ul>
 * Left out because the sales team filled them in during or after contact and they leak the outcome: Tags, Lead
 * Quality, Lead Profile, the Asymmetrique indices and scores, and Last Notable Activity. Other form answers
 * (occupation, specialisation, city …) are left out too: the data set does not say when they were filled in, and
 * "Select" / blank there is heavily tied to whether a salesperson talked to the lead.
 * "Select" means the field was left empty and is read as missing.
 */
public final class XEducationLeadsImporter {

    public static final String FOLDER = "x-education-leads";
    static final List<String> NUMERIC = List.of("TotalVisits", "Total Time Spent on Website", "Page Views Per Visit");
    static final List<String> CATEGORICAL = List.of("Last Activity", "Lead Origin", "Lead Source", "Do Not Email",
            "Do Not Call", "A free copy of Mastering The Interview");

    private XEducationLeadsImporter() {
    }

    public static List<Example> load(Path datasetsRoot) {
        List<Example> examples = new ArrayList<>();
        for (CSVRecord lead : CsvTables.read(datasetsRoot.resolve(FOLDER).resolve("Leads.csv"))) {
            String converted = lead.get("Converted");
            if (!"1".equals(converted) && !"0".equals(converted)) {
                continue;
            }
            Example.Builder example = Example.builder(lead.get("Prospect ID")).won("1".equals(converted));
            for (String column : NUMERIC) {
                example.numeric(column, CsvTables.number(CsvTables.value(lead, column)));
            }
            for (String column : CATEGORICAL) {
                String value = CsvTables.value(lead, column);
                example.categorical(column, "Select".equalsIgnoreCase(value) ? null : value);
            }
            examples.add(example.build());
        }
        return examples;
    }
}
