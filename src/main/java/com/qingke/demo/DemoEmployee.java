package com.qingke.demo;

import com.qingke.employee.Employee;
import java.time.Instant;

/** A member of the demo corp, identified by its WeCom userid. */
public record DemoEmployee(String userId, String name, Employee.Role role, String department, String mobile,
                           boolean active, Instant createdAt) {
}
