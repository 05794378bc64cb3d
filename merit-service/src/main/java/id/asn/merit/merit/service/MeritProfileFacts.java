package id.asn.merit.merit.service;

import id.asn.merit.merit.domain.DisciplineWindow;
import id.asn.merit.merit.domain.MeritPolicyRules;
import id.asn.merit.merit.domain.MeritProfileCalculator.Facts;
import id.asn.merit.merit.domain.MeritProfileCalculator.Input;
import id.asn.merit.merit.domain.MeritProfileCalculator.PotentialTest;
import id.asn.merit.merit.domain.MeritProfileCalculator.Skp;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads what profiles are computed from, for many people at once: one query per read-model table for the whole set
 * of NIPs (the bulk recomputation's chunk, or the single person of an event), so nothing is read person by person.
 */
final class MeritProfileFacts {
    /** The employee as the replica holds them, with the current position's minimum education. */
    record Person(String nip, String name, String gender, LocalDate birthDate, String employmentType, String educationLevel,
            String positionCode, String orgUnitCode, String orgUnitPath, String status, String lastEventId, String lastEventType,
            OffsetDateTime lastEventAt, String minEducationLevel, String positionEventId, OffsetDateTime positionAt) {
        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    private record Jpm(String positionCode, BigDecimal jpm, String eventId, String eventType, OffsetDateTime at) {
    }

    private record Jp(BigDecimal recognised, BigDecimal required, String eventId, OffsetDateTime at) {
    }

    final Map<String, Person> people = new HashMap<>();
    private final Map<String, List<Skp>> skp = new HashMap<>();
    private final Map<String, Jpm> jpm = new HashMap<>();
    private final Map<String, List<PotentialTest>> tests = new HashMap<>();
    private final Map<String, List<DisciplineWindow.Decision>> disciplines = new HashMap<>();
    private final Map<String, OffsetDateTime> disciplineAt = new HashMap<>();
    private final Map<String, Jp> jp = new HashMap<>();

    private MeritProfileFacts() {
    }

    static MeritProfileFacts load(Connection c, Collection<String> nips, Collection<Integer> years) throws SQLException {
        MeritProfileFacts f = new MeritProfileFacts();
        Array nipArray = c.createArrayOf("varchar", nips.toArray());
        try (PreparedStatement ps = c.prepareStatement("""
                select e.nip, e.name, e.gender, e.birth_date, e.employment_type, e.education_level, e.position_code, e.org_unit_code,
                       e.org_unit_path, e.status, e.last_event_id, e.last_event_type, e.last_event_at,
                       p.min_education_level, p.last_event_id, p.last_event_at
                from employee_replica e left join position_replica p on p.code = e.position_code
                where e.nip = any(?)""")) {
            ps.setArray(1, nipArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Person p = new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getObject(13, OffsetDateTime.class), rs.getString(14),
                            rs.getString(15), rs.getObject(16, OffsetDateTime.class));
                    f.people.put(p.nip(), p);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select nip, year, rating, event_id, event_at from skp_rating where nip = any(?) and period = 'ANNUAL'""")) {
            ps.setArray(1, nipArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rating = rs.getString(3);
                    f.skp.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Skp(rs.getInt(2), rating,
                            new Input(MeritEvents.PERFORMANCE_RATED, rs.getString(4), rating, rs.getObject(5, OffsetDateTime.class))));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select nip, position_code, case when coverage = 0 then null else jpm end, event_id, event_type, event_at
                from competency_match where nip = any(?)""")) {
            ps.setArray(1, nipArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    f.jpm.put(rs.getString(1), new Jpm(rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select nip, id, year, score, instrument, assessed_on, recorded_at from potential_test where nip = any(?)""")) {
            ps.setArray(1, nipArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal score = rs.getBigDecimal(4);
                    f.tests.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PotentialTest(rs.getInt(3),
                            score.doubleValue(), rs.getObject(6, LocalDate.class), rs.getString(5),
                            new Input(MeritEvents.POTENTIAL_TEST_SOURCE, rs.getString(2), plain(score),
                                    rs.getObject(7, OffsetDateTime.class))));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select nip, event_id, level, decided_on, event_at from discipline_record where nip = any(?)""")) {
            ps.setArray(1, nipArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    f.disciplines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DisciplineWindow.Decision(
                            DisciplineWindow.Level.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(2)));
                    f.disciplineAt.put(rs.getString(2), rs.getObject(5, OffsetDateTime.class));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select nip, year, recognised_jp, required_jp, event_id, event_at from jp_year where nip = any(?) and year = any(?)""")) {
            ps.setArray(1, nipArray);
            ps.setArray(2, c.createArrayOf("integer", years.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    f.jp.put(rs.getString(1) + "/" + rs.getInt(2), new Jp(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class)));
                }
            }
        }
        return f;
    }

    /** 90.00 → 90, 86.50 → 86.5 (never 9E+1): the value as a person writes it, stable for the fingerprint. */
    static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    Person person(String nip) {
        return people.get(nip);
    }

    /** The calculator's facts of one person (who must be in the replica) for one year. */
    Facts facts(Person p, int year, LocalDate asOf, MeritPolicyRules rules) {
        String nip = p.nip();
        Jpm match = jpm.get(nip);
        Double jpmValue = null;
        String jpmPosition = null;
        Input jpmInput = null;
        // the JPM counts only against the position the person holds now (a match of an earlier post is stale); a JPM
        // over no assessed competency (coverage 0: a person placed but not yet assessed) is no JPM, not a 0 — the
        // competency part is then missing and re-weighted, as a missing potential test is
        if (match != null && match.jpm() != null && (match.positionCode() == null || match.positionCode().equals(p.positionCode()))) {
            jpmValue = match.jpm().doubleValue();
            jpmPosition = match.positionCode();
            jpmInput = new Input(match.eventType(), match.eventId(), plain(match.jpm()), match.at());
        }
        Input educationInput = p.educationLevel() == null ? null
                : new Input(p.lastEventType(), p.lastEventId(), p.educationLevel(), p.lastEventAt());
        Input positionInput = p.minEducationLevel() == null ? null
                : new Input(MeritEvents.POSITION_CHANGED, p.positionEventId(), p.minEducationLevel(), p.positionAt());
        List<DisciplineWindow.Decision> decisions = disciplines.getOrDefault(nip, List.of());
        List<Input> disciplineInputs = decisions.stream()
                .filter(d -> DisciplineWindow.within(d.decidedOn(), asOf, rules.disciplineLookbackYears()))
                .sorted(java.util.Comparator.comparing(DisciplineWindow.Decision::decidedOn).thenComparing(DisciplineWindow.Decision::eventId))
                .map(d -> new Input(MeritEvents.DISCIPLINED, d.eventId(), d.level().name(), disciplineAt.get(d.eventId())))
                .toList();
        Jp year_ = jp.get(nip + "/" + year);
        BigDecimal recognised = year_ == null ? null : year_.recognised();
        BigDecimal required = year_ != null ? year_.required()
                : p.employmentType() == null ? null : rules.requiredJpPerYear().get(p.employmentType());
        Input jpInput = year_ == null ? null
                : new Input(MeritEvents.TRAINING_VERIFIED, year_.eventId(), plain(year_.recognised()), year_.at());
        List<Skp> ratings = new ArrayList<>(skp.getOrDefault(nip, List.of()));
        ratings.sort(java.util.Comparator.comparingInt(Skp::year));
        List<PotentialTest> potential = new ArrayList<>(tests.getOrDefault(nip, List.of()));
        potential.sort(java.util.Comparator.comparing(PotentialTest::assessedOn).thenComparing(t -> t.input().id()));
        return new Facts(nip, year, asOf, ratings, jpmValue, jpmPosition, jpmInput, potential, p.educationLevel(), p.positionCode(),
                p.minEducationLevel(), educationInput, positionInput, decisions, disciplineInputs, recognised, required, jpInput);
    }
}
