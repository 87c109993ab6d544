package com.qingke.scoring.model.datasets;

import com.qingke.scoring.model.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetImportersTest {

    @TempDir
    Path root;

    @Test
    void crmImporterKeepsClosedDealsJoinsTablesAndLeavesOutCloseFields() throws IOException {
        Path folder = Files.createDirectories(root.resolve(CrmSalesOpportunitiesImporter.FOLDER));
        Files.writeString(folder.resolve("accounts.csv"), """
                account,sector,year_established,revenue,employees,office_location,subsidiary_of
                Acme Corporation,technolgy,1996,1100.04,2822,United States,
                Betatech,medical,1986,647.18,1185,Kenya,Acme Corporation
                """);
        Files.writeString(folder.resolve("products.csv"), """
                product,series,sales_price
                GTX Pro,GTX,4821
                MG Special,MG,55
                """);
        Files.writeString(folder.resolve("sales_teams.csv"), """
                sales_agent,manager,regional_office
                Anna Snelling,Dustin Brinkmann,Central
                """);
        Files.writeString(folder.resolve("sales_pipeline.csv"), """
                opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
                W1,Anna Snelling,GTXPro,Acme Corporation,Won,10/25/2016,3/7/2017,5000
                L1,Anna Snelling,MG Special,Betatech,Lost,10/26/2016,3/8/2017,0
                O1,Anna Snelling,MG Special,,Engaging,10/27/2016,,
                P1,Anna Snelling,MG Special,,Prospecting,,,
                """);

        List<Example> examples = CrmSalesOpportunitiesImporter.load(root);

        assertEquals(2, examples.size(), "open deals are not training examples");
        Example won = examples.get(0);
        assertEquals("W1", won.id());
        assertTrue(won.won());
        assertEquals("Engaging", won.stage());
        assertEquals("Central", won.categorical().get("regional_office"));
        assertEquals("GTX", won.categorical().get("series"), "GTXPro is matched to products.csv's GTX Pro");
        assertEquals(4821.0, won.numeric().get("sales_price"));
        assertEquals("(independent)", won.categorical().get("subsidiary_of"));
        assertEquals(2822.0, won.numeric().get("employees"));
        Example lost = examples.get(1);
        assertFalse(lost.won());
        assertEquals("Acme Corporation", lost.categorical().get("subsidiary_of"));
        for (Example example : examples) {
            for (String leak : List.of("close_date", "close_value", "engage_date", "deal_stage")) {
                assertFalse(example.categorical().containsKey(leak) || example.numeric().containsKey(leak), leak + " leaks the outcome");
            }
        }
    }

    @Test
    void xEducationImporterUsesBehaviouralColumnsOnlyAndReadsSelectAsMissing() throws IOException {
        Path folder = Files.createDirectories(root.resolve(XEducationLeadsImporter.FOLDER));
        Files.writeString(folder.resolve("Leads.csv"), """
                Prospect ID,Lead Number,Lead Origin,Lead Source,Do Not Email,Do Not Call,Converted,TotalVisits,Total Time Spent on Website,Page Views Per Visit,Last Activity,Country,Specialization,Tags,Lead Quality,Lead Profile,Asymmetrique Activity Score,A free copy of Mastering The Interview,Last Notable Activity,
                a-1,1,API,Organic Search,No,No,1,5,674,2.5,Email Opened,India,Select,Will revert after reading the email,High in Relevance,Potential Lead,15,No,Email Opened,
                a-2,2,Landing Page Submission,Select,No,No,0,,0,,SMS Sent,India,Finance Management,Ringing,Low in Relevance,Select,13,Yes,Modified,
                """);

        List<Example> examples = XEducationLeadsImporter.load(root);

        assertEquals(2, examples.size());
        Example first = examples.get(0);
        assertTrue(first.won());
        assertEquals(674.0, first.numeric().get("Total Time Spent on Website"));
        assertEquals("Email Opened", first.categorical().get("Last Activity"));
        assertNull(first.stage());
        Example second = examples.get(1);
        assertFalse(second.won());
        assertNull(second.categorical().get("Lead Source"), "Select means missing");
        assertNull(second.numeric().get("TotalVisits"), "blank means missing");
        assertEquals("Yes", second.categorical().get("A free copy of Mastering The Interview"));
        for (Example example : examples) {
            for (String leak : List.of("Tags", "Lead Quality", "Lead Profile", "Asymmetrique Activity Score",
                    "Last Notable Activity", "Converted", "Specialization", "Country")) {
                assertFalse(example.categorical().containsKey(leak) || example.numeric().containsKey(leak), leak + " must not be a feature");
            }
        }
    }

    @Test
    void missingDatasetFolderIsReportedWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XEducationLeadsImporter.load(root));
        assertTrue(e.getMessage().contains("Leads.csv"), e.getMessage());
    }
}
