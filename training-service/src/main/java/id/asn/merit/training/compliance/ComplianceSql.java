package id.asn.merit.training.compliance;

import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.training.domain.JpCompliance;
import id.asn.merit.training.service.JpRequirements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;

/**
 * The compliance rule of {@link JpCompliance#status} written as SQL, so a province is classified and summed by the
 * database in one pass over {@code employee_replica ⟕ jp_person_year} instead of row by row in Java. The Java
 * function stays the rule: {@code ComplianceSqlAgreementTest} runs both on its boundary cases.
 */
final class ComplianceSql {
    private ComplianceSql() {
    }

    /**
     * {@link JpCompliance#status} over the columns {@code required_jp} and {@code recognised_jp}: MET at or above the
     * requirement; AT_RISK when the year is running ({@code 0 < elapsed < daysInYear}) and
     * {@code recognised × daysInYear < required × elapsed}; NOT_MET otherwise. The two day counts are whole numbers
     * computed here, written into the statement as literals.
     */
    static String status(int year, LocalDate asOf) {
        long elapsed = JpCompliance.elapsedDays(year, asOf);
        int days = Year.of(year).length();
        boolean running = elapsed > 0 && elapsed < days;
        return "(case when recognised_jp >= required_jp then 'MET'"
                + (running ? " when recognised_jp * " + days + " < required_jp * " + elapsed + " then 'AT_RISK'" : "")
                + " else 'NOT_MET' end)";
    }

    /**
     * The requirement of each employee of {@code employee_replica e} from the policy passed as two arrays (joined as a
     * small VALUES list) and the default for a type not listed: adds {@code reqTypes}, {@code reqJps}, {@code defaultJp}.
     */
    static String requiredJoin(JpRequirements.Policy policy, Map<String, Object> params) {
        String[] types = policy.required().keySet().stream().sorted().toArray(String[]::new);
        BigDecimal[] jps = new BigDecimal[types.length];
        for (int i = 0; i < types.length; i++) {
            jps[i] = policy.required().get(types[i]);
        }
        params.put("reqTypes", types);
        params.put("reqJps", jps);
        params.put("defaultJp", policy.defaultJp());
        return "left join unnest(:reqTypes::varchar[], :reqJps::numeric[]) as req(type, jp) on req.type = e.employment_type";
    }

    /** {@code coalesce(req.jp, default)}: the column expression of the requirement, with {@link #requiredJoin}. */
    static final String REQUIRED = "coalesce(req.jp, :defaultJp::numeric)";

    /**
     * Every active employee in scope with their requirement and the year's ledger totals (0 without a row): columns
     * nip, name, org_unit_code, position_code, employment_type, org_unit_path, required_jp, recognised_jp, claimed_jp.
     */
    static String base(PersonAccess.Scope scope, JpRequirements.Policy policy, int year, Map<String, Object> params) {
        params.put("year", year);
        return """
                select e.nip, e.name, e.org_unit_code, e.position_code, e.employment_type, e.org_unit_path,
                       %s as required_jp, coalesce(p.recognised_jp, 0) as recognised_jp, coalesce(p.claimed_jp, 0) as claimed_jp
                from employee_replica e
                left join jp_person_year p on p.nip = e.nip and p.year = :year
                %s
                where %s""".formatted(REQUIRED, requiredJoin(policy, params), scope.where(params));
    }
}
