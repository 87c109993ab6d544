package com.qingke.scoring.model.datasets;

import com.qingke.scoring.model.Example;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports {@code crm-sales-opportunities} (Maven Analytics sample CRM) as closed deals: won vs lost only, open
 * deals dropped. Features are those known before the close: the agent and their team, the product and its list
 * price, the account's firmographics. {@code close_date}, {@code close_value} and the engage→close duration are
 * left out on purpose: they are only known once the deal has closed and would leak the outcome.
 * <p>
 * Stage: every closed deal in this data has an engage date, i.e. reached "Engaging" before closing, so the stage is
 * "Engaging" (deals without an engage date would be "Prospecting").
 */
public final class CrmSalesOpportunitiesImporter {

    public static final String FOLDER = "crm-sales-opportunities";
    public static final List<String> STAGE_ORDER = List.of("Prospecting", "Engaging");

    private CrmSalesOpportunitiesImporter() {
    }

    public static List<Example> load(Path datasetsRoot) {
        Path folder = datasetsRoot.resolve(FOLDER);
        Map<String, CSVRecord> accounts = index(CsvTables.read(folder.resolve("accounts.csv")), "account");
        Map<String, CSVRecord> products = index(CsvTables.read(folder.resolve("products.csv")), "product");
        Map<String, CSVRecord> agents = index(CsvTables.read(folder.resolve("sales_teams.csv")), "sales_agent");

        List<Example> examples = new ArrayList<>();
        for (CSVRecord deal : CsvTables.read(folder.resolve("sales_pipeline.csv"))) {
            String outcome = deal.get("deal_stage");
            if (!"Won".equals(outcome) && !"Lost".equals(outcome)) {
                continue;
            }
            Example.Builder example = Example.builder(deal.get("opportunity_id"))
                    .won("Won".equals(outcome))
                    .stage(isBlank(CsvTables.value(deal, "engage_date")) ? "Prospecting" : "Engaging");

            String agent = deal.get("sales_agent");
            example.categorical("sales_agent", agent);
            CSVRecord team = agents.get(agent);
            if (team != null) {
                example.categorical("manager", team.get("manager"));
                example.categorical("regional_office", team.get("regional_office"));
            }

            String productName = deal.get("product");
            example.categorical("product", productName);
            // The pipeline spells one product "GTXPro" while products.csv says "GTX Pro".
            CSVRecord product = products.getOrDefault(productName, products.get(productName.replace("GTXPro", "GTX Pro")));
            if (product != null) {
                example.categorical("series", product.get("series"));
                example.numeric("sales_price", CsvTables.number(product.get("sales_price")));
            }

            CSVRecord account = accounts.get(CsvTables.value(deal, "account"));
            if (account != null) {
                example.categorical("sector", account.get("sector"));
                example.categorical("office_location", account.get("office_location"));
                String parent = account.get("subsidiary_of");
                example.categorical("subsidiary_of", isBlank(parent) ? "(independent)" : parent);
                example.numeric("year_established", CsvTables.number(account.get("year_established")));
                example.numeric("revenue", CsvTables.number(account.get("revenue")));
                example.numeric("employees", CsvTables.number(account.get("employees")));
            }
            examples.add(example.build());
        }
        return examples;
    }

    private static Map<String, CSVRecord> index(List<CSVRecord> records, String key) {
        Map<String, CSVRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.get(key), r));
        return byKey;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
