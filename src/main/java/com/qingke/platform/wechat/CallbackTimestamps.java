package com.qingke.platform.wechat;

import com.qingke.platform.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The replay check shared by the WeCom and official-account callbacks: a signed request whose timestamp is further
 * from now than the accepted window is refused, so a captured callback cannot be played back later.
 */
public final class CallbackTimestamps {
    private static final Logger LOG = Logger.getLogger(CallbackTimestamps.class);

    private CallbackTimestamps() {
    }

    /**
     * @param source who sent it, for the log ("WeCom", "Official-account")
     * @throws ProblemException 403 when the timestamp is missing, not a number or outside the window
     */
    public static void requireFresh(String timestamp, Duration window, Instant now, String source) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(403, "签名无效", "回调签名校验失败");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        if (age.compareTo(window) > 0) {
            LOG.warnf("%s callback refused: timestamp %s is outside the accepted window", source, timestamp);
            throw new ProblemException(403, "签名无效", "回调已过期");
        }
    }
}
