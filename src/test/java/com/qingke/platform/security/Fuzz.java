package com.qingke.platform.security;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile inputs: random and mutated XML, JSON, forms and CSV, broken encodings. The same seed
 * gives the same cases on every run, so a failure names a case that can be replayed.
 */
final class Fuzz {
    private static final String[] TAGS = {"xml", "ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "ChangeType",
            "UserID", "ExternalUserID", "State", "Encrypt", "AgentID", "EventKey", "Ticket", "MsgId", "Content", "a"};
    private static final String[] NASTY = {"\u0000", "\uFEFF", "\uD83D\uDE00", "\u202E", "'", "\"", "<", ">", "&", "&amp;", "&#0;",
            "&#x110000;", "&xxe;", "]]>", "<![CDATA[", "%", "%%", "%zz", "\\u12", "\\", "\r\n", "\t", "客户", "13812345678", "null",
            "-1", "9223372036854775808", "1e999999", "NaN", "true", "{}", "[]", "${jndi:ldap://x}", "../../etc/passwd", "' OR 1=1 --"};
    static final String[] CONTENT_TYPES = {null, "text/xml", "application/xml", "text/xml; charset=GBK", "application/json",
            "application/json; charset=ISO-8859-1", "text/plain", "text/csv", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-16", "multipart/form-data", "multipart/form-data; boundary=",
            "multipart/form-data; boundary=zz", "application/octet-stream", "garbage", "text/html", "*/*", "application/problem+json",
            "text/xml; charset=nonexistent-charset", "image/png"};

    private final Random random;

    Fuzz(long seed) {
        random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    byte[] bytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    String nasty() {
        return pick(NASTY);
    }

    String text(int max) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(max + 1);
        while (s.length() < n) {
            switch (random.nextInt(5)) {
                case 0 -> s.append(nasty());
                case 1 -> s.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 2 -> s.append((char) (32 + random.nextInt(95)));
                case 3 -> s.append((char) random.nextInt(0xFFFF));
                default -> s.append(random.nextInt(10));
            }
        }
        return s.toString();
    }

