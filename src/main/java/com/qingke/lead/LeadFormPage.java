package com.qingke.lead;

import com.qingke.customer.Channel;
import com.qingke.customer.PhoneNumbers;
import com.qingke.identity.CustomerSeed;
import com.qingke.identity.IdentityKey;
import com.qingke.platform.Masking;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.SharedRateLimiter;
import com.qingke.timeline.EventType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The public lead form (mobile page). A valid submission with consent goes straight through {@link LeadCapture} in
 * one transaction before the thank-you page is shown: the visitor waits for the answer anyway, there is no sender
 * that would retry, and errors can be shown on the page — so the inbox (made for callbacks that must be acknowledged
 * within seconds and are redelivered) adds nothing here. A per-page submission token makes a double click or a
 * reload record the lead once.
 */
@Path("/lead-form")
@Singleton
public class LeadFormPage {
    private static final Logger LOG = Logger.getLogger(LeadFormPage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(LeadFormView form);

        static native TemplateInstance thanks(String name);
    }

    private final LeadCapture capture;
    private final Validator validator;
    private final QingkeConfig qingke;
    private final LeadFormConfig config;
    private final SharedRateLimiter limiter;

    LeadFormPage(LeadCapture capture, Validator validator, QingkeConfig qingke, LeadFormConfig config, DataSource dataSource) {
        this.capture = capture;
        this.validator = validator;
        this.qingke = qingke;
        this.config = config;
        // counted in the database, so several instances share one limit per address
        this.limiter = new SharedRateLimiter(dataSource, qingke.corpId(), "lead-form", config.rateLimit().maxSubmissions(),
                config.rateLimit().window(), Clock.systemUTC());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "留资表单页面", hidden = true)
    public TemplateInstance show(@QueryParam("channel") String channel) {
        return Templates.form(view(LeadFormInput.empty(trimChannel(channel)), Map.of(), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "提交留资表单", hidden = true)
    public Response submit(@RestForm String name, @RestForm String phone, @RestForm String company, @RestForm String need,
                           @RestForm String consent, @RestForm String channel, @RestForm String submission,
                           @RestForm String website, @Context HttpServerRequest request) {
        LeadFormInput input = new LeadFormInput(trim(name), trim(phone), trim(company), trim(need),
                consent != null && !consent.isBlank(), trimChannel(channel));
        if (!limiter.tryAcquire(clientIp(request))) {
            return page(429, Templates.form(view(input, Map.of(), "提交过于频繁，请稍后再试")));
        }
        if (website != null && !website.isBlank()) {
            // The honeypot field is invisible to people; only a bot fills it. It gets the same answer and nothing is stored.
            LOG.debug("Lead form honeypot filled; submission dropped");
            return page(200, Templates.thanks(input.name()));
        }
        Map<String, String> errors = errors(input);
        if (!errors.isEmpty()) {
            return page(400, Templates.form(view(input, errors, "请检查标红的内容")));
        }
        String normalised = PhoneNumbers.normalise(input.phone());
        Instant now = Instant.now();
        LeadResult result = capture.capture(LeadArrival.lead(qingke.corpId(), Channel.WEB_FORM, EventType.FORM_SUBMITTED)
                .key(IdentityKey.phone(normalised))
                .seed(new CustomerSeed(input.name(), normalised, blankToNull(input.company()), null, null, null, List.of(),
                        now, consentText()))
                .campaign(input.channel())
                .at(now)
                .idempotencyKey(submission == null || submission.isBlank() ? null : "form:" + submission.trim())
                .meta("need", blankToNull(input.need()))
                .meta("channel", input.channel())
                .meta("consentText", consentText())
                .build());
        LOG.infof("Lead form from %s became customer %d%s", Masking.phone(normalised), result.customerId(),
                result.duplicate() ? " (repeated submission)" : "");
        return page(200, Templates.thanks(input.name()));
    }

    @Scheduled(every = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetIdleVisitors() {
        limiter.evictIdle();
    }

    private LeadFormView view(LeadFormInput input, Map<String, String> errors, String message) {
        return new LeadFormView(input, errors, message, UUID.randomUUID().toString(), consentText(), config.controllerName());
    }

    private Map<String, String> errors(LeadFormInput input) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<LeadFormInput> v : validator.validate(input)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }

    private String consentText() {
        String text = config.consentText();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }

    /** The client address; behind a proxy Quarkus puts the forwarded address here when forwarding is enabled. */
    private static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String trimChannel(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        String c = channel.trim();
        return c.length() > 30 ? c.substring(0, 30) : c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
