package com.qingke.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import java.util.Comparator;
import java.util.List;

/** Every error leaves the API as application/problem+json with a real HTTP status. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(new Problem("urn:qingke:problem:sign-in-required", "未登录", 401, "登录已过期或尚未登录，请重新进入侧边栏", path(uri), null));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(new UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "无权访问", 403, "您没有权限查看或操作该记录", path(uri), null));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .toList();
        return respond(new Problem("about:blank", "输入校验失败", 400, "请检查以下字段", path(uri), violations));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem("about:blank", "请求格式错误", 400, "请求体不是有效的 JSON", path(uri), null));
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem("about:blank", "数据已被修改", 409, "该记录刚被他人修改，请刷新后重试", path(uri), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException) {
            return badJson((JsonProcessingException) e.getCause(), uri);
        }
        return respond(new Problem("about:blank", titleFor(status), status, detailFor(status), path(uri), null));
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (thrownReadingTheForm(e)) {
            // a broken percent escape, an empty multipart boundary, a cut-off upload: the client's body, not our fault;
            // the exception text quotes the body, so it stays out of the log
            LOG.debugf("Unreadable form body on %s (%s)", path(uri), e.getClass().getName());
            return respond(new Problem("about:blank", "请求格式错误", 400, "请求体不是有效的表单或文件上传", path(uri), null));
        }
        LOG.error("Unexpected error on " + path(uri), e);
        return respond(new Problem("about:blank", "服务器内部错误", 500, "服务暂时不可用，请稍后重试", path(uri), null));
    }

    /**
     * Whether the failure happened while RESTEasy Reactive was still decoding a form or multipart body, before any
     * resource method ran: the body handler is on the stack only during that step.
     */
    static boolean thrownReadingTheForm(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(FORM_BODY_HANDLER)) {
                return true;
            }
        }
        return false;
    }

    private static final String FORM_BODY_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "create.arg0.phone" → "phone": the caller knows fields, not Java method names
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "不支持的请求方法";
            case 406 -> "不支持的响应格式";
            case 409 -> "状态冲突";
            case 413 -> "请求体过大";
            case 415 -> "不支持的内容类型";
            case 429 -> "请求过于频繁";
            default -> status >= 500 ? "服务器内部错误" : "请求失败";
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 401 -> "登录已过期，请重新登录";
            case 404 -> "请求的资源不存在";
            case 413 -> "请求体超过允许的大小";
            case 415 -> "请使用正确的 Content-Type";
            case 429 -> "请稍后再试";
            default -> status >= 500 ? "服务暂时不可用，请稍后重试" : titleFor(status);
        };
    }
}
