package com.qingke.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One exported table: Chinese headers and text cells. Written as UTF-8 with a byte order mark so Excel on Windows, what
 * most SME managers open CSV files with, reads the Chinese correctly.
 */
public record CsvTable(String name, String title, List<String> headers, List<List<String>> rows) {
    private static final char BOM = '\uFEFF';

    public void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        // Not closed here: the stream belongs to the caller (the HTTP response or a test's buffer).
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(headers);
        for (List<String> row : rows) {
            csv.printRecord(row);
        }
        csv.flush();
    }
}
