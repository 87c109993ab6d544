package com.qingke.dashboard;

import com.qingke.scoring.ModelSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the model card JSON stored with a snapshot ({@link com.qingke.scoring.model.ModelCard} serialised by Jackson:
 * {@code status}, {@code cvCalibration[] {bin, count, meanPredicted, observedRate}}, {@code notes[]}). Reading the map
 * rather than binding the record keeps the dashboard working when the card gains or loses fields.
 */
@ApplicationScoped
class ModelCards {

    ModelQuality quality(ModelSnapshot s, ZoneId zone) {
        Map<String, Object> card = s.card == null ? Map.of() : s.card;
        List<ModelQuality.CalibrationPoint> calibration = new ArrayList<>();
        if (card.get("cvCalibration") instanceof List<?> bins) {
            int i = 0;
            for (Object b : bins) {
                if (b instanceof Map<?, ?> bin && bin.get("meanPredicted") instanceof Number p
                        && bin.get("observedRate") instanceof Number o) {
                    int index = bin.get("bin") instanceof Number n ? n.intValue() : i;
                    int count = bin.get("count") instanceof Number n ? n.intValue() : 0;
                    calibration.add(new ModelQuality.CalibrationPoint(index, count, p.doubleValue(), o.doubleValue()));
                }
                i++;
            }
        }
        List<String> notes = new ArrayList<>();
        if (card.get("notes") instanceof List<?> list) {
            list.forEach(n -> notes.add(String.valueOf(n)));
        }
        String status = card.get("status") == null ? "" : card.get("status").toString();
        return new ModelQuality(true, s.id, Fmt.dateTime(s.createdAt, zone), s.trainingSize, s.wonCount, s.lostCount,
                s.auc, s.brier, s.signalFound, status, calibration, notes);
    }
}
