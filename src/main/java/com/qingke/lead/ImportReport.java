package com.qingke.lead;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do). Rows are counted by their line in the file (the header is line 1).
 *
 * @param imported    whether anything was written (false for a dry run, and for a strict run with errors)
 * @param created     new customers
 * @param updated     existing customers found by customer number or phone, whose blanks were filled
 * @param suggestions merge suggestions raised for phones that more than one customer has
 * @param skipped     rows left out because of errors (non-strict runs)
 */
public record ImportReport(boolean dryRun, boolean strict, String encoding, int rows, int valid, int created, int updated,
                           int suggestions, int skipped, boolean imported, List<String> columns, List<RowError> errors) {

    /** One problem of one row; {@code column} is the file's column title (null for problems of the whole row). */
    public record RowError(int line, String column, String message) {
    }
}
