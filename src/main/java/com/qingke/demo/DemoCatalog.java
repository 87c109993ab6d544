package com.qingke.demo;

import java.util.List;

/** The corp-level part of a data set: who works there, its tag library, lead channels and materials. */
public record DemoCatalog(String companyName, List<DemoEmployee> employees, List<DemoTag> tags,
                          List<DemoCampaign> campaigns, List<DemoMaterial> materials) {

    public DemoCatalog {
        employees = List.copyOf(employees);
        tags = List.copyOf(tags);
        campaigns = List.copyOf(campaigns);
        materials = List.copyOf(materials);
    }

    /** The reps who own customers (the manager owns none). */
    public List<DemoEmployee> reps() {
        return employees.stream().filter(e -> e.role() == com.qingke.employee.Employee.Role.REP).toList();
    }
}
