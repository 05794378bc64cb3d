package id.asn.merit.competency.service;

import id.asn.merit.competency.domain.Importance;
import id.asn.merit.competency.domain.StandardItem;
import id.asn.merit.competency.mapping.StandardItemModel;
import id.asn.merit.competency.mapping.StandardRequest;
import id.asn.merit.competency.mapping.StandardView;
import id.asn.merit.competency.messaging.CompetencyEvents;
import id.asn.merit.competency.messaging.StandardPublished;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Position competency standards (SKJ, SYSTEM.md §3): publishing a new version, and reading the one in force or every
 * version. A version is never changed once published; a correction is a new version, so a gap computed against
 * version n stays explainable. Publishing writes the version, its audit entry, the standard-published event and the
 * gap recomputation ({@link GapInputsChanged}) in one transaction.
 */
@ApplicationScoped
public class CompetencyStandards {
    public static final String AUDIT_ENTITY = "CompetencyStandard";
    /** Business dates are Indonesian dates (WIB): "today" for the standard in force. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Jakarta");
    /** The advisory-lock space of standard publication (two-int form; the seeds use the one-bigint form). */
    static final int LOCK_SPACE = 7003;

    @Inject
    EntityManager em;
    @Inject
    StandardsInForce standards;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    Event<GapInputsChanged> gapInputs;

    /** A published version and whether it was the position's first. */
    public record Published(StandardView standard, boolean first) {
    }

    public static LocalDate today() {
        return LocalDate.now(BUSINESS_ZONE);
    }

    /** The standard in force on {@code on}: the position's own version, or else its type's template; 404 when neither exists. */
    public StandardView inForce(String positionCode, LocalDate on) {
        return standards.find(positionCode, on).map(StandardView::of)
                .orElseThrow(() -> ApiException.notFound("position", positionCode));
    }

