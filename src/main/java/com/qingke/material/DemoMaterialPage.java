package com.qingke.material;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves materials whose content lives on this server ({@code content_url = /materials/demo/<slug>}, as the demo
 * corp's library does), so tracked links lead to a real page without any file hosting.
 */
@Path("/materials/demo")
@PermitAll
public class DemoMaterialPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(MaterialView material, String body);
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "本地托管的资料页面（演示）", hidden = true)
    public TemplateInstance page(@PathParam("slug") String slug) {
        Material m = Material.<Material>find("contentUrl = ?1 order by id", "/materials/demo/" + slug).firstResult();
        if (m == null) {
            throw new NotFoundException();
        }
        return Templates.page(MaterialView.of(m), body(m.kind));
    }

    private static String body(MaterialKind kind) {
        return switch (kind) {
            case QUOTE -> "本报价单为演示资料。正式报价以双方盖章合同为准，如需调整配置或数量，请直接联系您的销售顾问。";
            case BROCHURE -> "本手册为演示资料，介绍产品系列、主要参数与选型建议。需要纸质样本或现场演示，请联系您的销售顾问。";
            case CASE_STUDY -> "本案例为演示资料，客户名称已隐去。欢迎预约参观同类项目，或请顾问为您测算改造收益。";
            case DISCOUNT -> "本优惠方案为演示资料，具体以签约时的书面确认为准，名额有限，先到先得。";
        };
    }
}
