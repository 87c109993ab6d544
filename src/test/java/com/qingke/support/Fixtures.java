package com.qingke.support;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.employee.Employee;
import com.qingke.platform.QingkeConfig;
import com.qingke.platform.security.SessionTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Creates people and customers for tests with unique ids, so tests never depend on each other's data. */
@ApplicationScoped
public class Fixtures {
    private final QingkeConfig config;
    private final SessionTokens tokens;

    Fixtures(QingkeConfig config, SessionTokens tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Employee rep(String name) {
        return employee(name, Employee.Role.REP);
    }

    public Employee manager(String name) {
        return employee(name, Employee.Role.MANAGER);
    }

    public Employee employee(String name, Employee.Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Employee e = new Employee();
            e.corpId = config.corpId();
            e.wecomUserId = unique("u");
            e.name = name;
            e.role = role;
            e.persist();
            return e;
        });
    }

    /** A customer owned and followed by the given rep. */
    public Customer customerOf(Employee owner, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.corpId = config.corpId();
            c.name = name;
            c.phone = "138" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
            c.company = "测试公司";
            c.ownerId = owner.id;
            c.persist();
            CustomerFollower f = new CustomerFollower();
            f.corpId = c.corpId;
            f.customerId = c.id;
            f.employeeId = owner.id;
            f.persist();
            return c;
        });
    }

    public String bearer(Employee e) {
        return "Bearer " + tokens.issue(e);
    }
}
