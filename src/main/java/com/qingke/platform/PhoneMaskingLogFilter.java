package com.qingke.platform;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Safety net for PIPL: masks anything that looks like a mainland mobile number in a log message (e.g. the duplicate
 * key a lost identity race reports, "Duplicate entry '…-PHONE-13812345678'"). Our own code masks with
 * {@link Masking#phone} before logging; this catches what libraries print. Stack-trace texts are not rewritten.
 */
@LoggingFilter(name = "phone-masking")
public final class PhoneMaskingLogFilter implements Filter {
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            if (formatted != null && MOBILE.matcher(formatted).find()) {
                ext.setMessage(mask(formatted), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        } else if (record.getMessage() != null && record.getParameters() == null && MOBILE.matcher(record.getMessage()).find()) {
            record.setMessage(mask(record.getMessage()));
        }
        return true;
    }

    static String mask(String text) {
        return MOBILE.matcher(text).replaceAll("$1****$2");
    }
}
