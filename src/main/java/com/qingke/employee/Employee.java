package com.qingke.employee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;
import java.util.Optional;

/** A member of the SME's WeCom corp: a sales rep or a manager. */
@Entity
@Table(name = "employee")
public class Employee extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "wecom_userid", nullable = false) public String wecomUserId;
    @Column(nullable = false) public String name;
    @Enumerated(EnumType.STRING) @Column(nullable = false) public Role role = Role.REP;
    public String department;
    public String mobile;
    @Column(nullable = false) public boolean active = true;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();

    public enum Role { REP, MANAGER }

    public boolean isManager() {
        return role == Role.MANAGER;
    }

    public static Optional<Employee> findByUserId(String corpId, String userId) {
        return find("corpId = ?1 and wecomUserId = ?2", corpId, userId).firstResultOptional();
    }
}