    /** Random, mostly well-formed XML of random depth, with CDATA, entities, comments and declarations sprinkled in. */
    String xml() {
        StringBuilder s = new StringBuilder();
        if (chance(0.3)) {
            s.append(pick(new String[] {"<?xml version=\"1.0\"?>", "<?xml version=\"1.1\" encoding=\"GBK\"?>",
                    "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\">"
                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"}));
        }
        element(s, 0);
        return s.toString();
    }

    private void element(StringBuilder s, int depth) {
        String tag = pick(TAGS);
        s.append('<').append(tag);
        if (chance(0.2)) {
            s.append(' ').append(pick(TAGS)).append("=\"").append(text(8).replace("\"", "")).append('"');
        }
        s.append('>');
        int children = depth > 4 ? 0 : random.nextInt(4);
        for (int i = 0; i < children; i++) {
            element(s, depth + 1);
        }
        switch (random.nextInt(4)) {
            case 0 -> s.append("<![CDATA[").append(text(20)).append("]]>");
            case 1 -> s.append(text(20).replace("<", "&lt;"));
            case 2 -> s.append("<!--").append(text(5).replace("--", "")).append("-->");
            default -> s.append(random.nextInt(Integer.MAX_VALUE));
        }
        s.append("</").append(chance(0.05) ? pick(TAGS) : tag).append('>');
    }

    /** Random JSON, sometimes not quite JSON. */
    String json() {
        StringBuilder s = new StringBuilder();
        value(s, 0);
        return s.toString();
    }

    private void value(StringBuilder s, int depth) {
        switch (depth > 4 ? random.nextInt(4) : random.nextInt(7)) {
            case 0 -> s.append('"').append(text(12).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            case 1 -> s.append(pick(new String[] {"0", "-0", "1e400", "-9223372036854775809", "3.14", "1E-999", "NaN", "Infinity",
                    "0x10", "007"}));
            case 2 -> s.append(pick(new String[] {"true", "false", "null", "undefined"}));
            case 3 -> s.append('"').append(nasty().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            case 4 -> {
                s.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    value(s, depth + 1);
                }
                s.append(']');
            }
            default -> {
                s.append('{');
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    s.append('"').append(pick(new String[] {"name", "phone", "text", "kind", "title", "tags", "stage", "reason",
                            "reached", "materialId", "assigneeId", "opportunityId", "dueAt", "channel", "code", "files", "contentUrl",
                            "requestId", "durationMinutes", "__proto__", "@class", ""})).append("\":");
                    value(s, depth + 1);
                }
                s.append('}');
            }
        }
    }

    /** A few random edits of a valid input: deletions, duplications, insertions, flips, truncation. */
    String mutate(String valid) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            int len = Math.min(s.length() - at, 1 + random.nextInt(12));
            switch (random.nextInt(7)) {
                case 0 -> s.delete(at, at + len);
                case 1 -> s.insert(at, s.substring(at, at + len));
                case 2 -> s.insert(at, nasty());
                case 3 -> s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(7))));
                case 4 -> s.setLength(at);
                case 5 -> s.insert(at, text(30));
                default -> s.replace(at, at + len, "x".repeat(1 + random.nextInt(5000)));
            }
        }
        return s.toString();
    }

    /** Bytes that are not valid UTF-8 (stray continuation bytes, a cut sequence, overlong forms), spliced into text. */
    byte[] brokenUtf8(String around) {
        byte[] text = around.getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xFF, (byte) 0xFE},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = text.length == 0 ? 0 : random.nextInt(text.length);
        byte[] out = new byte[text.length + insert.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(text, at, out, at + insert.length, text.length - at);
        return out;
    }

    /** The text in another charset than the one announced (GBK or UTF-16 where UTF-8 is expected). */
    byte[] wrongCharset(String text) {
        Charset[] charsets = {Charset.forName("GBK"), StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1};
        return text.getBytes(pick(charsets));
    }

    /** Nested so deep that a recursive parser would run out of stack. */
    static String deep(String open, String close, int depth) {
        return open.repeat(depth) + close.repeat(depth);
    }

    /** Random form fields, with broken percent escapes now and then. */
    String form(List<String> fields) {
        List<String> pairs = new ArrayList<>();
        int n = random.nextInt(fields.size() + 3);
        for (int i = 0; i < n; i++) {
            String key = chance(0.8) ? pick(fields) : text(6);
            String value = switch (random.nextInt(6)) {
                case 0 -> "%";
                case 1 -> "%E4%B8";
                case 2 -> "%zz%ff%00";
                case 3 -> phone();
                default -> java.net.URLEncoder.encode(text(40), StandardCharsets.UTF_8);
            };
            pairs.add(java.net.URLEncoder.encode(key, StandardCharsets.UTF_8) + (chance(0.9) ? "=" : "") + value);
        }
        return String.join(chance(0.9) ? "&" : ";", pairs);
    }

    /** A valid mobile number in the 135 segment: never the 174 segment the CSV import test counts by. */
    String phone() {
        return "135" + String.format("%08d", random.nextInt(100_000_000));
    }

    /** Random CSV: ragged rows, unbalanced quotes, formula-looking cells, phones in a segment no other test counts by. */
    String csv() {
        StringBuilder s = new StringBuilder();
        String[] headers = {"客户名称", "手机", "公司", "name", "phone", "company", "tags", "负责人", "", "\"", "=cmd|' /C calc'!A0"};
        int cols = 1 + random.nextInt(5);
        for (int c = 0; c < cols; c++) {
            s.append(c == 0 ? "" : ",").append(pick(headers));
        }
        s.append(chance(0.5) ? "\n" : "\r\n");
        int rows = random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            int n = random.nextInt(cols + 3);
            for (int c = 0; c < n; c++) {
                s.append(c == 0 ? "" : ",");
                s.append(switch (random.nextInt(6)) {
                    case 0 -> phone();
                    case 1 -> "\"" + text(10);
                    case 2 -> "=HYPERLINK(\"http://x\")";
                    case 3 -> "";
                    default -> text(10).replace(",", "").replace("\n", "");
                });
            }
            s.append('\n');
        }
        return s.toString();
    }
}
