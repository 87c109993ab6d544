package com.qingke.platform;

/** Thrown by services for a failure the caller can act on; mapped to problem+json with its status. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "未找到", what + " " + id + " 不存在");
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, "无权访问", "您没有权限查看或操作该记录");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "状态冲突", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "请求无效", detail);
    }
}
