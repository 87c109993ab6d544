package com.qingke.scoring.winrate;

import com.qingke.platform.Audit;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import com.qingke.scoring.ModelSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;

@Path("/api/admin/models/win-rate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
@Tag(name = "赢率模型 Win-rate model", description = "用本企业的赢单/输单历史训练的赢率模型")
public class WinRateModelResource {
    private final WinRateTraining training;
    private final CurrentUser user;
    private final Audit audit;

    WinRateModelResource(WinRateTraining training, CurrentUser user, Audit audit) {
        this.training = training;
        this.user = user;
        this.audit = audit;
    }

    public record SnapshotView(Long id, int trainingSize, int won, int lost, Double auc, Double brier, boolean signalFound,
                               Map<String, Object> card, Instant createdAt) {
        static SnapshotView of(ModelSnapshot s) {
            return new SnapshotView(s.id, s.trainingSize, s.wonCount, s.lostCount, s.auc, s.brier, s.signalFound, s.card, s.createdAt);
        }
    }

    @GET
    @Operation(summary = "当前启用的赢率模型", description = "训练样本数、交叉验证 AUC / Brier、分箱校准")
    public SnapshotView active() {
        ModelSnapshot s = training.activeSnapshot(user.corpId());
        if (s == null) {
            throw new ProblemException(404, "未找到", "尚未训练赢率模型，当前使用阶段默认赢率");
        }
        return SnapshotView.of(s);
    }

    @POST
    @Path("/retrain")
    @Operation(summary = "立即重新训练赢率模型", description = "用全部已结束商机重新训练并启用新模型，随后重新分析进行中的商机")
    public SnapshotView retrain() {
        ModelSnapshot s = training.retrain(user.corpId());
        QuarkusTransaction.requiringNew().run(() -> audit.record(user.corpId(), user.actor(), "MODEL_RETRAINED",
                "model_snapshot", s.id, Map.of("trainingSize", s.trainingSize, "signalFound", s.signalFound)));
        return SnapshotView.of(s);
    }
}
