package com.qingke.platform;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs a phone number through the application's logging, in a message and inside an exception, and finds it masked
 * in the test log file. {@link LogLeakAudit} requires these probe lines after the run: proof that the file it scans
 * is the one the tests wrote to, and that the masking filter sits on that handler.
 */
@QuarkusTest
class LogMaskingProbeTest {
    static final String PROBE = "LOG-PROBE";
    static final String PHONE = "13600001111";
    private static final Logger LOG = Logger.getLogger(LogMaskingProbeTest.class);

    @Test
    void aPhoneInAMessageOrAnExceptionReachesTheLogFileMasked() throws Exception {
        LOG.infof("%s message with phone %s", PROBE, PHONE);
        LOG.error(PROBE + " exception", new IllegalStateException("lost a race",
                new SQLIntegrityConstraintViolationException("Duplicate entry 'ww-demo-corp-PHONE-" + PHONE + "' for key 'uk_identity'")));

        List<String> lines;
        try (Stream<String> all = Files.lines(LogLeaks.TEST_LOG, StandardCharsets.UTF_8)) {
            lines = all.filter(l -> l.contains(PROBE) || l.contains("PHONE-136") || l.contains(PHONE)).toList();
        }
        assertThat(lines).anyMatch(l -> l.contains(PROBE + " message with phone 136****1111"))
                .anyMatch(l -> l.contains("Duplicate entry 'ww-demo-corp-PHONE-136****1111'"))
                .noneMatch(l -> l.contains(PHONE));
    }
}
