package com.qingke.lead;

import com.qingke.campaign.Campaign;
import com.qingke.customer.Customer;
import com.qingke.customer.CustomerStatus;
import com.qingke.employee.Employee;
import com.qingke.opportunity.Opportunity;
import com.qingke.platform.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Customers and opportunities as CSV for Excel: UTF-8 with a BOM (so Excel detects the encoding and shows Chinese),
 * local times, tags joined the way the import splits them, and cells that Excel would run as formulas defused.
 * Every export is audited (PIPL: who took personal data out).
 */
@ApplicationScoped
public class CustomerExport {
    private static final int PAGE = 1000;
    private static final String BOM = "\uFEFF";

    private final EntityManager em;
    private final Audit audit;
    private final DateTimeFormatter time;

    CustomerExport(EntityManager em, Audit audit, CsvConfig config) {
        this.em = em;
        this.audit = audit;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(config.timeZone()));
    }

    @Transactional
    public byte[] customers(String corpId, String actor) {
        Map<Long, Employee> employees = employees(corpId);
        Map<Long, String> campaigns = campaigns(corpId);
        int[] count = {0};
        byte[] csv = write(List.of("客户ID", "姓名", "手机", "公司", "职位", "标签", "生命周期", "负责人", "负责人账号", "来源渠道", "活动",
                "意向等级", "意向分", "创建时间", "最近活跃"), printer -> {
            long after = 0;
            List<Customer> page;
            do {
                page = em.createQuery("select c from Customer c where c.corpId = :corp and c.status = :active and c.id > :after order by c.id", Customer.class)
                        .setParameter("corp", corpId).setParameter("active", CustomerStatus.ACTIVE).setParameter("after", after)
                        .setMaxResults(PAGE).getResultList();
                for (Customer c : page) {
                    Employee owner = c.ownerId == null ? null : employees.get(c.ownerId);
                    printer.printRecord(c.id, safe(c.name), c.phone, safe(c.company), safe(c.position), safe(String.join("，", c.tags)),
                            c.lifecycleStage, owner == null ? null : safe(owner.name), owner == null ? null : owner.wecomUserId,
                            c.sourceChannel == null ? null : LeadCapture.channelLabel(c.sourceChannel),
                            c.campaignId == null ? null : safe(campaigns.get(c.campaignId)), c.intentGrade, c.intentScore,
                            at(c.createdAt), at(c.lastActivityAt));
                    after = c.id;
                    count[0]++;
                }
                em.clear();
            } while (page.size() == PAGE);
        });
        audit.record(corpId, actor, "CUSTOMERS_EXPORTED", "customer", null, Map.of("rows", count[0]));
        return csv;
    }

    @Transactional
    public byte[] opportunities(String corpId, String actor) {
        Map<Long, Employee> employees = employees(corpId);
        Map<Long, String> campaigns = campaigns(corpId);
        int[] count = {0};
        byte[] csv = write(List.of("商机ID", "客户ID", "客户", "公司", "商机名称", "阶段", "金额", "负责人", "渠道", "活动", "赢率", "意向分",
                "决策链", "创建时间", "阶段更新时间", "关闭时间"), printer -> {
            long after = 0;
            List<Object[]> page;
            do {
                page = em.createQuery("select o, c.name, c.company from Opportunity o, Customer c where c.id = o.customerId "
                                + "and o.corpId = :corp and o.id > :after order by o.id", Object[].class)
                        .setParameter("corp", corpId).setParameter("after", after).setMaxResults(PAGE).getResultList();
                for (Object[] row : page) {
                    Opportunity o = (Opportunity) row[0];
                    Employee owner = o.ownerId == null ? null : employees.get(o.ownerId);
                    printer.printRecord(o.id, o.customerId, safe((String) row[1]), safe((String) row[2]), safe(o.name), o.stage.label(),
                            amount(o.amount), owner == null ? null : safe(owner.name),
                            o.channel == null ? null : LeadCapture.channelLabel(o.channel),
                            o.campaignId == null ? null : safe(campaigns.get(o.campaignId)), o.winRate, o.intentScore,
                            o.decisionChainStatus, at(o.createdAt), at(o.stageChangedAt), at(o.closedAt));
                    after = o.id;
                    count[0]++;
                }
                em.clear();
            } while (page.size() == PAGE);
        });
        audit.record(corpId, actor, "OPPORTUNITIES_EXPORTED", "opportunity", null, Map.of("rows", count[0]));
        return csv;
    }

    interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static byte[] write(List<String> header, Rows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            writer.write(BOM);
            printer.printRecord(header);
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell Excel would evaluate (=, +, -, @ first) gets a leading apostrophe, which Excel shows as text. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private String at(Instant instant) {
        return instant == null ? null : time.format(instant);
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static Map<Long, Employee> employees(String corpId) {
        Map<Long, Employee> byId = new HashMap<>();
        for (Employee e : Employee.<Employee>list("corpId", corpId)) {
            byId.put(e.id, e);
        }
        return byId;
    }

    private static Map<Long, String> campaigns(String corpId) {
        Map<Long, String> byId = new HashMap<>();
        for (Campaign c : Campaign.<Campaign>list("corpId", corpId)) {
            byId.put(c.id, c.name);
        }
        return byId;
    }
}
