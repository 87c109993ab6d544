package com.qingke.material;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The demo corp's materials, served locally so tracked links lead somewhere in the demo. */
@Path("/materials/demo")
@PermitAll
public class DemoMaterialPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(DemoMaterials.Item item);
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "演示资料页面", hidden = true)
    public TemplateInstance page(@PathParam("slug") String slug) {
        return Templates.page(DemoMaterials.find(slug).orElseThrow(NotFoundException::new));
    }
}
