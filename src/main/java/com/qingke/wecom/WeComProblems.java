package com.qingke.wecom;

import com.qingke.platform.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A WeCom call that failed and that no caller turned into a better answer: 502, WeCom's side, with its error code. */
public class WeComProblems {
    private static final Logger LOG = Logger.getLogger(WeComProblems.class);

    @ServerExceptionMapper
    public Response wecomFailed(WeComException e, UriInfo uri) {
        LOG.warnf("WeCom call failed on %s: %s", uri.getPath(), e.getMessage());
        return Response.status(502).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "企业微信接口调用失败", 502, "企业微信暂时无法完成该操作（错误码 " + e.errcode() + "），请稍后重试",
                        uri.getPath(), null))
                .build();
    }
}
