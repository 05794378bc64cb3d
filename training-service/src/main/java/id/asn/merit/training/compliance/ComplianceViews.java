package id.asn.merit.training.compliance;

import id.asn.merit.training.domain.JpCompliance;
import id.asn.merit.training.domain.JpRecognition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the JP compliance API answers (SYSTEM.md §3, §6.3). JP figures carry 2 decimals. */
public final class ComplianceViews {
    private ComplianceViews() {
    }

    @Schema(name = "JpComplianceRow", description = "One active employee's JP of the year against the requirement")
    public record Row(
            @Schema(example = "198503302010012001") String nip,
            @Schema(example = "Siti Aminah") String name,
            @Schema(example = "DINKES-SEKR") String orgUnitCode,
            @Schema(example = "ANALIS-SDM") String positionCode,
            @Schema(example = "PNS") String employmentType,
            @Schema(example = "20.00") BigDecimal requiredJp,
            @Schema(example = "14.00") BigDecimal recognisedJp,
            @Schema(example = "17.00", description = "raw JP of every record not REJECTED, before caps") BigDecimal claimedJp,
            @Schema(example = "6.00") BigDecimal shortfall,
            @Schema(example = "AT_RISK") JpCompliance.Status status) {
        static final String CSV_HEADER = "nip,name,orgUnitCode,positionCode,employmentType,requiredJp,recognisedJp,claimedJp,shortfall,status";

        Object[] csv() {
            return new Object[]{nip, name, orgUnitCode, positionCode, employmentType, requiredJp, recognisedJp, claimedJp, shortfall,
                    status.name()};
        }
    }

    @Schema(name = "JpComplianceSummary", description = "The whole scope (not only the status asked for)")
    public record Summary(
            @Schema(example = "120") long employees,
            @Schema(example = "80") long met,
            @Schema(example = "25") long atRisk,
            @Schema(example = "15") long notMet,
            @Schema(example = "66.67", description = "100 × met ÷ employees, 2 decimals (0 for nobody)") BigDecimal percentMet,
            @Schema(example = "2150.50", description = "recognised JP of everyone in scope") BigDecimal totalJp,
            @Schema(example = "17.92", description = "totalJp ÷ employees, 2 decimals (0 for nobody)") BigDecimal averageJp) {
    }

    @Schema(name = "JpCompliancePage", description = "A page of the compliance list with the summary of the whole scope")
    public record Page(List<Row> items, int page, int size, long total, Summary summary,
                       @Schema(example = "2026") int year,
                       @Schema(example = "2026-06-30", description = "the day the status is judged on (today, Asia/Jakarta)") LocalDate asOf,
                       @Schema(example = "1") int requirementVersion) {
    }

    @Schema(name = "JpComplianceRecordLine", description = "One record of the year and what recognition did with it")
    public record RecordLine(
            UUID id,
            @Schema(example = "Mentoring SDM aparatur") String title,
            @Schema(example = "NKL02") String methodCode,
            LocalDate startDate,
            LocalDate endDate,
            @Schema(example = "VERIFIED") JpRecognition.Status status,
            @Schema(example = "5.00", description = "the record's own JP") BigDecimal claimedJp,
            @Schema(example = "2.00") BigDecimal recognisedJp,
            @Schema(example = "PER_RECORD") JpRecognition.Cut cut,
            @Schema(example = "method NKL02 counts at most 2 JP per record", nullable = true) String capNote) {
    }

    @Schema(name = "JpPersonCompliance", description = "A person's compliance of the year and every record of that year behind it")
    public record Person(
            String nip, String name, String orgUnitCode, String positionCode, String employmentType,
            @Schema(example = "ACTIVE", nullable = true, description = "null when the person is known only by records") String employeeStatus,
            BigDecimal requiredJp, BigDecimal recognisedJp, BigDecimal claimedJp, BigDecimal shortfall, JpCompliance.Status status,
            @Schema(example = "2026") int year, LocalDate asOf, @Schema(example = "1") int requirementVersion,
            List<RecordLine> records) {
    }

    @Schema(name = "JpForecastRow", description = "Someone who ends the year short at their pace so far")
    public record ForecastRow(
            @Schema(example = "198503302010012001") String nip,
            @Schema(example = "Siti Aminah") String name,
            @Schema(example = "DINKES-SEKR") String orgUnitCode,
            @Schema(example = "20.00") BigDecimal requiredJp,
            @Schema(example = "4.00", description = "recognised from the records ending on or before asOf") BigDecimal recognisedJp,
            @Schema(example = "8.07", description = "recognised × daysInYear ÷ elapsed days, 2 decimals") BigDecimal projectedJp,
            @Schema(example = "11.93", description = "required − projected") BigDecimal expectedShortfall) {
    }

    @Schema(name = "JpForecastSummary")
    public record ForecastSummary(
            @Schema(example = "120") long employees,
            @Schema(example = "31") long expectedShort,
            @Schema(example = "240.75") BigDecimal totalExpectedShortfall) {
    }

    @Schema(name = "JpForecastPage", description = "Who ends the year short, largest expected shortfall first")
    public record ForecastPage(List<ForecastRow> items, int page, int size, long total, ForecastSummary summary,
                               @Schema(example = "2026") int year, LocalDate asOf, @Schema(example = "1") int requirementVersion) {
    }

    @Schema(name = "JpRequirementPolicy", description = "The JP required a year per employment type, one version")
    public record Policy(
            @Schema(example = "2") int version,
            @Schema(example = "{\"PNS\": 20, \"CPNS\": 20, \"PPPK\": 24}") Map<String, BigDecimal> required,
            @Schema(example = "20", description = "for an employment type not listed") BigDecimal defaultJp,
            @Schema(example = "admin") String changedBy,
            OffsetDateTime changedAt,
            @Schema(example = "PPPK: 24 JP per contract year", nullable = true) String reason) {
    }

    @Schema(name = "JpRequirementPolicyRequest", description = "A new version of the JP requirement")
    public record PolicyRequest(
            @Schema(example = "{\"PNS\": 20, \"CPNS\": 20, \"PPPK\": 20}", description = "JP per employment type (PNS, CPNS, PPPK), each > 0")
            Map<String, BigDecimal> required,
            @Schema(example = "20", description = "JP for an employment type not listed, > 0") BigDecimal defaultJp,
            @Schema(example = "PP 11/2017 art. 203(4): 20 JP a year", nullable = true, maxLength = 1000) String reason) {
    }

    @Schema(name = "JpLedgerRebuild", description = "How many person-years were queued for recomputation")
    public record Rebuild(@Schema(example = "98750") int queued) {
    }
}
