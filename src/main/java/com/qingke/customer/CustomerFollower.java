package com.qingke.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.*;
import java.time.Instant;

/** WeCom follow_user: a rep who has the customer as an external contact. Drives who may see the customer. */
@Entity
@Table(name = "customer_follower")
public class CustomerFollower extends PanacheEntityBase {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    @Column(name = "corp_id", nullable = false) public String corpId;
    @Column(name = "customer_id", nullable = false) public Long customerId;
    @Column(name = "employee_id", nullable = false) public Long employeeId;
    public String remark;
    @Column(name = "add_way") public Integer addWay;
    public String state;
    @Column(nullable = false) public boolean active = true;
    @Column(name = "deleted_by_customer_at") public Instant deletedByCustomerAt;
    @Column(name = "created_at", nullable = false) public Instant createdAt = Instant.now();
}
