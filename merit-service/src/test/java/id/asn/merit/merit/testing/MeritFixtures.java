package id.asn.merit.merit.testing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes read-model rows straight into merit-service's tables, for REST tests of features that read them (profiles,
 * 9-box, rankings, fairness, merit index) without going through the broker (the consumer tests cover that path).
 * Upserts, so tests may re-run; use fresh NIPs and unit codes per test class (the app and its database are shared
 * by every test of the module). {@link #nip} makes valid-looking unique NIPs.
 */
@ApplicationScoped
public class MeritFixtures {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    AgroalDataSource ds;

    /** A fresh 18-digit PNS-shaped NIP: birth date, TMT, gender digit (1 M, 2 F), serial. */
    public static String nip(LocalDate birthDate, String gender) {
        long s = SERIAL.incrementAndGet();
        return String.format("%04d%02d%02d%04d%02d%s%03d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(),
                Math.min(birthDate.getYear() + 22 + (int) (s / 999 % 10), 2025), 1 + s / 9990 % 12, "M".equals(gender) ? "1" : "2", 1 + s % 999);
    }

    public void unit(String code, String parentCode, String path) {
        exec("""
                insert into org_unit_replica (code, name, parent_code, path, level, status)
                values (?, ?, ?, ?, null, 'ACTIVE')
                on conflict (code) do update set parent_code = excluded.parent_code, path = excluded.path, status = 'ACTIVE'""",
                code, "Unit " + code, parentCode, path);
    }

    /**
     * @param minEducationLevel SD..S3 or null; @param leadership PKP, PKA, PKN_II, PKN_I or null; @param minRank e.g. III/c
     */
    public void position(String code, String orgUnitCode, String type, String minRank, String minEducationLevel, String leadership) {
        exec("""
                insert into position_replica (code, title, org_unit_code, type, grade, min_rank, min_education_level,
                                              required_leadership_training, status, last_event_id)
                values (?, ?, ?, ?, 9, ?, ?, ?, 'ACTIVE', 'fixture')
                on conflict (code) do update set org_unit_code = excluded.org_unit_code, type = excluded.type,
                    min_rank = excluded.min_rank, min_education_level = excluded.min_education_level,
                    required_leadership_training = excluded.required_leadership_training, status = 'ACTIVE'""",
                code, "Jabatan " + code, orgUnitCode, type, minRank, minEducationLevel, leadership);
    }

    /** An ACTIVE PNS. @param orgUnitPath unit codes root first joined by '/' */
    public void employee(String nip, String name, String gender, LocalDate birthDate, String rank, LocalDate rankSince,
                         String educationLevel, String positionCode, String positionType, String orgUnitCode, String orgUnitPath) {
        exec("""
                insert into employee_replica (nip, name, gender, birth_date, employment_type, rank, rank_since, education_level,
                                              position_code, position_type, org_unit_code, org_unit_path, status, source_version,
                                              last_event_id, last_event_type, last_event_at)
                values (?, ?, ?, ?, 'PNS', ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, 'fixture', 'fixture', now())
                on conflict (nip) do update set name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date,
                    rank = excluded.rank, rank_since = excluded.rank_since, education_level = excluded.education_level,
                    position_code = excluded.position_code, position_type = excluded.position_type,
                    org_unit_code = excluded.org_unit_code, org_unit_path = excluded.org_unit_path, status = 'ACTIVE'""",
                nip, name, gender, birthDate, rank, rankSince, educationLevel, positionCode, positionType, orgUnitCode, orgUnitPath);
    }

    public void status(String nip, String status) {
        exec("update employee_replica set status = ? where nip = ?", status, nip);
    }

    /** An ANNUAL SKP rating. */
    public void skp(String nip, int year, String rating) {
        exec("""
                insert into skp_rating (nip, year, period, rating, work_result, work_behaviour, overridden, event_id, event_at)
                values (?, ?, 'ANNUAL', ?, null, null, false, ?, now())
                on conflict (nip, year, period) do update set rating = excluded.rating, event_id = excluded.event_id""",
                nip, year, rating, "fixture-" + UUID.randomUUID());
    }

    /** @param level LIGHT, MODERATE, SEVERE */
    public void discipline(String nip, String level, LocalDate decidedOn) {
        exec("insert into discipline_record (event_id, nip, level, decided_on, event_at) values (?, ?, ?, ?, now())",
                "fixture-" + UUID.randomUUID(), nip, level, decidedOn);
    }

    /** The JPM against the current position, every required competency assessed. */
    public void jpm(String nip, String positionCode, double jpm) {
        jpm(nip, positionCode, jpm, 1);
    }

    /** The JPM against the current position with its coverage (assessed / required items, 0..1). */
    public void jpm(String nip, String positionCode, double jpm, double coverage) {
        exec("""
                insert into competency_match (nip, position_code, jpm, category, coverage, standard_version, policy_version,
                                              event_id, event_type, event_at, event_time)
                values (?, ?, ?, null, ?, 1, 1, ?, 'asn.competency.gap-changed.v1', now(), 0)
                on conflict (nip) do update set position_code = excluded.position_code, jpm = excluded.jpm,
                    coverage = excluded.coverage, event_id = excluded.event_id""",
                nip, positionCode, BigDecimal.valueOf(jpm), BigDecimal.valueOf(coverage), "fixture-" + UUID.randomUUID());
    }

    public void assessment(String nip, LocalDate assessedOn) {
        exec("""
                insert into assessment_replica (assessment_id, nip, assessed_on, method, purpose, supersedes, event_id)
                values (?, ?, ?, 'ASSESSMENT_CENTER', 'MAPPING', null, 'fixture')""",
                UUID.randomUUID().toString(), nip, assessedOn);
    }

    /** The recognised JP of a year against the requirement. */
    public void jp(String nip, int year, double recognised, double required) {
        exec("""
                insert into jp_year (nip, year, recognised_jp, required_jp, event_id, event_at, event_time)
                values (?, ?, ?, ?, ?, now(), 0)
                on conflict (nip, year) do update set recognised_jp = excluded.recognised_jp, required_jp = excluded.required_jp""",
                nip, year, BigDecimal.valueOf(recognised), BigDecimal.valueOf(required), "fixture-" + UUID.randomUUID());
    }

    /** A VERIFIED training record; @param leadershipLevel PKP, PKA, PKN_II, PKN_I or null */
    public void verifiedTraining(String nip, int year, double jp, String leadershipLevel) {
        exec("""
                insert into training_record_replica (record_id, nip, year, method_code, title, end_date, jp, recognised_jp, status,
                                                     leadership_level, source_version, event_id, event_at)
                values (?, ?, ?, 'KL01', 'Pelatihan', ?, ?, ?, 'VERIFIED', ?, 1, 'fixture', now())""",
                UUID.randomUUID().toString(), nip, year, LocalDate.of(year, 6, 30), BigDecimal.valueOf(jp), BigDecimal.valueOf(jp),
                leadershipLevel);
    }

    /**
     * A stored profile row as the profile service would write it (for reports that read profiles without computing
     * them); body is a minimal view.
     */
    public void profile(String nip, int year, Integer box, Double meritScore, boolean eligible, String gender, LocalDate birthDate,
                        String orgUnitCode, String orgUnitPath) {
        exec("""
                insert into merit_profile (nip, year, revision, policy_version, box, merit_score, eligible_for_talent_pool, gender,
                                           birth_date, org_unit_code, org_unit_path, fingerprint, body, cause_type, cause, computed_at)
                values (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, 'fixture', cast(? as jsonb), 'REBUILD', 'fixture', now())
                on conflict (nip, year) do update set box = excluded.box, merit_score = excluded.merit_score,
                    eligible_for_talent_pool = excluded.eligible_for_talent_pool, org_unit_code = excluded.org_unit_code,
                    org_unit_path = excluded.org_unit_path, gender = excluded.gender, birth_date = excluded.birth_date""",
                nip, year, box == null ? null : box.shortValue(), meritScore == null ? null : BigDecimal.valueOf(meritScore), eligible,
                gender, birthDate, orgUnitCode, orgUnitPath, "{\"nip\":\"" + nip + "\",\"year\":" + year + "}");
    }

    public void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
