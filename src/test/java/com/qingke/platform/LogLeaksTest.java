package com.qingke.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The log scan finds what is planted in a scratch log, and only that: proof that {@link LogLeakAudit} can fail. */
class LogLeaksTest {

    @Test
    void aPlantedLeakOfEachKindIsFoundAndMaskedNumbersAreNot(@TempDir Path dir) throws IOException {
        LogLeaks scan = LogLeaks.forTestProfile();
        String wecomSecret = "test-secret-of-the-fake-corp";
        Path log = dir.resolve("scratch.log");
        Files.writeString(log, String.join("\n",
                "10:00:00.000 INFO  [co.qi.le.LeadFormPage] (executor-thread-1) Lead form from 138****5678 became customer 42",
                "10:00:00.001 INFO  [co.qi.le.LeadFormPage] (executor-thread-1) Lead form from 13812345678 became customer 43",
                "10:00:00.002 WARN  [co.qi.we.Sync] (worker) remark mobile +86 139-0000-1234 of wm123",
                "10:00:00.003 DEBUG [me.ch.we.cp] (worker) GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww&corpsecret=" + wecomSecret,
                "10:00:00.004 DEBUG [co.qi.fa.Fake] (worker) issued " + "0123456789abcdef".repeat(3),
                "10:00:00.005 INFO  [co.qi.x] (worker) Bearer MTIzfHUtYWJjfHd3LWRlbW98MTcwMDAwMDAwMA.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ",
                "10:00:00.006 INFO  [co.qi.x] (worker) request id 2138123456789, timestamp 1712345678901, msg_signature "
                        + "0123456789abcdef0123456789abcdef01234567, dedupe cb:" + "ab".repeat(32),
                "10:00:00.007 INFO  [co.qi.x] (worker) access_token=****"),
                StandardCharsets.UTF_8);

        LogLeaks.Report report = scan.scan(log);

        assertThat(report.lines()).isEqualTo(8);
        assertThat(report.maskedMobiles()).isEqualTo(1);
        List<String> kinds = report.leaks().stream().map(l -> l.line() + ":" + l.kind()).toList();
        assertThat(kinds).containsExactlyInAnyOrder("2:mobile number", "3:mobile number", "4:qingke.wecom.secret", "4:corpsecret",
                "5:access token or ticket", "6:session token");
        assertThat(report.leaks().toString()).doesNotContain("13812345678").doesNotContain(wecomSecret);
    }

    @Test
    void everySecretOfTheTestProfileIsKnownToTheScan(@TempDir Path dir) throws IOException {
        LogLeaks scan = LogLeaks.forTestProfile();
        Path log = dir.resolve("secrets.log");
        // the values as application.properties sets them for %test; one line each
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        List<String> lines = LogLeaks.SECRET_KEYS.stream().map(k -> "INFO value " + p.getProperty("%test." + k) + " end").toList();
        Files.write(log, lines, StandardCharsets.UTF_8);

        List<String> found = scan.scan(log).leaks().stream().map(LogLeaks.Leak::kind).filter(LogLeaks.SECRET_KEYS::contains).toList();

        assertThat(found).containsExactlyInAnyOrderElementsOf(LogLeaks.SECRET_KEYS);
    }
}
