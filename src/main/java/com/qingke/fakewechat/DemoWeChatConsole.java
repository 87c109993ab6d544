package com.qingke.fakewechat;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The demo's view of the fake WeCom: fire correctly encrypted callbacks at the app (a customer adds a rep through a
 * channel QR, deletes the rep, ...) and see what the app "sent" through WeCom. Exists only while the fake runs.
 */
@Path("/demo/wechat")
public class DemoWeChatConsole {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String fakeUrl, List<FakeWeComState.Employee> employees,
                                             List<FakeWeComState.ContactWay> contactWays, List<ContactRow> contacts,
                                             List<FakeWeComState.Callback> callbacks, List<FakeWeComState.MsgTemplate> templates,
                                             String notice);
    }

    /** One follow relation of the fake corp, for the delete and edit forms. */
    public record ContactRow(String externalUserId, String name, String corpName, String userId, String employeeName, String state) {
    }

    private final FakeWeChatServer server;
    private final FakeWeComState corp;
    private final FakeWeComCallbacks callbacks;

    DemoWeChatConsole(FakeWeChatServer server, FakeWeComState corp, FakeWeComCallbacks callbacks) {
        this.server = server;
        this.corp = corp;
        this.callbacks = callbacks;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance index(@QueryParam("notice") String notice) {
        requireFake();
        List<ContactRow> rows = corp.contacts().stream()
                .flatMap(c -> c.follows.values().stream().map(f -> new ContactRow(c.externalUserId, c.name, c.corpName, f.userId,
                        corp.employee(f.userId).map(FakeWeComState.Employee::name).orElse(f.userId), f.state)))
                .sorted(Comparator.comparing(ContactRow::name).thenComparing(ContactRow::userId)).toList();
        List<FakeWeComState.Callback> fired = newestFirst(corp.callbacks());
        List<FakeWeComState.MsgTemplate> sent = newestFirst(corp.templates());
        return Templates.index(server.baseUrl(), corp.employees(), corp.contactWays(), rows, fired, sent, notice);
    }

    @POST
    @Path("/add-contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addContact(@FormParam("userId") String userId, @FormParam("state") String state) {
        requireFake();
        String channel = state == null || state.isBlank() ? null : state.trim();
        FakeWeComCallbacks.Delivery d = callbacks.deliver(callbacks.customerAddsRep(userId, channel));
        return back("新客户添加了 " + userId + (channel == null ? "" : "（渠道 " + channel + "）") + "，应用应答：" + d.status() + " " + d.body());
    }

    @POST
    @Path("/customer-deletes-rep")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response customerDeletesRep(@FormParam("relation") String relation) {
        requireFake();
        String[] r = split(relation);
        FakeWeComCallbacks.Delivery d = callbacks.deliver(callbacks.customerDeletesRep(r[0], r[1]));
        return back("客户删除了销售 " + r[1] + "，应用应答：" + d.status() + " " + d.body());
    }

    @POST
    @Path("/rep-deletes-customer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response repDeletesCustomer(@FormParam("relation") String relation) {
        requireFake();
        String[] r = split(relation);
        FakeWeComCallbacks.Delivery d = callbacks.deliver(callbacks.repDeletesCustomer(r[0], r[1]));
        return back("销售 " + r[1] + " 删除了客户，应用应答：" + d.status() + " " + d.body());
    }

    @POST
    @Path("/edit-contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response editContact(@FormParam("relation") String relation, @FormParam("remark") String remark,
                                @FormParam("mobile") String mobile) {
        requireFake();
        String[] r = split(relation);
        FakeWeComCallbacks.Delivery d = callbacks.deliver(callbacks.repEditsContact(r[0], r[1], remark,
                mobile == null || mobile.isBlank() ? null : mobile.trim()));
        return back("销售 " + r[1] + " 修改了客户备注，应用应答：" + d.status() + " " + d.body());
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy.subList(0, Math.min(30, copy.size()));
    }

    private void requireFake() {
        if (!server.isEnabled()) {
            throw new NotFoundException();
        }
    }

    private static String[] split(String relation) {
        String[] parts = relation == null ? new String[0] : relation.split("\\|", 2);
        if (parts.length != 2) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return parts;
    }

    private static Response back(String notice) {
        return Response.seeOther(URI.create("/demo/wechat?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8))).build();
    }
}
