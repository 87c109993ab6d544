package com.qingke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Writes the audit log inside the caller's transaction, so an audited change and its record commit together. */
@ApplicationScoped
public class Audit {

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String corpId, String actor, String action, String entityType, Long entityId, Map<String, Object> detail) {
        AuditEntry entry = new AuditEntry();
        entry.corpId = corpId;
        entry.actor = actor;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId;
        if (detail != null) {
            entry.detail.putAll(detail);
        }
        entry.persist();
        return entry;
    }
}
