package com.qingke.platform;

import io.quarkus.logging.LoggingFilter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Safety net for PIPL: masks anything that looks like a mainland mobile number in a log message (e.g. the duplicate
 * key a lost identity race reports, "Duplicate entry '…-PHONE-13812345678'"), and in the messages of a logged
 * exception and its causes, which the stack trace prints. Our own code masks with {@link Masking#phone} before
 * logging; this catches what libraries print.
 */
@LoggingFilter(name = "phone-masking")
public final class PhoneMaskingLogFilter implements Filter {
    /** 11 digits from 13x to 19x, also written with spaces or dashes (138-1234-5678), not inside a longer number. */
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)[- ]?\\d{4}[- ]?(\\d{4})(?!\\d)");

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
        Throwable thrown = record.getThrown();
        if (thrown != null && mentionsMobile(thrown, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            record.setThrown(masked(thrown, new IdentityHashMap<>()));
        }
        return true;
    }

    static String mask(String text) {
        return MOBILE.matcher(text).replaceAll("$1****$2");
    }

    private static boolean mentionsMobile(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && MOBILE.matcher(message).find()) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (mentionsMobile(s, seen)) {
                return true;
            }
        }
        return mentionsMobile(t.getCause(), seen);
    }

    /** A stand-in with the same class name, stack and causes as printed, and masked messages. */
    private static Throwable masked(Throwable t, IdentityHashMap<Throwable, Throwable> done) {
        Throwable copy = done.get(t);
        if (copy != null) {
            return copy;
        }
        String message = t.getMessage();
        MaskedThrowable m = new MaskedThrowable(t.getClass().getName(), message == null ? null : mask(message));
        done.put(t, m);
        m.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            m.initCause(masked(t.getCause(), done));
        }
        for (Throwable s : t.getSuppressed()) {
            m.addSuppressed(masked(s, done));
        }
        return m;
    }

    /** Prints like the original ("java.sql.SQLException: Duplicate entry …"); only the message is masked. */
    static final class MaskedThrowable extends Throwable {
        private final String type;

        MaskedThrowable(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's stack is copied in
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? type : type + ": " + message;
        }
    }
}
