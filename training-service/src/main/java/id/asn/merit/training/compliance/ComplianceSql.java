package id.asn.merit.training.compliance;

import id.asn.merit.platform.security.PersonAccess;
import id.asn.merit.training.domain.JpCompliance;
import id.asn.merit.training.service.JpRequirements;

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
     * The requirement of employee {@code e} as a CASE over the policy's employment types, bound as parameters
     * ({@code reqType0, reqJp0, ...}, {@code defaultJp}): no join, so an ordered index scan can feed a page.
     */
    static String required(JpRequirements.Policy policy, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("(case e.employment_type");
        int i = 0;
        for (String type : policy.required().keySet().stream().sorted().toList()) {
            sql.append(" when :reqType").append(i).append("::varchar then :reqJp").append(i).append("::numeric");
            params.put("reqType" + i, type);
            params.put("reqJp" + i, policy.required().get(type));
            i++;
        }
        params.put("defaultJp", policy.defaultJp());
        return sql.append(" else :defaultJp::numeric end)").toString();
    }

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
                where %s""".formatted(required(policy, params), scope.where(params));
    }
}