    /** Every own version, newest first; 404 for a position with no version that the replica does not know either. */
    public PageResponse<StandardView> history(String positionCode, PageRequest paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from competency_standard where position_code = :p")
                .setParameter("p", positionCode).getSingleResult()).longValue();
        String type = positionType(positionCode);
        if (total == 0 && type == null && !knownPosition(positionCode)) {
            throw ApiException.notFound("position", positionCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, effective_from from competency_standard where position_code = :p
                order by version desc limit :size offset :offset""")
                .setParameter("p", positionCode).setParameter("size", paging.size()).setParameter("offset", StoredRows.offset(paging))
                .getResultList();
        Map<Integer, List<StandardItemModel>> items = items(positionCode, rows.stream().map(r -> StoredRows.integer(r[0])).toList());
        List<StandardView> views = rows.stream().map(r -> {
            int version = StoredRows.integer(r[0]);
            return new StandardView(positionCode, version, StoredRows.date(r[1]), StandardsInForce.OWN, type,
                    items.getOrDefault(version, List.of()));
        }).toList();
        return new PageResponse<>(views, paging.page(), paging.size(), total);
    }

    /** The highest own version (0 when none): what If-Match of a publication is compared with. */
    public int latestVersion(String positionCode) {
        Number latest = (Number) em.createNativeQuery("select max(version) from competency_standard where position_code = :p")
                .setParameter("p", positionCode).getSingleResult();
        return latest == null ? 0 : latest.intValue();
    }

    /**
     * Publishes version latest + 1.
     *
     * @param expectedVersion the If-Match version (the latest own version the caller read; 0 for "none yet"), or null
     */
    @Transactional
    public Published publish(String positionCode, Long expectedVersion, StandardRequest request) {
        checkShape(request);
        if (!knownPosition(positionCode)) {
            throw ApiException.unprocessable("positionCode", "position " + FieldRejections.shown(positionCode)
                    + " is not known to competency-service (no such position in employee-service's organisation data)");
        }
        // publishers of one position queue here, so "latest + 1" is computed one transaction after the other
        em.createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, hashtext(:p))")
                .setParameter("space", LOCK_SPACE).setParameter("p", positionCode).getSingleResult();
        int latest = latestVersion(positionCode);
        if (expectedVersion != null && expectedVersion != latest) {
            throw ApiException.preconditionFailed("the standard of position " + positionCode + " is at version " + latest
                    + ", not " + expectedVersion + "; read it again");
        }
        checkCompetencies(request.items());

        StandardView before = latest == 0 ? null : version(positionCode, latest);
        int version = latest + 1;
        em.createNativeQuery("""
                insert into competency_standard (position_code, version, effective_from, created_by)
                values (:p, :v, :from, :by)""")
                .setParameter("p", positionCode).setParameter("v", version).setParameter("from", request.effectiveFrom())
                .setParameter("by", caller.subject()).executeUpdate();
        for (int i = 0; i < request.items().size(); i++) {
            StandardItemModel item = request.items().get(i);
            em.createNativeQuery("""
                    insert into competency_standard_item (position_code, version, ordinal, competency_code, required_level, importance)
                    values (:p, :v, :o, :c, :l, :i)""")
                    .setParameter("p", positionCode).setParameter("v", version).setParameter("o", i)
                    .setParameter("c", item.competencyCode()).setParameter("l", item.requiredLevel())
                    .setParameter("i", item.importance().name()).executeUpdate();
        }
        StandardView after = new StandardView(positionCode, version, request.effectiveFrom(), StandardsInForce.OWN,
                positionType(positionCode), List.copyOf(request.items()));
        audit.record(latest == 0 ? "CREATE" : "PUBLISH", AUDIT_ENTITY, positionCode, before, after);
        outbox.publish(CompetencyEvents.TOPIC, positionCode, CompetencyEvents.STANDARD_PUBLISHED,
                new StandardPublished(positionCode, version, request.effectiveFrom(), StandardsInForce.OWN, after.items()));
        // fired even for a version effective in the future: the gaps' daily job picks it up on its date
        gapInputs.fire(GapInputsChanged.forPosition(positionCode, "STANDARD"));
        return new Published(after, latest == 0);
    }

    private StandardView version(String positionCode, int version) {
        Object from = em.createNativeQuery("select effective_from from competency_standard where position_code = :p and version = :v")
                .setParameter("p", positionCode).setParameter("v", version).getSingleResult();
        return new StandardView(positionCode, version, StoredRows.date(from), StandardsInForce.OWN, positionType(positionCode),
                standards.items(positionCode, version).stream().map(StandardItemModel::of).toList());
    }

    /** Shape rules bean validation cannot say: a sane date, each competency once. */
    private static void checkShape(StandardRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int year = request.effectiveFrom().getYear();
        if (year < 1900 || year > 9999) {
            errors.add(new Problem.FieldError("effectiveFrom", "must be a date in the years 1900..9999, not " + request.effectiveFrom()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.items().size(); i++) {
            String code = request.items().get(i).competencyCode();
            Integer first = seen.putIfAbsent(code, i);
            if (first != null) {
                errors.add(new Problem.FieldError("items[" + i + "].competencyCode", "competency " + FieldRejections.shown(code)
                        + " is already required by items[" + first + "]; list each competency once"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Every item names a competency of the dictionary that is not retired; one 422 naming every item that does not. */
    private void checkCompetencies(List<StandardItemModel> items) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, retired_at from competency where code in (:codes)")
                .setParameter("codes", items.stream().map(StandardItemModel::competencyCode).toList()).getResultList();
        Map<String, Object> retiredAt = new HashMap<>();
        rows.forEach(r -> retiredAt.put((String) r[0], r[1] == null ? Boolean.FALSE : r[1]));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String code = items.get(i).competencyCode();
            Object retired = retiredAt.get(code);
            if (retired == null) {
                errors.add(new Problem.FieldError("items[" + i + "].competencyCode",
                        "competency " + FieldRejections.shown(code) + " does not exist in the dictionary"));
            } else if (retired != Boolean.FALSE) {
                errors.add(new Problem.FieldError("items[" + i + "].competencyCode",
                        "competency " + code + " is retired (since " + StoredRows.timestamp(retired).toLocalDate()
                                + "); a new standard cannot require it"));
            }
        }
        if (!errors.isEmpty()) {
            throw FieldRejections.unprocessable(errors);
        }
    }

    private boolean knownPosition(String positionCode) {
        return !em.createNativeQuery("select 1 from position_replica where code = :p")
                .setParameter("p", positionCode).getResultList().isEmpty();
    }

    private String positionType(String positionCode) {
        List<?> type = em.createNativeQuery("select type from position_replica where code = :p")
                .setParameter("p", positionCode).getResultList();
        return type.isEmpty() ? null : (String) type.get(0);
    }

    private Map<Integer, List<StandardItemModel>> items(String positionCode, List<Integer> versions) {
        Map<Integer, List<StandardItemModel>> byVersion = new LinkedHashMap<>();
        if (versions.isEmpty()) {
            return byVersion;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, competency_code, required_level, importance from competency_standard_item
                where position_code = :p and version in (:vs) order by version desc, ordinal""")
                .setParameter("p", positionCode).setParameter("vs", versions).getResultList();
        for (Object[] r : rows) {
            byVersion.computeIfAbsent(StoredRows.integer(r[0]), v -> new ArrayList<>()).add(StandardItemModel.of(
                    new StandardItem((String) r[1], StoredRows.integer(r[2]), Importance.valueOf((String) r[3]))));
        }
        return byVersion;
    }
}
