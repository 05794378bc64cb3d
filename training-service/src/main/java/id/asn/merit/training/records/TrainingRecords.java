package id.asn.merit.training.records;

import id.asn.merit.training.service.TrainingClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.outbox.Outbox;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.platform.security.Roles;
import id.asn.merit.platform.web.JsonControlCharacters;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import id.asn.merit.training.domain.EmployeeReplica;
import id.asn.merit.training.domain.JpRecognition;
import id.asn.merit.training.domain.TrainingRecord;
import id.asn.merit.training.domain.TrainingRecordRules;
import id.asn.merit.training.messaging.TrainingEvents;
import id.asn.merit.training.service.JpLedger;
import id.asn.merit.training.service.JpLedger.PersonYear;
import id.asn.merit.training.service.RecordCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Training records through the API (SYSTEM.md §3): create, correct while PENDING, verify or reject, read. Every
 * change refreshes the person-year's {@link JpLedger} row in its own transaction (which sends jp-threshold-reached
 * once per person-year), writes its event through the outbox and is audited.
 */
@ApplicationScoped
public class TrainingRecords {
    public static final String PATH = "/api/v1/training-records";
    static final String ENTITY = "training-record";
    static final String CERTIFICATE_INDEX = "training_record_certificate";
    static final String UNIQUE_VIOLATION = "23505";

