package id.asn.merit.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.imports.CopyRows;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.platform.web.RequestIds;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/** Writes audit entries in the caller's transaction, so a change and its audit row commit together. */
@ApplicationScoped
public class AuditLog {
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entity, String entityId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now();
        entry.actor = caller.subject();
        entry.roles = String.join(",", caller.roles());
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.beforeJson = toJson(before);
        entry.afterJson = toJson(after);
        entry.requestId = RequestIds.current();
        entry.persist();
    }

    /** An entry for {@link #recordAll}, written by a background job on behalf of {@code actor}. */
    public record Pending(String action, String entity, String entityId, Object before, Object after) {
    }

    /** Batch form for bulk jobs that write with plain JDBC, on the caller's connection and transaction: one {@code COPY}. */
    public void recordAll(java.sql.Connection connection, String actor, String roles, String requestId, List<Pending> entries)
            throws java.sql.SQLException {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        CopyRows rows = new CopyRows(entries.size());
        for (Pending e : entries) {
            rows.add(now).add(actor).add(roles).add(e.action()).add(e.entity()).add(e.entityId()).add(toJson(e.before()))
                    .add(toJson(e.after())).add(requestId).end();
        }
        rows.copy(connection, "audit_entry", "at, actor, roles, action, entity, entity_id, before_json, after_json, request_id");
    }

    /** Newest first, optionally for one entity type and id. */
    public PageResponse<AuditEntryView> find(String entity, String entityId, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (entity != null) {
            where.append(" and entity = :entity");
            params.and("entity", entity);
        }
        if (entityId != null) {
            where.append(" and entityId = :entityId");
            params.and("entityId", entityId);
        }
        var query = AuditEntry.<AuditEntry>find(where.toString(), Sort.descending("at").and("id", Sort.Direction.Descending), params);
        List<AuditEntryView> items = query.page(paging.page(), paging.size()).list().stream().map(AuditEntryView::of).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), query.count());
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit state", e);
        }
    }
}
