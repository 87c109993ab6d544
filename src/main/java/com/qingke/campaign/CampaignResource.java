package com.qingke.campaign;

import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MANAGER)
@Tag(name = "活动 Campaign", description = "获客活动：公众号带参数二维码（临时/永久）、网页表单链接，以及各活动带来的线索数")
public class CampaignResource {
    private final CampaignService campaigns;

    CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "创建活动", description = "OA_QR 生成公众号带参数二维码（scene_str 为活动编码）；WEB_FORM 生成表单链接")
    public CampaignView create(@Valid @NotNull NewCampaign input) {
        return campaigns.create(input);
    }

    @GET
    @Operation(summary = "活动列表", description = "含每个活动带来的客户数（首次归因）")
    public List<CampaignView> list() {
        return campaigns.list();
    }
}
