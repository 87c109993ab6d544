package com.qingke.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must never be in a log: a mainland mobile number that is not masked, a configured secret, an access
 * token or ticket, a session token. Used on the test run's log file ({@link LogLeakAudit}) and proven on planted
 * leaks ({@link LogLeaksTest}).
 */
final class LogLeaks {
    /** Where the test profile writes every log line (application.properties, %test.quarkus.log.file.path). */
    static final Path TEST_LOG = Path.of("target/test-logs/quarkus.log");

    /** The settings whose values are secrets; each must be configured for the test profile, or the scan is blind. */
    static final List<String> SECRET_KEYS = List.of("qingke.wecom.secret", "qingke.wecom.callback-token",
            "qingke.wecom.callback-aes-key", "qingke.session.secret", "qingke.official-account.secret",
            "qingke.official-account.token", "qingke.official-account.aes-key");

    /** 13x–19x and 8 more digits, maybe split by spaces or dashes, not part of a longer number. */
    static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)");
    /** The masked form Masking and the log filter write: 138****5678. */
    static final Pattern MASKED_MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d\\*{4}\\d{4}(?!\\d)");
    /** access_token / ticket / secret values in URLs or JSON, whatever issued them. */
    static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)(access_token|jsapi_ticket|ticket|corpsecret|secret|suite_access_token)[\"']?\\s*[=:]\\s*[\"']?([A-Za-z0-9_\\-.*]{16,})");
    /** Credentials as the fake WeChat platform issues them: 24 random bytes in hex. */
    static final Pattern FAKE_CREDENTIAL = Pattern.compile("(?<![0-9a-f])[0-9a-f]{48}(?![0-9a-f])");
    /** Qingke session tokens: base64url claims, a dot, and a base64url HMAC-SHA256 (43 characters). */
    static final Pattern SESSION_TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    record Leak(int line, String kind, String text) {
        @Override
        public String toString() {
            return "line " + line + " (" + kind + "): " + text;
        }
    }

    private final Map<String, String> secrets;

    LogLeaks(Map<String, String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets the test profile configures, read from application.properties as shipped. */
    static LogLeaks forTestProfile() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String key : SECRET_KEYS) {
            String value = p.getProperty("%test." + key);
            if (value == null || value.isBlank() || value.startsWith("${")) {
                throw new IllegalStateException("the test profile sets no value for " + key + ": the log scan would not know it");
            }
            secrets.put(key, value);
        }
        return new LogLeaks(secrets);
    }

    /** Every leak in the file, and how many masked numbers it saw (the evidence that phone handling was logged). */
    record Report(List<Leak> leaks, int maskedMobiles, long lines) {
    }

    Report scan(Path log) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        int masked = 0;
        long n = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                n++;
                masked += count(MASKED_MOBILE.matcher(line));
                check(line, n, leaks);
            }
        }
        return new Report(leaks, masked, n);
    }

    private void check(String line, long n, List<Leak> leaks) {
        Matcher mobile = MOBILE.matcher(line);
        while (mobile.find()) {
            leaks.add(new Leak((int) n, "mobile number", excerpt(line, mobile.start(), mobile.end())));
        }
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            int at = line.indexOf(secret.getValue());
            if (at >= 0) {
                leaks.add(new Leak((int) n, secret.getKey(), excerpt(line, at, at + secret.getValue().length())));
            }
        }
        Matcher parameter = CREDENTIAL_PARAMETER.matcher(line);
        while (parameter.find()) {
            if (!parameter.group(2).contains("****")) {
                leaks.add(new Leak((int) n, parameter.group(1), excerpt(line, parameter.start(), parameter.end())));
            }
        }
        Matcher fake = FAKE_CREDENTIAL.matcher(line);
        while (fake.find()) {
            leaks.add(new Leak((int) n, "access token or ticket", excerpt(line, fake.start(), fake.end())));
        }
        Matcher session = SESSION_TOKEN.matcher(line);
        while (session.find()) {
            leaks.add(new Leak((int) n, "session token", excerpt(line, session.start(), session.end())));
        }
    }

    private static int count(Matcher m) {
        int c = 0;
        while (m.find()) {
            c++;
        }
        return c;
    }

    /** Enough of the line to find it, with the leaked values cut short so the report does not repeat them. */
    private String excerpt(String line, int start, int end) {
        String before = MOBILE.matcher(line.substring(Math.max(0, start - 60), start)).replaceAll("[mobile]");
        for (String secret : secrets.values()) {
            before = before.replace(secret, "[secret]");
        }
        String value = line.substring(start, end);
        String shown = value.length() <= 4 ? "****" : value.substring(0, 3) + "…(" + value.length() + " chars)";
        return before + "[" + shown + "]";
    }
}
