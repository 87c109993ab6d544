package com.qingke.platform.security;

import com.qingke.customer.Customer;
import com.qingke.customer.CustomerFollower;
import com.qingke.customer.CustomerStatus;
import com.qingke.platform.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place that decides whether the signed-in employee may read or act on a customer: a rep only on customers
 * they follow in WeCom (or own), a manager on the whole team.
 */
@RequestScoped
public class CustomerAccess {
    private final CurrentUser user;

    CustomerAccess(CurrentUser user) {
        this.user = user;
    }

    /** The customer, if it exists in the user's corp and the user may see it; 404 or 403 otherwise. */
    public Customer require(Long customerId) {
        Customer customer = customerId == null ? null : Customer.findById(customerId);
        if (customer == null || !customer.corpId.equals(user.corpId()) || customer.status == CustomerStatus.DELETED) {
            throw ProblemException.notFound("客户", customerId);
        }
        if (!canSee(customer)) {
            throw ProblemException.forbidden();
        }
        return customer;
    }

    public boolean canSee(Customer customer) {
        if (!customer.corpId.equals(user.corpId())) {
            return false;
        }
        if (user.isManager()) {
            return true;
        }
        long me = user.employeeId();
        if (customer.ownerId != null && customer.ownerId == me) {
            return true;
        }
        return CustomerFollower.count("customerId = ?1 and employeeId = ?2 and active = true", customer.id, me) > 0;
    }

    /** Whether the user may see the customer's full phone number: only its owner (and managers). */
    public boolean canSeePhone(Customer customer) {
        return user.isManager() || (customer.ownerId != null && customer.ownerId == user.employeeId());
    }
}
