package id.asn.merit.merit.profiles;

import id.asn.merit.merit.service.MeritClock;
import id.asn.merit.merit.service.MeritProfiles;
import id.asn.merit.platform.audit.AuditLog;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.platform.security.Caller;
import id.asn.merit.platform.web.PageRequest;
import id.asn.merit.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Potential tests: recorded (audited) and at once fed into the person's profile of that year, in one transaction. */
@ApplicationScoped
public class MeritPotentialTests {
    public static final String AUDIT_ENTITY = "MeritPotentialTest";

    @Inject
    EntityManager em;
    @Inject
    MeritProfiles profiles;
    @Inject
    MeritClock clock;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;

    /** Every wrong field at once (400). */
    public void validate(MeritPotentialTestRequest r) {
        if (r == null) {
            throw ApiException.badRequest("body", "is required: {year, score, instrument, assessedOn}");
        }
        List<FieldError> errors = new ArrayList<>();
        int current = clock.currentYear();
        if (r.year() == null) {
            errors.add(new FieldError("year", "is required"));
        } else if (r.year() < 2000 || r.year() > current + 1) {
            errors.add(new FieldError("year", "must be between 2000 and " + (current + 1)));
        }
        if (r.score() == null) {
            errors.add(new FieldError("score", "is required"));
        } else if (r.score().compareTo(BigDecimal.ZERO) < 0 || r.score().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("score", "must be between 0 and 100"));
        } else if (plain(r.score()).scale() > 2) {
            errors.add(new FieldError("score", "must have at most 2 decimals"));
        }
        if (r.instrument() == null || r.instrument().isBlank()) {
            errors.add(new FieldError("instrument", "is required"));
        } else if (r.instrument().trim().length() > 200) {
            errors.add(new FieldError("instrument", "must be at most 200 characters"));
        }
        if (r.assessedOn() == null) {
            errors.add(new FieldError("assessedOn", "is required"));
        } else if (r.assessedOn().isAfter(clock.today())) {
            errors.add(new FieldError("assessedOn", "must not be in the future"));
        } else if (r.assessedOn().getYear() < 2000) {
            errors.add(new FieldError("assessedOn", "must not be before 2000"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Records the test and recomputes the person's profiles (the test's year included). Unknown NIP: 404. */
    @Transactional
    public MeritPotentialTestView record(String nip, MeritPotentialTestRequest r) {
        Number known = (Number) em.createNativeQuery("select count(*) from employee_replica where nip = :nip")
                .setParameter("nip", nip).getSingleResult();
        if (known.intValue() == 0) {
            throw ApiException.notFound("employee", nip);
        }
        MeritPotentialTestView test = new MeritPotentialTestView(UUID.randomUUID(), nip, r.year(), plain(r.score()),
                r.instrument().trim(), r.assessedOn(), caller.subject(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        em.createNativeQuery("""
                insert into potential_test (id, nip, year, score, instrument, assessed_on, recorded_by, recorded_at)
                values (:id, :nip, :year, :score, :instrument, :assessedOn, :by, :at)""")
                .setParameter("id", test.id()).setParameter("nip", nip).setParameter("year", test.year())
                .setParameter("score", test.score()).setParameter("instrument", test.instrument())
                .setParameter("assessedOn", test.assessedOn()).setParameter("by", test.recordedBy()).setParameter("at", test.recordedAt())
                .executeUpdate();
        audit.record("RECORD", AUDIT_ENTITY, test.id().toString(), null, test);
        profiles.recompute(nip, new MeritProfiles.Cause(MeritProfiles.POTENTIAL_TEST, test.id().toString(), null), test.year());
        return test;
    }

    /** The person's tests, newest first. */
    @Transactional
    public PageResponse<MeritPotentialTestView> list(String nip, PageRequest paging) {
        long total = ((Number) em.createNativeQuery("select count(*) from potential_test where nip = :nip")
                .setParameter("nip", nip).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, nip, year, score, instrument, assessed_on, recorded_by, recorded_at from potential_test where nip = :nip
                order by assessed_on desc, recorded_at desc, id limit :limit offset :offset""")
                .setParameter("nip", nip).setParameter("limit", paging.size()).setParameter("offset", paging.offset()).getResultList();
        List<MeritPotentialTestView> items = new ArrayList<>();
        for (Object[] row : rows) {
            items.add(new MeritPotentialTestView((UUID) row[0], (String) row[1], ((Number) row[2]).intValue(),
                    plain((BigDecimal) row[3]), (String) row[4], toDate(row[5]), (String) row[6],
                    MeritProfileQueries.time(row[7])));
        }
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static java.time.LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) o;
    }
}
