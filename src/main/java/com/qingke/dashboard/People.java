package com.qingke.dashboard;

import com.qingke.employee.Employee;
import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corp's employees as the dashboard names them (read once per request): the rep filter and names next to counts. */
@RequestScoped
class People {
    private String corpId;
    private List<Employee> employees;

    Map<Long, String> names(String corpId) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Employee e : all(corpId)) {
            names.put(e.id, e.name);
        }
        return names;
    }

    /** Everyone who ever worked in the corp (a departed rep still owns history), reps first, then by name. */
    List<Employee> all(String corpId) {
        if (employees == null || !corpId.equals(this.corpId)) {
            employees = Employee.list("corpId = ?1 order by role desc, name, id", corpId);
            this.corpId = corpId;
        }
        return employees;
    }

    /** Active employees for the rep filter. */
    List<Employee> active(String corpId) {
        return all(corpId).stream().filter(e -> e.active).toList();
    }
}
