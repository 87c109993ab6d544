package com.qingke.wecom;

import com.qingke.employee.Employee;
import com.qingke.platform.QingkeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/** Keeps the employee table in step with the WeCom directory (user/get) as members sign in or appear as followers. */
@ApplicationScoped
public class EmployeeDirectory {
    private static final Logger LOG = Logger.getLogger(EmployeeDirectory.class);

    private final WeComGateway wecom;
    private final WeComConfig config;
    private final QingkeConfig qingke;

    EmployeeDirectory(WeComGateway wecom, WeComConfig config, QingkeConfig qingke) {
        this.wecom = wecom;
        this.config = config;
        this.qingke = qingke;
    }

    /**
     * The employee signing in, created on first sign-in and refreshed from user/get every time: name, department,
     * and the manager role (configured manager userids, or leader of a department).
     */
    @Transactional
    public Employee signIn(String userId) {
        WeComGateway.Member member = wecom.member(userId);
        Employee e = Employee.findByUserId(qingke.corpId(), userId).orElseGet(() -> newEmployee(userId));
        e.name = truncate(member.name() == null ? userId : member.name(), 64);
        e.department = member.department() == null ? e.department : truncate(member.department(), 64);
        e.role = isManager(userId, member.leader()) ? Employee.Role.MANAGER : Employee.Role.REP;
        if (e.id == null) {
            e.persist();
        }
        return e;
    }

    /**
     * The employee for a follow user of an external contact. A member seen for the first time is looked up in the
     * directory once; if WeCom cannot tell (e.g. the member has left), the row still records the userid.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Employee follower(String userId) {
        return Employee.findByUserId(qingke.corpId(), userId).orElseGet(() -> {
            Employee e = newEmployee(userId);
            try {
                WeComGateway.Member member = wecom.member(userId);
                e.name = truncate(member.name(), 64);
                e.department = member.department() == null ? null : truncate(member.department(), 64);
                e.role = isManager(userId, member.leader()) ? Employee.Role.MANAGER : Employee.Role.REP;
            } catch (WeComException ex) {
                LOG.warnf("Directory lookup for follow user %s failed (%s); recording the userid only", userId, ex.getMessage());
            }
            e.persistAndFlush();
            return e;
        });
    }

    boolean isManager(String userId, boolean leader) {
        List<String> managers = config.managerUserids().orElse(List.of());
        return leader || managers.contains(userId);
    }

    private Employee newEmployee(String userId) {
        Employee e = new Employee();
        e.corpId = qingke.corpId();
        e.wecomUserId = userId;
        e.name = truncate(userId, 64);
        return e;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
