package com.qingke.bench;

import com.qingke.platform.wechat.SafeXml;
import com.qingke.wecom.CallbackCrypto;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pre-generates the callbacks of the ingestion benchmark (bench/callbacks.sh): every one a distinct WeCom event,
 * encrypted and signed with the app's callback Token and EncodingAESKey exactly as WeCom posts it, so the load
 * generator only replays bytes. Writes two files:
 * <ul>
 *   <li>{@code callbacks.wrk}: one request per line, {@code <path?query>\t<body>}, for bench/callbacks.lua;</li>
 *   <li>{@code callbacks.raw}: the same events decrypted, {@code <dedupe key>\t<message type>\t<payload>}, the row
 *   the app stores, for {@link CallbackRawLoad}.</li>
 * </ul>
 * The events are those the app stores and then handles without calling WeCom back (so the run needs no network):
 * the customer deleting a rep, a rep deleting a customer, a failed transfer, and a text message to the app.
 * <p>
 * Usage: {@code CallbackBenchData <count> <out dir> <token> <EncodingAESKey> <corp id>}
 */
public final class CallbackBenchData {
    private static final List<String> CHANGE_TYPES = List.of("del_follow_user", "del_external_contact", "transfer_fail");

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: CallbackBenchData <count> <out dir> <token> <EncodingAESKey> <corp id>");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        CallbackCrypto crypto = new CallbackCrypto(args[2], args[3], args[4]);
        String corp = args[4];
        Files.createDirectories(dir);
        Random random = new Random(count);
        long now = Instant.now().getEpochSecond();
        // distinct per run, so a second run against the same database does not replay the first one's events
        long runId = System.currentTimeMillis() % 1_000_000_000L;
        Map<String, Integer> types = new HashMap<>();
        try (BufferedWriter wrk = Files.newBufferedWriter(dir.resolve("callbacks.wrk"), StandardCharsets.UTF_8);
             BufferedWriter raw = Files.newBufferedWriter(dir.resolve("callbacks.raw"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                String userId = "rep" + (1 + random.nextInt(36));
                String plain;
                String type;
                if (i % 4 == 3) {
                    plain = "<xml><ToUserName><![CDATA[" + corp + "]]></ToUserName><FromUserName><![CDATA[" + userId
                            + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                            + "<Content><![CDATA[客户问到报价单 #" + i + "，请跟进]]></Content><MsgId>" + (7_000_000_000_000_000_000L + runId * 1_000_000L + i)
                            + "</MsgId><AgentID>1000002</AgentID></xml>";
                    type = "text";
                } else {
                    String change = CHANGE_TYPES.get(i % 4);
                    String externalUserId = "wmbench" + runId + "x" + i;
                    plain = "<xml><ToUserName><![CDATA[" + corp + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
                            + "<CreateTime>" + now + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                            + "<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[" + change + "]]></ChangeType>"
                            + "<UserID><![CDATA[" + userId + "]]></UserID><ExternalUserID><![CDATA[" + externalUserId + "]]></ExternalUserID>"
                            + ("transfer_fail".equals(change) ? "<FailReason><![CDATA[customer_refused]]></FailReason>" : "")
                            + "</xml>";
                    type = "change_external_contact:" + change;
                }
                types.merge(type, 1, Integer::sum);
                String encrypted = crypto.encrypt(token(random, 16), plain);
                String timestamp = Long.toString(now);
                String nonce = token(random, 10);
                String query = "/wecom/callback?msg_signature=" + crypto.sign(timestamp, nonce, encrypted) + "&timestamp=" + timestamp
                        + "&nonce=" + nonce;
                String body = "<xml><ToUserName><![CDATA[" + corp + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                        + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
                wrk.write(query + "\t" + body + "\n");
                raw.write("cb:" + SafeXml.sha256(plain) + "\t" + type + "\t" + plain + "\n");
            }
        }
        System.out.println("generated " + count + " callbacks into " + dir + " " + types);
    }

    private static String token(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
