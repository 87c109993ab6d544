package com.qingke.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** The SQL Hibernate sends while a test captures it (every thread; background jobs' statements included). */
@Singleton
@PersistenceUnitExtension
public class SqlCapture implements StatementInspector {
    private final List<String> statements = new ArrayList<>();
    private volatile boolean capturing;

    @Override
    public String inspect(String sql) {
        if (capturing) {
            synchronized (statements) {
                statements.add(sql);
            }
        }
        return sql;
    }

    public void start() {
        synchronized (statements) {
            statements.clear();
        }
        capturing = true;
    }

    public List<String> stop() {
        capturing = false;
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }
}
