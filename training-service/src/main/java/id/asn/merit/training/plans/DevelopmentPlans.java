package id.asn.merit.training.plans;

import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.domain.JpRecognition;
import id.asn.merit.training.domain.LearningMethod;
import id.asn.merit.training.plans.PlanApi.GenerationView;
import id.asn.merit.training.plans.PlanApi.ItemRequest;
import id.asn.merit.training.plans.PlanApi.ItemView;
import id.asn.merit.training.plans.PlanApi.PlanRequest;
import id.asn.merit.training.plans.PlanApi.PlanTotals;
import id.asn.merit.training.plans.PlanApi.PlanView;
import id.asn.merit.training.plans.PlanApi.Realisation;
import id.asn.merit.training.service.JpLedger;
import id.asn.merit.training.service.RecordCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Development plans (PP 11/2017 art. 205-207): create, items, approval, revisions, items generated from the gaps and
 * the realisation by verified records. Every change is audited and bumps the plan's {@code version} under a row lock.
 *
 * <p>Status: DRAFT (editable) → APPROVED (read-only; a change is a revision) → SUPERSEDED (once its revision is
 * approved). Reading: ADMIN, HR_OFFICER and INTEGRATOR every plan, a UNIT_HEAD the plans of units in their subtree
 * (by the unit's path when the plan was made); another plan is a 404, as if it did not exist.
 */
@ApplicationScoped
public class DevelopmentPlans {
    static final String ENTITY = "development-plan";
    static final String ITEM_ENTITY = "development-plan-item";

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource ds;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    PersonAccess access;
    @Inject
    RecordCatalog catalog;
    @Inject
    PlanGenerationConfig generation;

    /** An item as changed, and the plan's version after the change (its new ETag). */
    public record ItemChange(ItemView item, long planVersion) {
    }

    // ---- create and change ----

    /** 400 for the shape, then 422 for unknown codes (unit, competencies, methods), every wrong field named. */
    public void validate(PlanRequest request) {
        List<FieldError> errors = PlanRules.checkPlan(request);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<FieldError> unknown = new ArrayList<>();
        if (access.unitPath(request.orgUnitCode()) == null) {
            unknown.add(new FieldError("orgUnitCode", "unit " + request.orgUnitCode() + " is not known"));
        }
        unknown.addAll(unknownCodes(request.items() == null ? List.of() : request.items(), true));
        if (!unknown.isEmpty()) {
            throw unprocessable(unknown);
        }
    }

    public void validate(ItemRequest item, int year) {
        List<FieldError> errors = PlanRules.checkItem(item, "", year);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<FieldError> unknown = unknownCodes(List.of(item), false);
        if (!unknown.isEmpty()) {
            throw unprocessable(unknown);
        }
    }

    private List<FieldError> unknownCodes(List<ItemRequest> items, boolean indexed) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> competencies = catalog.unknownCompetencies(items.stream().map(ItemRequest::competencyCode).distinct().toList());
        for (int i = 0; i < items.size(); i++) {
            String prefix = indexed ? "items[" + i + "]." : "";
            ItemRequest item = items.get(i);
            if (competencies.contains(item.competencyCode())) {
                errors.add(new FieldError(prefix + "competencyCode", "competency " + item.competencyCode() + " is not known"));
            }
            if (LearningMethod.findById(item.methodCode()) == null) {
                errors.add(new FieldError(prefix + "methodCode", "learning method " + item.methodCode() + " is not known"));
            }
        }
        return errors;
    }

    private static ApiException unprocessable(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ApiException(422, "urn:asn:problem:unprocessable", "Unprocessable request", detail, errors);
    }

    @Transactional
    public PlanView create(PlanRequest request) {
        validate(request);
        DevelopmentPlan plan = new DevelopmentPlan();
        plan.id = UUID.randomUUID();
        plan.year = request.year();
        plan.orgUnitCode = request.orgUnitCode();
        plan.orgUnitPath = access.unitPath(request.orgUnitCode());
        plan.title = request.title().trim();
        plan.status = DevelopmentPlan.Status.DRAFT;
        plan.revision = 1;
        plan.createdBy = caller.subject();
        plan.version = 1;
        plan.createdAt = plan.updatedAt = OffsetDateTime.now();
        plan.persist();
        int seq = 0;
        for (ItemRequest item : request.items() == null ? List.<ItemRequest>of() : request.items()) {
            newItem(plan, ++seq, item).persist();
        }
        PlanView view = view(plan, true);
        audit.record("CREATE", ENTITY, plan.id.toString(), null, view);
        return view;
    }

    @Transactional
    public ItemChange addItem(String planId, ItemRequest request, Long ifMatch) {
        DevelopmentPlan plan = lockDraft(planId, ifMatch);
        validate(request, plan.year);
        Integer max = (Integer) em.createNativeQuery("select coalesce(max(seq), 0) from development_plan_item where plan_id = :p")
                .setParameter("p", plan.id).getSingleResult();
        DevelopmentPlanItem item = newItem(plan, max + 1, request);
        item.persist();
        touch(plan);
        ItemView view = ItemView.of(item);
        audit.record("ADD_ITEM", ITEM_ENTITY, item.id.toString(), null, view);
        return new ItemChange(view, plan.version);
    }

    @Transactional
    public ItemChange updateItem(String planId, String itemId, ItemRequest request, Long ifMatch) {
        DevelopmentPlan plan = lockDraft(planId, ifMatch);
        DevelopmentPlanItem item = item(plan, itemId);
        validate(request, plan.year);
        ItemView before = ItemView.of(item);
        apply(item, request);
        item.generated = false; // the planner's item now
        item.reason = null;
        touch(plan);
        ItemView after = ItemView.of(item);
        audit.record("UPDATE_ITEM", ITEM_ENTITY, item.id.toString(), before, after);
        return new ItemChange(after, plan.version);
    }

    @Transactional
    public long deleteItem(String planId, String itemId, Long ifMatch) {
        DevelopmentPlan plan = lockDraft(planId, ifMatch);
        DevelopmentPlanItem item = item(plan, itemId);
        ItemView before = ItemView.of(item);
        item.delete();
        touch(plan);
        audit.record("DELETE_ITEM", ITEM_ENTITY, item.id.toString(), before, null);
        return plan.version;
    }

    /** DRAFT → APPROVED; the plan it revises (if any) becomes SUPERSEDED. */
    @Transactional
    public PlanView approve(String planId, Long ifMatch) {
        DevelopmentPlan plan = lockDraft(planId, ifMatch);
        PlanView before = view(plan, false);
        plan.status = DevelopmentPlan.Status.APPROVED;
        plan.approvedBy = caller.subject();
        plan.approvedAt = OffsetDateTime.now();
        touch(plan);
        if (plan.revisionOf != null) {
            DevelopmentPlan old = DevelopmentPlan.findById(plan.revisionOf, LockModeType.PESSIMISTIC_WRITE);
            if (old != null && old.status == DevelopmentPlan.Status.APPROVED) {
                PlanView oldBefore = view(old, false);
                old.status = DevelopmentPlan.Status.SUPERSEDED;
                touch(old);
                audit.record("SUPERSEDE", ENTITY, old.id.toString(), oldBefore, view(old, false));
            }
        }
        PlanView after = view(plan, true);
        audit.record("APPROVE", ENTITY, plan.id.toString(), before, after);
        return after;
    }

    /** A new DRAFT with the items of an APPROVED plan, revision n+1; one revision per plan. */
    @Transactional
    public PlanView revise(String planId) {
        DevelopmentPlan old = lock(planId);
        if (old.status == DevelopmentPlan.Status.DRAFT) {
            throw ApiException.conflict("development plan " + old.id + " is a DRAFT: change it directly, a revision is made of an approved plan");
        }
        UUID existing = revisedBy(old.id);
        if (existing != null) {
            throw ApiException.conflict("development plan " + old.id + " already has revision " + existing + ": change or revise that one");
        }
        DevelopmentPlan plan = new DevelopmentPlan();
        plan.id = UUID.randomUUID();
        plan.year = old.year;
        plan.orgUnitCode = old.orgUnitCode;
        plan.orgUnitPath = old.orgUnitPath;
        plan.title = old.title;
        plan.status = DevelopmentPlan.Status.DRAFT;
        plan.revision = old.revision + 1;
        plan.revisionOf = old.id;
        plan.createdBy = caller.subject();
        plan.version = 1;
        plan.createdAt = plan.updatedAt = OffsetDateTime.now();
        plan.persist();
        for (DevelopmentPlanItem i : items(old.id)) {
            DevelopmentPlanItem copy = new DevelopmentPlanItem();
            copy.id = UUID.randomUUID();
            copy.planId = plan.id;
            copy.seq = i.seq;
            copy.competencyCode = i.competencyCode;
            copy.methodCode = i.methodCode;
            copy.targetNips = i.targetNips.clone();
            copy.targetPositionCodes = i.targetPositionCodes.clone();
            copy.plannedJp = i.plannedJp;
            copy.budget = i.budget;
            copy.scheduleFrom = i.scheduleFrom;
            copy.scheduleTo = i.scheduleTo;
            copy.generated = i.generated;
            copy.reason = i.reason;
            copy.createdAt = OffsetDateTime.now();
            copy.persist();
        }
        PlanView view = view(plan, true);
        audit.record("REVISE", ENTITY, plan.id.toString(), null, view);
        return view;
    }

    /**
     * Proposes items from the gaps of the active people in the plan unit's subtree and stores them; earlier generated
     * items of the plan are replaced (so generating again does not pile up), the planner's own items stay.
     */
    @Transactional
    public GenerationView generate(String planId, Long ifMatch) {
        DevelopmentPlan plan = lockDraft(planId, ifMatch);
        String path = access.unitPath(plan.orgUnitCode);
        if (path == null) {
            path = plan.orgUnitPath;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select g.nip, g.competency_code, g.required_level, g.gap, g.not_assessed
                from competency_gap_replica g join employee_replica e on e.nip = g.nip
                where e.status = 'ACTIVE' and (e.org_unit_path = :path or e.org_unit_path like :prefix)
                  and (g.gap < 0 or g.not_assessed)""")
                .setParameter("path", path).setParameter("prefix", path + "/%").getResultList();
        List<PlanGeneration.Gap> gaps = rows.stream().map(r -> new PlanGeneration.Gap((String) r[0], (String) r[1],
                ((Number) r[2]).intValue(), (BigDecimal) r[3], (Boolean) r[4])).toList();
        List<PlanGeneration.Proposal> proposals = PlanGeneration.propose(gaps, settings());

        List<DevelopmentPlanItem> old = DevelopmentPlanItem.list("planId = ?1 and generated = true", plan.id);
        for (DevelopmentPlanItem i : old) {
            audit.record("DELETE_ITEM", ITEM_ENTITY, i.id.toString(), ItemView.of(i), null);
            i.delete();
        }
        em.flush();
        Integer max = (Integer) em.createNativeQuery("select coalesce(max(seq), 0) from development_plan_item where plan_id = :p")
                .setParameter("p", plan.id).getSingleResult();
        List<ItemView> created = new ArrayList<>();
        int seq = max;
        for (PlanGeneration.Proposal p : proposals) {
            DevelopmentPlanItem item = new DevelopmentPlanItem();
            item.id = UUID.randomUUID();
            item.planId = plan.id;
            item.seq = ++seq;
            item.competencyCode = p.competencyCode();
            item.methodCode = p.methodCode();
            item.targetNips = p.targetNips().toArray(String[]::new);
            item.plannedJp = p.plannedJp().setScale(2, java.math.RoundingMode.HALF_UP);
            item.budget = 0;
            item.scheduleFrom = LocalDate.of(plan.year, 1, 1);
            item.scheduleTo = LocalDate.of(plan.year, 12, 31);
            item.generated = true;
            item.reason = p.reason();
            item.createdAt = OffsetDateTime.now();
            item.persist();
            ItemView view = ItemView.of(item);
            created.add(view);
            audit.record("GENERATE_ITEM", ITEM_ENTITY, item.id.toString(), null, view);
        }
        touch(plan);
        return new GenerationView(plan.id, plan.version, created.size(), old.size(), created);
    }

    private PlanGeneration.Settings settings() {
        Map<String, String> byPrefix = new LinkedHashMap<>();
        for (String pair : generation.klasikalMethodByPrefix()) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                byPrefix.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return new PlanGeneration.Settings(generation.klasikalFromGap(), generation.klasikalMethod(), byPrefix,
                generation.nonklasikalMethod(), generation.klasikalJp(), generation.nonklasikalJp());
    }

    // ---- read ----

    @Transactional
    public PlanView get(String planId) {
        return view(readable(planId), true);
    }

    @Transactional
    public PageResponse<PlanView> list(Integer year, String orgUnit, DevelopmentPlan.Status status, PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (year != null) {
            where.append(" and year = :year");
            params.and("year", year);
        }
        if (orgUnit != null && !orgUnit.isBlank()) {
            where.append(" and orgUnitCode = :unit");
            params.and("unit", orgUnit.trim());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (!seesEveryPlan()) {
            String head = headPath();
            where.append(" and (orgUnitPath = :head or orgUnitPath like :headPrefix)");
            params.and("head", head).and("headPrefix", head + "/%");
        }
        var query = DevelopmentPlan.<DevelopmentPlan>find(where.toString(),
                Sort.descending("year").and("orgUnitCode").and("revision").and("id"), params);
        List<PlanView> items = query.page(paging.page(), paging.size()).list().stream().map(p -> view(p, false)).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), query.count());
    }

    @Transactional
    public Realisation realisation(String planId) {
        DevelopmentPlan plan = readable(planId);
        List<DevelopmentPlanItem> items = items(plan.id);
        try (Connection c = ds.getConnection()) {
            Set<String> positions = new TreeSet<>();
            items.forEach(i -> positions.addAll(Arrays.asList(i.targetPositionCodes)));
            Map<String, List<String>> holders = holders(c, positions);
            List<PlanRealisation.Item> resolved = new ArrayList<>();
            Set<String> everyone = new TreeSet<>();
            int firstYear = plan.year;
            int lastYear = plan.year;
            for (DevelopmentPlanItem i : items) {
                Set<String> targets = new LinkedHashSet<>(Arrays.asList(i.targetNips));
                for (String p : i.targetPositionCodes) {
                    targets.addAll(holders.getOrDefault(p, List.of()));
                }
                everyone.addAll(targets);
                firstYear = Math.min(firstYear, i.scheduleFrom.getYear());
                lastYear = Math.max(lastYear, i.scheduleTo.getYear());
                resolved.add(new PlanRealisation.Item(i.id, i.competencyCode, i.methodCode, i.plannedJp, i.budget,
                        i.scheduleFrom, i.scheduleTo, targets));
            }
            List<PlanRealisation.Record> records = verifiedRecords(c, everyone, firstYear, lastYear);
            PlanRealisation.Result r = PlanRealisation.realise(resolved, records, names(c, everyone));
            return new Realisation(plan.id, plan.year, plan.orgUnitCode, plan.status, plan.version, r.items(), r.totals());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<String>> holders(Connection c, Set<String> positions) throws SQLException {
        Map<String, List<String>> holders = new HashMap<>();
        if (positions.isEmpty()) {
            return holders;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select position_code, nip from employee_replica where status = 'ACTIVE' and position_code = any(?) order by nip")) {
            ps.setArray(1, c.createArrayOf("varchar", positions.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return holders;
    }

    /** The VERIFIED records of these people in these years, each with its recognised JP in its person-year. */
    private List<PlanRealisation.Record> verifiedRecords(Connection c, Set<String> nips, int firstYear, int lastYear) throws SQLException {
        if (nips.isEmpty()) {
            return List.of();
        }
        Map<String, JpRecognition.Caps> caps = JpLedger.caps(c);
        Map<String, List<Object[]>> byPersonYear = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, nip, competency_codes, start_date, end_date, jp, cost, method_code, year
                from training_record where status = 'VERIFIED' and nip = any(?) and year between ? and ?""")) {
            ps.setArray(1, c.createArrayOf("varchar", nips.toArray()));
            ps.setInt(2, firstYear);
            ps.setInt(3, lastYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array codes = rs.getArray(3);
                    Object[] row = {rs.getObject(1, UUID.class), rs.getString(2),
                            codes == null ? Set.of() : Set.of((String[]) codes.getArray()),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6),
                            rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8), rs.getInt(9)};
                    byPersonYear.computeIfAbsent(row[1] + "/" + row[8], k -> new ArrayList<>()).add(row);
                }
            }
        }
        List<PlanRealisation.Record> out = new ArrayList<>();
        for (List<Object[]> rows : byPersonYear.values()) {
            int year = (Integer) rows.get(0)[8];
            List<JpRecognition.Entry> entries = rows.stream().map(r -> new JpRecognition.Entry((UUID) r[0], JpRecognition.Status.VERIFIED,
                    (String) r[7], (LocalDate) r[3], (LocalDate) r[4], (BigDecimal) r[5])).toList();
            Map<UUID, BigDecimal> recognised = new HashMap<>();
            JpRecognition.recognise(year, entries, caps).lines().forEach(l -> recognised.put(l.entry().id(), l.recognisedJp()));
            for (Object[] r : rows) {
                @SuppressWarnings("unchecked")
                Set<String> codes = (Set<String>) r[2];
                out.add(new PlanRealisation.Record((UUID) r[0], (String) r[1], codes, (LocalDate) r[3], (LocalDate) r[4],
                        (BigDecimal) r[5], recognised.getOrDefault((UUID) r[0], BigDecimal.ZERO), (Long) r[6]));
            }
        }
        return out;
    }

    private Map<String, String> names(Connection c, Set<String> nips) throws SQLException {
        Map<String, String> names = new HashMap<>();
        if (nips.isEmpty()) {
            return names;
        }
        try (PreparedStatement ps = c.prepareStatement("select nip, name from employee_replica where nip = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", nips.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return names;
    }

    // ---- helpers ----

    private boolean seesEveryPlan() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER, Roles.INTEGRATOR);
    }

    /** A UNIT_HEAD's unit path; 403 when the unit claim is missing or unknown here. */
    private String headPath() {
        String head = caller.unit() == null ? null : access.unitPath(caller.unit());
        if (head == null) {
            throw ApiException.forbidden(caller.unit() == null ? "your token carries no unit claim"
                    : "your unit " + caller.unit() + " is not known to this service yet");
        }
        return head;
    }

    private static UUID id(String planId) {
        try {
            return UUID.fromString(planId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("development plan", String.valueOf(planId));
        }
    }

    private DevelopmentPlan readable(String planId) {
        DevelopmentPlan plan = DevelopmentPlan.findById(id(planId));
        if (plan == null) {
            throw ApiException.notFound("development plan", planId);
        }
        if (!seesEveryPlan()) {
            String head = caller.unit() == null ? null : access.unitPath(caller.unit());
            if (head == null || !PersonAccess.within(plan.orgUnitPath, head)) {
                throw ApiException.notFound("development plan", planId);
            }
        }
        return plan;
    }

    private DevelopmentPlan lock(String planId) {
        DevelopmentPlan plan = DevelopmentPlan.findById(id(planId), LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw ApiException.notFound("development plan", planId);
        }
        return plan;
    }

    /** The plan locked for a change: 409 unless DRAFT, 412 when If-Match names another version. */
    private DevelopmentPlan lockDraft(String planId, Long ifMatch) {
        DevelopmentPlan plan = lock(planId);
        if (plan.status != DevelopmentPlan.Status.DRAFT) {
            throw ApiException.conflict("development plan " + plan.id + " is " + plan.status
                    + " and read-only; to change it, create a revision (POST /api/v1/development-plans/" + plan.id + "/revisions)");
        }
        if (ifMatch != null && ifMatch != plan.version) {
            throw ApiException.preconditionFailed("development plan " + plan.id + " is at version " + plan.version
                    + ", not " + ifMatch + "; read it again");
        }
        return plan;
    }

    private static void touch(DevelopmentPlan plan) {
        plan.version++;
        plan.updatedAt = OffsetDateTime.now();
    }

    private DevelopmentPlanItem item(DevelopmentPlan plan, String itemId) {
        UUID id;
        try {
            id = UUID.fromString(itemId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("development plan item", itemId);
        }
        DevelopmentPlanItem item = DevelopmentPlanItem.findById(id);
        if (item == null || !item.planId.equals(plan.id)) {
            throw ApiException.notFound("development plan item", itemId);
        }
        return item;
    }

    private static DevelopmentPlanItem newItem(DevelopmentPlan plan, int seq, ItemRequest request) {
        DevelopmentPlanItem item = new DevelopmentPlanItem();
        item.id = UUID.randomUUID();
        item.planId = plan.id;
        item.seq = seq;
        item.createdAt = OffsetDateTime.now();
        apply(item, request);
        return item;
    }

    private static void apply(DevelopmentPlanItem item, ItemRequest r) {
        item.competencyCode = r.competencyCode();
        item.methodCode = r.methodCode();
        item.targetNips = r.targetNips() == null ? new String[0] : new TreeSet<>(r.targetNips()).toArray(String[]::new);
        item.targetPositionCodes = r.targetPositionCodes() == null ? new String[0]
                : new TreeSet<>(r.targetPositionCodes()).toArray(String[]::new);
        item.plannedJp = r.plannedJp().setScale(2, java.math.RoundingMode.UNNECESSARY); // as numeric(7,2) gives it back
        item.budget = r.budget() == null ? 0 : r.budget().longValueExact();
        item.scheduleFrom = r.schedule().from();
        item.scheduleTo = r.schedule().to();
    }

    private static List<DevelopmentPlanItem> items(UUID planId) {
        return DevelopmentPlanItem.list("planId", Sort.ascending("seq", "id"), planId);
    }

    private UUID revisedBy(UUID planId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from development_plan where revision_of = :p", UUID.class)
                .setParameter("p", planId).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    private PlanView view(DevelopmentPlan p, boolean withItems) {
        em.flush();
        List<DevelopmentPlanItem> items = items(p.id);
        BigDecimal jp = items.stream().map(i -> i.plannedJp).reduce(BigDecimal.ZERO, BigDecimal::add);
        long budget = items.stream().mapToLong(i -> i.budget).sum();
        return new PlanView(p.id, p.year, p.orgUnitCode, p.title, p.status, p.revision, p.revisionOf, revisedBy(p.id),
                p.version, p.approvedBy, p.approvedAt, p.createdBy, p.createdAt, p.updatedAt,
                new PlanTotals(items.size(), jp, budget), withItems ? items.stream().map(ItemView::of).toList() : null);
    }
}
