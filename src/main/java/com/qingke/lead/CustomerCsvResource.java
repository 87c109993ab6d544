package com.qingke.lead;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qingke.identity.TransientRetry;
import com.qingke.platform.ProblemException;
import com.qingke.platform.security.CurrentUser;
import com.qingke.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** CSV in and out for managers: SMEs arrive with Excel. */
@Path("/api/admin")
@RolesAllowed(Roles.MANAGER)
@Tag(name = "导入导出 CSV", description = "客户 CSV 导入（UTF-8/GBK、表头映射、试运行、逐行报告）与客户、商机导出")
public class CustomerCsvResource {
    static final String CSV_UTF8 = "text/csv; charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CustomerImport imports;
    private final CustomerExport exports;
    private final CurrentUser user;

    CustomerCsvResource(CustomerImport imports, CustomerExport exports, CurrentUser user) {
        this.imports = imports;
        this.exports = exports;
        this.user = user;
    }

    @POST
    @Path("/import/customers")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入客户（上传文件）",
            description = "表单字段 file 为 CSV 文件，mapping 为可选的表头映射 JSON，如 {\"客户名称\":\"name\",\"联系电话\":\"phone\"}；"
                    + "默认试运行（dryRun=true）不写入；strict=true 时任一行有错则整批不导入")
    public ImportReport importFile(@RestForm("file") FileUpload file, @RestForm("mapping") String mapping,
                                   @QueryParam("dryRun") @DefaultValue("true") boolean dryRun,
                                   @QueryParam("strict") @DefaultValue("true") boolean strict,
                                   @QueryParam("encoding") @DefaultValue("UTF-8") String encoding) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("请上传 CSV 文件（表单字段 file）");
        }
        try {
            return run(Files.readAllBytes(file.uploadedFile()), encoding, mapping, dryRun, strict);
        } catch (IOException e) {
            throw ProblemException.badRequest("无法读取上传的文件");
        }
    }

    @POST
    @Path("/import/customers")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入客户（请求体为 CSV）", description = "同上；表头映射用查询参数 mapping（URL 编码的 JSON）")
    public ImportReport importBody(byte[] body, @QueryParam("mapping") String mapping,
                                   @QueryParam("dryRun") @DefaultValue("true") boolean dryRun,
                                   @QueryParam("strict") @DefaultValue("true") boolean strict,
                                   @QueryParam("encoding") @DefaultValue("UTF-8") String encoding) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("请求体为空：请发送 CSV 内容");
        }
        return run(body, encoding, mapping, dryRun, strict);
    }

    @GET
    @Path("/export/customers.csv")
    @Produces(CSV_UTF8)
    @Operation(summary = "导出客户", description = "UTF-8 带 BOM，Excel 可直接打开中文")
    public Response exportCustomers() {
        return attachment(exports.customers(user.corpId(), user.actor()), "customers.csv");
    }

    @GET
    @Path("/export/opportunities.csv")
    @Produces(CSV_UTF8)
    @Operation(summary = "导出商机", description = "UTF-8 带 BOM，Excel 可直接打开中文")
    public Response exportOpportunities() {
        return attachment(exports.opportunities(user.corpId(), user.actor()), "opportunities.csv");
    }

    private ImportReport run(byte[] file, String encoding, String mapping, boolean dryRun, boolean strict) {
        Map<String, String> explicit = parseMapping(mapping);
        try {
            return imports.run(user.corpId(), file, encoding, explicit, dryRun, strict, user.actor());
        } catch (RuntimeException e) {
            if (TransientRetry.isTransient(e)) {
                throw ProblemException.conflict("导入期间有同一客户的数据同时写入，本次未导入任何数据，请重试");
            }
            throw e;
        }
    }

    private static Map<String, String> parseMapping(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(mapping, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw ProblemException.badRequest("表头映射不是有效的 JSON 对象，例如 {\"客户名称\":\"name\"}");
        }
    }

    private static Response attachment(byte[] csv, String filename) {
        return Response.ok(csv, CSV_UTF8).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
