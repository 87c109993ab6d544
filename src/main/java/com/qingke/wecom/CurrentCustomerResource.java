package com.qingke.wecom;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerService;
import com.qingke.customer.CustomerView;
import com.qingke.identity.TransientRetry;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.CustomerAccess;
import com.qingke.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Qingke customer behind the chat the sidebar is open next to (getCurExternalContact → external_userid): looked up
 * through the identity links, and on first sight fetched from WeCom (externalcontact/get) and captured as a lead by
 * {@link WeComContactSync}, exactly as the add_external_contact callback would.
 */
@Path("/api/wecom/external-contacts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REP)
@Tag(name = "企业微信 WeCom", description = "JS-SDK 签名、当前客户、渠道活码")
public class CurrentCustomerResource {
    private final WeComGateway wecom;
    private final WeComContactSync sync;
    private final CustomerAccess access;
    private final CustomerService customers;
    private final CurrentUser user;

    CurrentCustomerResource(WeComGateway wecom, WeComContactSync sync, CustomerAccess access, CustomerService customers, CurrentUser user) {
        this.wecom = wecom;
        this.sync = sync;
        this.access = access;
        this.customers = customers;
        this.user = user;
    }

    @GET
    @Path("/{externalUserId}/customer")
    @Operation(summary = "当前聊天的客户", description = "按 external_userid 返回客户；首次出现时从企业微信拉取并建档。销售只能看到自己跟进的客户")
    public CustomerView current(@PathParam("externalUserId") @Pattern(regexp = "[A-Za-z0-9_\\-]{1,64}", message = "external_userid 无效")
                                String externalUserId) {
        Optional<CustomerView> known = QuarkusTransaction.requiringNew().call(() -> sync.findByExternalUserId(externalUserId)
                .filter(access::canSee).map(customers::view));
        if (known.isPresent()) {
            return known.get();
        }
        // Unknown, or not (yet) followed by this rep in our records: WeCom's follow_user list decides.
        WxCpExternalContactInfo info;
        try {
            info = wecom.externalContact(externalUserId);
        } catch (WeComException e) {
            if (e.errcode() == WeComException.NOT_EXTERNAL_CONTACT || e.errcode() == 40096) {
                throw ProblemException.notFound("客户", externalUserId);
            }
            throw e;
        }
        boolean follows = info.getFollowedUsers() != null
                && info.getFollowedUsers().stream().anyMatch(f -> user.userId().equals(f.getUserId()));
        if (!follows && !user.isManager()) {
            throw ProblemException.forbidden();
        }
        // First sight is a lead arrival like any other (identity resolution, owner, opportunity, first score); a
        // concurrent first sight of the same person (the add callback, another rep's sidebar) is rerun, and the
        // rerun finds the winner's customer.
        return TransientRetry.inNewTransaction(() -> {
            WeComContactSync.Synced synced = sync.linkOrCreate(info, null, null);
            Customer c = access.require(synced.customerId());
            return customers.view(c);
        });
    }
}
