package com.qingke.platform;

import java.sql.SQLIntegrityConstraintViolationException;
import org.jboss.logmanager.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneMaskingLogFilterTest {
    /** The console and file format of application.properties. */
    private static final PatternFormatter FORMAT = new PatternFormatter("%d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) %s%e%n");

    @Test
    void masksMobileNumbersButNotLongerDigitRuns() {
        assertEquals("Duplicate entry 'ww-demo-corp-PHONE-139****8817' for key 'uk_identity'",
                PhoneMaskingLogFilter.mask("Duplicate entry 'ww-demo-corp-PHONE-13999358817' for key 'uk_identity'"));
        assertEquals("id 123456789012345 and 138****5678", PhoneMaskingLogFilter.mask("id 123456789012345 and 13812345678"));
        assertEquals("remark mobile +86 139****1234", PhoneMaskingLogFilter.mask("remark mobile +86 139-0000-1234"));
        assertEquals("ts 1712345678901 and id 2138123456789", PhoneMaskingLogFilter.mask("ts 1712345678901 and id 2138123456789"));
    }

    @Test
    void masksTheMessageWithItsParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Lead from %s", ExtLogRecord.FormatStyle.PRINTF, "test");
        record.setParameters(new Object[] {"13812345678"});
        new PhoneMaskingLogFilter().isLoggable(record);
        assertThat(FORMAT.format(record)).contains("Lead from 138****5678").doesNotContain("13812345678");
    }

    @Test
    void masksTheMessagesOfALoggedExceptionAndItsCausesAsTheStackTracePrintsThem() {
        SQLIntegrityConstraintViolationException duplicate = new SQLIntegrityConstraintViolationException(
                "Duplicate entry 'ww-demo-corp-PHONE-13999358817' for key 'uk_identity'");
        RuntimeException wrapped = new RuntimeException("could not insert 13999358817", duplicate);
        wrapped.addSuppressed(new IllegalStateException("and 13700001111 too"));
        ExtLogRecord record = new ExtLogRecord(Level.ERROR, "Unexpected error on /lead-form", "test");
        record.setThrown(wrapped);

        new PhoneMaskingLogFilter().isLoggable(record);
        String printed = FORMAT.format(record);

        assertThat(printed)
                .doesNotContain("13999358817").doesNotContain("13700001111")
                .contains("java.lang.RuntimeException: could not insert 139****8817")
                .contains("Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry 'ww-demo-corp-PHONE-139****8817'")
                .contains("java.lang.IllegalStateException: and 137****1111")
                .contains("at " + getClass().getName());
    }

    @Test
    void leavesAnExceptionWithoutPhonesAsItIs() {
        IllegalStateException plain = new IllegalStateException("rule base refused");
        ExtLogRecord record = new ExtLogRecord(Level.ERROR, "failed", "test");
        record.setThrown(plain);
        new PhoneMaskingLogFilter().isLoggable(record);
        assertThat(record.getThrown()).isSameAs(plain);
    }
}
