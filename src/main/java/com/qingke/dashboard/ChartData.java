package com.qingke.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The series the page's ECharts draw, as one JSON document embedded in the page (no second request to draw). */
@ApplicationScoped
class ChartData {
    private final ObjectMapper json;

    ChartData(ObjectMapper json) {
        this.json = json;
    }

    String of(Dashboard d) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("funnel", d.pipeline().funnel().stream()
                .map(s -> Map.of("name", s.label(), "value", s.count(), "amount", s.amount())).toList());
        charts.put("stages", d.pipeline().distribution().stream()
                .map(s -> Map.of("name", s.label(), "value", s.count(), "amount", s.amount())).toList());
        charts.put("winRateByStage", d.pipeline().winRateByStage().stream()
                .map(s -> Map.of("name", s.label(), "count", s.count(),
                        "winRate", s.meanWinRate() == null ? 0 : round(s.meanWinRate() * 100),
                        "expected", s.expectedAmount())).toList());
        charts.put("calibration", d.pipeline().model().calibration().stream()
                .map(c -> List.of(round(c.meanPredicted() * 100), round(c.observedRate() * 100), c.count())).toList());
        charts.put("actionsByRep", d.actions().byRep().stream()
                .map(l -> Map.of("name", l.ownerName(), "high", l.high(), "medium", l.medium(), "low", l.low())).toList());
        charts.put("adoption", Map.of("confirmed", d.actions().team().confirmed(), "executed", d.actions().team().executed(),
                "dismissed", d.actions().team().dismissed()));
        charts.put("channels", d.channels().stream()
                .map(c -> Map.of("name", c.channelLabel() + " · " + c.campaignName(), "leads", c.leads(),
                        "opportunities", c.withOpportunity(), "won", c.won())).toList());
        try {
            // "</" inside a <script> block would end it early; JSON allows the escaped form.
            return json.writeValueAsString(charts).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not serialisable", e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
