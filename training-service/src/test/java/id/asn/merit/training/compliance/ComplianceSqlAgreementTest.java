package id.asn.merit.training.compliance;

import id.asn.merit.training.domain.JpCompliance;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL the list and summary classify with ({@link ComplianceSql#status}) answers exactly what the rule
 * {@link JpCompliance#status} answers, on the AT_RISK boundary (recognised × daysInYear = required × elapsedDays, one
 * cent either side), on the first and last day of a (leap) year, before and after it.
 */
@QuarkusTest
class ComplianceSqlAgreementTest {
    @Inject
    AgroalDataSource ds;

    @Test
    void sqlAndJavaAgreeOnTheBoundaries() throws Exception {
        List<LocalDate> days = new ArrayList<>();
        for (int year : new int[]{2024, 2025}) {
            days.add(LocalDate.of(year - 1, 12, 31));
            days.add(LocalDate.of(year, 1, 1));
            days.add(LocalDate.of(year, 1, 2));
            days.add(LocalDate.of(year, 3, 14));
            days.add(LocalDate.of(year, 6, 30));
            days.add(LocalDate.of(year, 12, 30));
            days.add(LocalDate.of(year, 12, 31));
            days.add(LocalDate.of(year + 1, 1, 1));
        }
        int compared = 0;
        int atRisk = 0;
        int exactBoundaries = 0;
        try (Connection c = ds.getConnection()) {
            for (int year : new int[]{2024, 2025}) {
                for (LocalDate asOf : days) {
                    for (BigDecimal required : List.of(new BigDecimal("20"), new BigDecimal("24"), new BigDecimal("20.5"), new BigDecimal("36.5"))) {
                        long elapsed = JpCompliance.elapsedDays(year, asOf);
                        BigDecimal boundary = required.multiply(BigDecimal.valueOf(elapsed))
                                .divide(BigDecimal.valueOf(Year.of(year).length()), 10, RoundingMode.HALF_UP);
                        TreeSet<BigDecimal> candidates = new TreeSet<>();
                        BigDecimal cent = new BigDecimal("0.01");
                        BigDecimal down = boundary.setScale(2, RoundingMode.FLOOR);
                        for (BigDecimal v : List.of(BigDecimal.ZERO, down.subtract(cent), down, down.add(cent),
                                boundary.setScale(2, RoundingMode.CEILING), required.subtract(cent), required, required.add(cent))) {
                            if (v.signum() >= 0) {
                                candidates.add(v);
                            }
                        }
                        if (boundary.stripTrailingZeros().scale() <= 2) {
                            exactBoundaries++;
                        }
                        String sql = "select " + ComplianceSql.status(year, asOf) + " from (values (?::numeric, ?::numeric)) v(required_jp, recognised_jp)";
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            for (BigDecimal recognised : candidates) {
                                ps.setBigDecimal(1, required);
                                ps.setBigDecimal(2, recognised);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    JpCompliance.Status java = JpCompliance.status(required, recognised, year, asOf);
                                    assertEquals(java.name(), rs.getString(1),
                                            "year " + year + " asOf " + asOf + " required " + required + " recognised " + recognised);
                                    compared++;
                                    if (java == JpCompliance.Status.AT_RISK) {
                                        atRisk++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 500, "compared " + compared);
        assertTrue(atRisk > 50, "AT_RISK cases " + atRisk);
        assertTrue(exactBoundaries > 5, "cases exactly on the boundary " + exactBoundaries);
    }

    @Test
    void theStatementOfAYearThatHasEndedHasNoAtRisk() {
        assertTrue(!ComplianceSql.status(2025, LocalDate.of(2026, 1, 1)).contains("AT_RISK"));
        assertTrue(ComplianceSql.status(2025, LocalDate.of(2025, 1, 1)).contains("AT_RISK"));
    }
}