    @Inject
    EntityManager em;
    @Inject
    RecordCatalog catalog;
    @Inject
    JpLedger ledger;
    @Inject
    Outbox outbox;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    PersonAccess access;
    @Inject
    TrainingClock clock;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "asn.training.minutes-per-jp", defaultValue = "45")
    int minutesPerJp;

    /** A create that passed the rules and the caller's rights, waiting for its transaction. */
    public record Checked(TrainingRecordRules.Valid valid, String status) {
    }

    // --- create -----------------------------------------------------------------------------------------------------

    /** The caller's right to submit this record and the rules, before any write (so a replay checks them too). */
    public Checked check(TrainingRecordRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER);
        String status = request.status() == null || request.status().isBlank() ? "PENDING" : request.status().strip();
        if (!status.equals("PENDING") && !status.equals("VERIFIED")) {
            throw ApiException.badRequest("status", "must be PENDING or VERIFIED (a record is rejected through its verification)");
        }
        if (!officer) {
            String own = caller.nip();
            if (own == null) {
                throw ApiException.forbidden("your token carries no nip claim, so you can submit no training record");
            }
            if (request.nip() != null && !own.equals(request.nip().strip())) {
                throw forbidden("nip", "an EMPLOYEE submits training records only for themself (" + own + ")");
            }
            if (status.equals("VERIFIED")) {
                throw forbidden("status", "an EMPLOYEE's record is PENDING until an HR officer verifies it");
            }
        }
        TrainingRecordRules.Outcome outcome = TrainingRecordRules.check(request.input(), catalog, clock.today(), minutesPerJp);
        if (!outcome.ok()) {
            throw ApiException.invalid(outcome.errors());
        }
        return new Checked(outcome.valid(), status);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TrainingRecordView create(Checked checked) {
        TrainingRecordRules.Valid v = checked.valid();
        rejectDuplicate(v.nip(), v.organizer(), v.certificateNumber(), null);
        TrainingRecord r = new TrainingRecord();
        r.id = UUID.randomUUID();
        r.nip = v.nip();
        apply(r, v);
        r.status = checked.status();
        OffsetDateTime now = OffsetDateTime.now();
        if (r.status.equals("VERIFIED")) {
            r.decidedBy = caller.subject();
            r.decidedAt = now;
        }
        r.submittedBy = caller.subject();
        r.source = "API";
        r.createdAt = now;
        r.updatedAt = now;
        try {
            em.persist(r);
            em.flush();
        } catch (PersistenceException e) {
            throw duplicateOnRace(e, r);
        }
        JpLedger.Totals totals = ledger.refresh(List.of(new PersonYear(r.nip, r.year)), r.id).values().iterator().next();
        TrainingRecordView view = view(r);
        outbox.publish(TrainingEvents.TOPIC, r.nip, TrainingEvents.RECORDED,
                TrainingRecordEventData.of(view, totals.recognisedJp(), totals.requiredJp()));
        audit.record("create", ENTITY, r.id.toString(), null, view);
        return view;
    }

    // --- correction -------------------------------------------------------------------------------------------------

    @Transactional
    public TrainingRecordView patch(String id, Long ifMatch, String body) {
        TrainingRecord r = lockVisible(id);
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.HR_OFFICER) && !r.nip.equals(caller.nip())) {
            throw notFound(id); // an EMPLOYEE corrects only their own: another's is answered like none
        }
        checkVersion(r, ifMatch);
        if (!r.status.equals("PENDING")) {
            throw ApiException.conflict("training record " + id + " was already decided (" + r.status + " by " + r.decidedBy
                    + " at " + r.decidedAt + "); only a PENDING record can be corrected");
        }
        Patch p = parsePatch(body, r.nip);
        TrainingRecordView before = view(r);
        int oldYear = r.year;
        TrainingRecordRules.Input merged = p.mergeInto(r);
        TrainingRecordRules.Outcome outcome = TrainingRecordRules.check(merged, catalog, clock.today(), minutesPerJp);
        if (!outcome.ok()) {
            throw ApiException.invalid(outcome.errors());
        }
        TrainingRecordRules.Valid v = outcome.valid();
        if (!v.organizer().equalsIgnoreCase(r.organizer) || !v.certificateNumber().equals(r.certificateNumber)) {
            rejectDuplicate(r.nip, v.organizer(), v.certificateNumber(), r.id);
        }
        apply(r, v);
        r.updatedAt = OffsetDateTime.now();
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw duplicateOnRace(e, r);
        }
        ledger.refresh(new LinkedHashSet<>(List.of(new PersonYear(r.nip, oldYear), new PersonYear(r.nip, r.year))), r.id);
        TrainingRecordView after = view(r);
        audit.record("update", ENTITY, r.id.toString(), before, after);
        return after;
    }

    // --- verification -----------------------------------------------------------------------------------------------

    @Transactional
    public TrainingRecordView decide(String id, Long ifMatch, VerificationRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "is required");
        }
        String decision = request.decision() == null ? null : request.decision().strip();
        if (decision == null || decision.isEmpty()) {
            throw ApiException.badRequest("decision", "is required: VERIFIED or REJECTED");
        }
        if (!decision.equals("VERIFIED") && !decision.equals("REJECTED")) {
            throw ApiException.badRequest("decision", "must be VERIFIED or REJECTED");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (decision.equals("REJECTED") && reason == null) {
            throw ApiException.badRequest("reason", "is required when the decision is REJECTED");
        }
        if (reason != null && reason.length() > 1000) {
            throw ApiException.badRequest("reason", "must be at most 1000 characters");
        }
        if (reason != null && JsonControlCharacters.firstControlCharacter(reason) >= 0) {
            throw ApiException.badRequest("reason", "must not contain control characters");
        }
        TrainingRecord r = lockVisible(id);
        checkVersion(r, ifMatch);
        if (!r.status.equals("PENDING")) {
            throw ApiException.conflict("training record " + id + " was already decided: " + r.status + " by " + r.decidedBy
                    + " at " + r.decidedAt);
        }
        TrainingRecordView before = view(r);
        r.status = decision;
        r.decidedBy = caller.subject();
        r.decidedAt = OffsetDateTime.now();
        r.decisionReason = reason;
        r.updatedAt = r.decidedAt;
        JpLedger.Totals totals = ledger.refresh(List.of(new PersonYear(r.nip, r.year)), r.id).values().iterator().next();
        TrainingRecordView after = view(r);
        outbox.publish(TrainingEvents.TOPIC, r.nip, decision.equals("VERIFIED") ? TrainingEvents.VERIFIED : TrainingEvents.REJECTED,
                TrainingRecordEventData.of(after, totals.recognisedJp(), totals.requiredJp()));
        audit.record(decision.equals("VERIFIED") ? "verify" : "reject", ENTITY, r.id.toString(), before, after);
        return after;
    }

    // --- reading ----------------------------------------------------------------------------------------------------

    /** The record in the view the caller may have of it; 404 for an unknown id and for one the caller may not see. */
    @Transactional
    public Object get(String id) {
        TrainingRecord r = find(id);
        if (r == null) {
            throw notFound(id);
        }
        try {
            access.checkCanRead(r.nip, Roles.INTEGRATOR);
        } catch (ApiException e) {
            throw notFound(id);
        }
        EmployeeReplica e = EmployeeReplica.findById(r.nip);
        BigDecimal recognised = recognised(List.of(r)).get(r.id);
        return fullView(r.nip, e == null ? null : e.orgUnitPath) ? TrainingRecordView.of(r, e == null ? null : e.name, recognised)
                : TrainingRecordSummaryView.of(r, e == null ? null : e.name, e == null ? null : e.orgUnitCode,
                e == null ? null : e.positionCode, recognised);
    }

    /** The version of the record for the ETag (after {@link #get}). */
    public long version(Object view) {
        return view instanceof TrainingRecordView v ? v.version() : ((TrainingRecordSummaryView) view).version();
    }

    /**
     * Records by person, year and status, newest end date first (then id). ADMIN, HR_OFFICER and INTEGRATOR see
     * everyone; a UNIT_HEAD the people of their subtree; an EMPLOYEE themself (nip defaults to theirs).
     */
    @Transactional
    public PageResponse<Object> list(String nip, Integer year, JpRecognition.Status status, PageRequest paging) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (nip != null) {
            access.checkCanRead(nip, Roles.INTEGRATOR);
            where.append(" and r.nip = :nip");
            params.put("nip", nip);
        } else if (!access.seesEveryone(Roles.INTEGRATOR)) {
            if (caller.hasRole(Roles.UNIT_HEAD)) {
                PersonAccess.Scope scope = access.listScope(null, true);
                where.append(" and (e.org_unit_path = :path or e.org_unit_path like :prefix)");
                params.put("path", scope.path());
                params.put("prefix", scope.path() + "/%");
            } else if (caller.nip() != null) {
                where.append(" and r.nip = :nip");
                params.put("nip", caller.nip());
            } else {
                throw ApiException.forbidden("your token carries no nip claim");
            }
        }
        if (year != null) {
            where.append(" and r.year = :year");
            params.put("year", year);
        }
        if (status != null) {
            where.append(" and r.status = :status");
            params.put("status", status.name());
        }
        String from = " from training_record r left join employee_replica e on e.nip = r.nip where " + where;
        var count = em.createNativeQuery("select count(*)" + from);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        var page = em.createNativeQuery("select r.id, e.name, e.org_unit_code, e.position_code, e.org_unit_path" + from
                + " order by r.end_date desc, r.id limit :limit offset :offset");
        params.forEach(page::setParameter);
        page.setParameter("limit", paging.size()).setParameter("offset", paging.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, TrainingRecord> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            TrainingRecord.<TrainingRecord>list("id in ?1", ids).forEach(r -> byId.put(r.id, r));
        }
        Map<UUID, BigDecimal> recognised = recognised(byId.values());
        List<Object> items = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            TrainingRecord r = byId.get((UUID) row[0]);
            BigDecimal jp = recognised.get(r.id);
            items.add(fullView(r.nip, (String) row[4]) ? TrainingRecordView.of(r, (String) row[1], jp)
                    : TrainingRecordSummaryView.of(r, (String) row[1], (String) row[2], (String) row[3], jp));
        }
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** Whether the caller reads this person's records with the personal fields (anyone but a mere INTEGRATOR). */
    private boolean fullView(String nip, String orgUnitPath) {
        if (access.seesEveryone()) {
            return true;
        }
        if (caller.hasRole(Roles.EMPLOYEE) && nip.equals(caller.nip())) {
            return true;
        }
        if (caller.hasRole(Roles.UNIT_HEAD) && caller.unit() != null && orgUnitPath != null) {
            String head = access.unitPath(caller.unit());
            return head != null && PersonAccess.within(orgUnitPath, head);
        }
        return false;
    }

    // --- shared -----------------------------------------------------------------------------------------------------

    TrainingRecordView view(TrainingRecord r) {
        EmployeeReplica e = EmployeeReplica.findById(r.nip);
        return TrainingRecordView.of(r, e == null ? null : e.name, recognised(List.of(r)).get(r.id));
    }

    /**
     * What each VERIFIED record counts for in its year ({@link JpRecognition} over all the person-year's records, as
     * the ledger computes it); a record that is not VERIFIED maps to null.
     */
    Map<UUID, BigDecimal> recognised(Collection<TrainingRecord> records) {
        Map<UUID, BigDecimal> out = new HashMap<>();
        Set<PersonYear> keys = new LinkedHashSet<>();
        for (TrainingRecord r : records) {
            if (r.status.equals("VERIFIED")) {
                keys.add(new PersonYear(r.nip, r.year));
            }
        }
        if (keys.isEmpty()) {
            return out;
        }
        Set<String> nips = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        keys.forEach(k -> {
            nips.add(k.nip());
            years.add(k.year());
        });
        Map<PersonYear, List<JpRecognition.Entry>> entries = new HashMap<>();
        for (TrainingRecord r : TrainingRecord.<TrainingRecord>list("nip in ?1 and year in ?2", nips, years)) {
            PersonYear k = new PersonYear(r.nip, r.year);
            if (keys.contains(k)) {
                entries.computeIfAbsent(k, x -> new ArrayList<>()).add(r.entry());
            }
        }
        Map<String, JpRecognition.Caps> caps = em.unwrap(Session.class).doReturningWork(JpLedger::caps);
        for (PersonYear k : keys) {
            JpRecognition.Result result = JpRecognition.recognise(k.year(), entries.getOrDefault(k, List.of()), caps);
            for (JpRecognition.Line line : result.lines()) {
                if (line.entry().status() == JpRecognition.Status.VERIFIED) {
                    out.put(line.entry().id(), line.recognisedJp());
                }
            }
        }
        return out;
    }

    private static void apply(TrainingRecord r, TrainingRecordRules.Valid v) {
        r.programCode = v.programCode();
        r.title = v.title();
        r.methodCode = v.methodCode();
        r.organizer = v.organizer();
        r.startDate = v.startDate();
        r.endDate = v.endDate();
        r.year = v.year();
        r.jp = v.jp();
        r.durationMinutes = v.durationMinutes();
        r.certificateNumber = v.certificateNumber();
        r.competencyCodes = v.competencyCodes().toArray(new String[0]);
        r.leadershipLevel = v.leadershipLevel();
        r.cost = v.cost();
    }

    private TrainingRecord find(String id) {
        UUID uuid = uuid(id);
        return uuid == null ? null : TrainingRecord.findById(uuid);
    }

    /** The record locked for a change; 404 when unknown or invisible to the caller. */
    private TrainingRecord lockVisible(String id) {
        UUID uuid = uuid(id);
        TrainingRecord r = uuid == null ? null : em.find(TrainingRecord.class, uuid, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw notFound(id);
        }
        try {
            access.checkCanRead(r.nip);
        } catch (ApiException e) {
            throw notFound(id);
        }
        return r;
    }

    private static void checkVersion(TrainingRecord r, Long ifMatch) {
        if (ifMatch != null && ifMatch != r.version) {
            throw ApiException.preconditionFailed("training record " + r.id + " is at version " + r.version
                    + ", not " + ifMatch + "; read it again");
        }
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("training record", id);
    }

    static ApiException forbidden(String field, String message) {
        return new ApiException(403, "urn:asn:problem:forbidden", "Forbidden", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /** 409 naming the record that holds the certificate key already. */
    private void rejectDuplicate(String nip, String organizer, String certificate, UUID self) {
        UUID existing = existing(nip, organizer, certificate, self);
        if (existing != null) {
            throw duplicate(existing);
        }
    }

    private UUID existing(String nip, String organizer, String certificate, UUID self) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                select id from training_record
                where nip = :nip and lower(organizer) = lower(:organizer) and certificate_number = :cert
                  and (cast(:self as uuid) is null or id <> cast(:self as uuid))""")
                .setParameter("nip", nip).setParameter("organizer", organizer).setParameter("cert", certificate)
                .setParameter("self", self == null ? null : self.toString()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static ApiException duplicate(UUID existing) {
        String path = PATH + "/" + existing;
        return new ApiException(409, "urn:asn:problem:duplicate-training-record", "Duplicate training record",
                "this NIP already has training record " + existing + " (" + path + ") with the same organizer and certificate number",
                List.of(new FieldError("certificateNumber", "already recorded for this NIP and organizer as training record "
                        + existing + " at " + path)));
    }

    /** A unique violation on the certificate key at flush (a concurrent insert won): the same 409, naming the winner. */
    private RuntimeException duplicateOnRace(PersistenceException e, TrainingRecord r) {
        if (!isCertificateViolation(e)) {
            return e;
        }
        UUID winner = QuarkusTransaction.requiringNew().call(() -> existing(r.nip, r.organizer, r.certificateNumber, r.id));
        return winner == null ? ApiException.conflict("a training record with this NIP, organizer and certificate number exists already")
                : duplicate(winner);
    }

    static boolean isCertificateViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && (CERTIFICATE_INDEX.equals(c.getConstraintName()) || UNIQUE_VIOLATION.equals(c.getSQLState()))) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(CERTIFICATE_INDEX)) {
                return true;
            }
        }
        return false;
    }

    // --- the merge patch --------------------------------------------------------------------------------------------

    /** The fields a PATCH sent ({@link #sent}) with their values (null = cleared). */
    record Patch(TrainingRecordPatch values, Set<String> sent) {
        boolean has(String field) {
            return sent.contains(field);
        }

        TrainingRecordRules.Input mergeInto(TrainingRecord r) {
            TrainingRecordPatch p = values;
            BigDecimal jp;
            Integer minutes;
            if (has("jp") || has("durationMinutes")) {
                // the one sent replaces the other; both sent is refused by the rules; null clears (the programme's JP, if any)
                jp = has("jp") ? p.jp() : null;
                minutes = has("durationMinutes") ? p.durationMinutes() : null;
            } else if (r.durationMinutes != null) {
                jp = null;
                minutes = r.durationMinutes; // converted again, at the configured minutes per JP
            } else {
                jp = r.jp;
                minutes = null;
            }
            return new TrainingRecordRules.Input(r.nip,
                    has("programCode") ? p.programCode() : r.programCode,
                    has("title") ? p.title() : r.title,
                    has("methodCode") ? p.methodCode() : r.methodCode,
                    has("organizer") ? p.organizer() : r.organizer,
                    has("startDate") ? p.startDate() : r.startDate,
                    has("endDate") ? p.endDate() : r.endDate,
                    jp, minutes,
                    has("certificateNumber") ? p.certificateNumber() : r.certificateNumber,
                    has("competencyCodes") ? (p.competencyCodes() == null ? List.of() : p.competencyCodes())
                            : Arrays.asList(r.competencyCodes == null ? new String[0] : r.competencyCodes),
                    has("leadershipLevel") ? p.leadershipLevel() : r.leadershipLevel,
                    has("cost") ? p.cost() : r.cost);
        }
    }

    Patch parsePatch(String body, String nip) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "is required: a JSON object of the fields to change");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest("body", "must be a JSON object of the fields to change");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> sent = new LinkedHashSet<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (TrainingRecordPatch.FIELDS.contains(name)) {
                sent.add(name);
            } else if (name.equals("nip")) {
                if (!tree.get(name).isTextual() || !tree.get(name).asText().strip().equals(nip)) {
                    errors.add(new FieldError("nip", "cannot be changed; enter a record for the other person instead"));
                }
            } else if (name.equals("status")) {
                errors.add(new FieldError("status", "is changed through POST " + PATH + "/{id}/verification"));
            } else {
                errors.add(new FieldError(name.length() > 100 ? name.substring(0, 100) + "…" : name, "is not a field a correction can change"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        try {
            // the mapper's deserializers refuse control characters; a field of the wrong type is named
            return new Patch(json.treeToValue(((ObjectNode) tree).without("nip"), TrainingRecordPatch.class), sent);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[")
                    : "body";
            String message = e instanceof JsonControlCharacters.ControlCharacterException c ? c.getOriginalMessage()
                    : "has the wrong type or format";
            throw ApiException.badRequest(field, message);
        }
    }
}
