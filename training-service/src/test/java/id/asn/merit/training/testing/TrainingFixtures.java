package id.asn.merit.training.testing;

import id.asn.merit.training.service.JpLedger;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Writes replica rows and training records straight into the tables, for REST tests of reports (compliance,
 * leadership training, plans) that need data without going through the broker or the record API (the consumer and
 * record tests cover those paths). Upserts replicas, so tests may re-run; use fresh NIPs and unit codes per test
 * class (the app and its database are shared by every test of the module).
 */
@ApplicationScoped
public class TrainingFixtures {
    @Inject
    AgroalDataSource ds;
    @Inject
    EntityManager em;
    @Inject
    JpLedger ledger;

    public void unit(String code, String parentCode, String path) {
        exec("""
                insert into org_unit_replica (code, name, parent_code, path, level, status, last_event_id)
                values (?, ?, ?, ?, null, 'ACTIVE', 'fixture')
                on conflict (code) do update set parent_code = excluded.parent_code, path = excluded.path, status = 'ACTIVE'""",
                code, "Unit " + code, parentCode, path);
    }

    /** @param leadership the position's requiredLeadershipTraining (PKP, PKA, PKN_II, PKN_I) or null */
    public void position(String code, String orgUnitCode, String type, String leadership) {
        exec("""
                insert into position_replica (code, title, org_unit_code, type, required_leadership_training, status, last_event_id)
                values (?, ?, ?, ?, ?, 'ACTIVE', 'fixture')
                on conflict (code) do update set org_unit_code = excluded.org_unit_code, type = excluded.type,
                    required_leadership_training = excluded.required_leadership_training, status = 'ACTIVE'""",
                code, "Jabatan " + code, orgUnitCode, type, leadership);
    }

    /** An ACTIVE PNS; @param orgUnitPath unit codes root first joined by '/' */
    public void employee(String nip, String name, String positionCode, String positionType, String orgUnitCode, String orgUnitPath) {
        employee(nip, name, "PNS", "ACTIVE", positionCode, positionType, orgUnitCode, orgUnitPath);
    }

    public void employee(String nip, String name, String employmentType, String status, String positionCode, String positionType,
                         String orgUnitCode, String orgUnitPath) {
        exec("""
                insert into employee_replica (nip, name, employment_type, position_code, position_type, org_unit_code, org_unit_path,
                                              status, source_version, last_event_id, last_event_type)
                values (?, ?, ?, ?, ?, ?, ?, ?, 1, 'fixture', 'fixture')
                on conflict (nip) do update set name = excluded.name, employment_type = excluded.employment_type,
                    position_code = excluded.position_code, position_type = excluded.position_type,
                    org_unit_code = excluded.org_unit_code, org_unit_path = excluded.org_unit_path, status = excluded.status""",
                nip, name, employmentType, positionCode, positionType, orgUnitCode, orgUnitPath, status);
    }

    /** A competency the person is below standard in ({@code actual < required}), or not assessed when actual is null. */
    public void gap(String nip, String positionCode, String competencyCode, int required, BigDecimal actual, String importance) {
        exec("""
                insert into competency_gap_replica (nip, competency_code, position_code, required_level, actual_level, gap,
                                                    importance, not_assessed, last_event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'fixture')
                on conflict (nip, competency_code) do update set position_code = excluded.position_code,
                    required_level = excluded.required_level, actual_level = excluded.actual_level, gap = excluded.gap,
                    importance = excluded.importance, not_assessed = excluded.not_assessed""",
                nip, competencyCode, positionCode, required, actual, actual == null ? null : actual.subtract(BigDecimal.valueOf(required)),
                importance, actual == null);
    }

    /** A record as the API would store it, then the person-year's ledger refreshed; returns its id. */
    public UUID record(String nip, String methodCode, LocalDate start, LocalDate end, String jp, String status,
                       List<String> competencyCodes, String leadershipLevel, Long cost) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into training_record (id, nip, title, method_code, organizer, start_date, end_date, year, jp,
                        certificate_number, competency_codes, leadership_level, cost, status, submitted_by)
                    values (:id, :nip, :title, :m, 'Fixture Organizer', :s, :e, :y, :jp, :cert, cast(:codes as varchar(50)[]),
                        :lead, :cost, :st, 'fixture')""")
                    .setParameter("id", id).setParameter("nip", nip).setParameter("title", "Training " + id)
                    .setParameter("m", methodCode).setParameter("s", start).setParameter("e", end)
                    .setParameter("y", end.getYear()).setParameter("jp", new BigDecimal(jp))
                    .setParameter("cert", "CERT-" + id).setParameter("codes", "{" + String.join(",", competencyCodes) + "}")
                    .setParameter("lead", leadershipLevel).setParameter("cost", cost).setParameter("st", status)
                    .executeUpdate();
            ledger.refresh(List.of(new JpLedger.PersonYear(nip, end.getYear())), id);
        });
        return id;
    }

    /** A VERIFIED record without competencies, leadership level or cost. */
    public UUID verified(String nip, String methodCode, LocalDate start, LocalDate end, String jp) {
        return record(nip, methodCode, start, end, jp, "VERIFIED", List.of(), null, null);
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
