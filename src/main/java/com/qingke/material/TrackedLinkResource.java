package com.qingke.material;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;

/** The public side of a tracked link: the customer's browser opens /t/{token} and is sent on to the material. */
@Path("/t")
@PermitAll
@Tag(name = "资料追踪链接 Tracked link", description = "客户打开资料链接：记录浏览/下载行为后跳转到资料")
public class TrackedLinkResource {
    private final TrackedLinks links;

    TrackedLinkResource(TrackedLinks links) {
        this.links = links;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "打开资料追踪链接", description = "记录 VIEWED_QUOTE（报价单）或 DOWNLOADED_MATERIAL（其他资料），短时间内重复打开只记一次，然后 302 跳转到资料；未知链接返回 404")
    public Response open(@PathParam("token") @Size(max = 40) String token) {
        return links.open(token, Instant.now())
                .map(opened -> Response.status(Response.Status.FOUND).location(URI.create(opened.target())).cacheControl(noStore()).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.notFound().render()).cacheControl(noStore()).build());
    }

    private static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return cc;
    }
}
