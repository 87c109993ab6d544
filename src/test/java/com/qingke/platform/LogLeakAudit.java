package com.qingke.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after the whole test suite (its own surefire execution, see pom.xml profile "log-scan") and reads everything
 * the application logged during it: no mainland mobile number unmasked, no configured secret, no access token or
 * session token. Not named *Test, so the main test run does not pick it up before the log is complete.
 */
class LogLeakAudit {

    @Test
    void theScanStillFindsAPlantedLeak(@TempDir Path dir) throws IOException {
        Path scratch = dir.resolve("planted.log");
        Files.writeString(scratch, "INFO Lead form from 13912345678 became customer 7\nINFO Lead form from 139****5678\n");
        LogLeaks.Report report = LogLeaks.forTestProfile().scan(scratch);
        assertThat(report.leaks()).singleElement().satisfies(l -> assertThat(l.kind()).isEqualTo("mobile number"));
        assertThat(report.maskedMobiles()).isEqualTo(1);
    }

    @Test
    void theTestRunLoggedNoPhoneNumberSecretOrToken() throws IOException {
        assertTrue(Files.isRegularFile(LogLeaks.TEST_LOG), LogLeaks.TEST_LOG + " is missing: the test profile writes it");
        LogLeaks.Report report = LogLeaks.forTestProfile().scan(LogLeaks.TEST_LOG);

        // evidence that the file holds the run of the tests that handle phones, through the masking filter
        List<String> probes;
        try (Stream<String> lines = Files.lines(LogLeaks.TEST_LOG, StandardCharsets.UTF_8)) {
            probes = lines.filter(l -> l.contains(LogMaskingProbeTest.PROBE)).toList();
        }
        assertThat(probes).as("the probe lines of LogMaskingProbeTest").hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.maskedMobiles()).as("masked phone numbers logged by the lead-capture tests").isGreaterThanOrEqualTo(10);

        assertThat(report.leaks()).as("unmasked phone numbers, secrets or tokens in " + LogLeaks.TEST_LOG + " ("
                + report.lines() + " lines)").isEmpty();
    }
}
