package com.qingke.dashboard;

import java.util.List;

/**
 * DB-04 AI推荐任务: the team's open recommended actions (PROPOSED or CONFIRMED, now) by priority and rep, and how reps
 * decided on actions in the period: adopted (CONFIRMED or EXECUTED) versus dismissed, with the dismissal reasons.
 */
public record Actions(long openTotal, long proposed, long confirmed, List<OpenAction> open, List<RepLoad> byRep,
                      List<RepAdoption> adoption, RepAdoption team, List<DismissReason> dismissReasons) {

    public record OpenAction(long id, int priority, String priorityLabel, String title, String customerName,
                             String ownerName, String status, String statusLabel, String createdAt, String age) {
    }

    /** Open actions of one rep by priority band. */
    public record RepLoad(Long ownerId, String ownerName, long high, long medium, long low, long proposed, long confirmed) {
        public long total() {
            return high + medium + low;
        }
    }

    /** Decisions in the period by the action's owner. */
    public record RepAdoption(Long ownerId, String ownerName, long confirmed, long executed, long dismissed) {
        public long adopted() {
            return confirmed + executed;
        }

        public long decided() {
            return adopted() + dismissed;
        }

        public Double rate() {
            return Fmt.ratio(adopted(), decided());
        }

        public String rateText() {
            return Fmt.pct(rate());
        }
    }

    public record DismissReason(String reason, long count, Double share) {
        public String shareText() {
            return Fmt.pct(share);
        }
    }
}
