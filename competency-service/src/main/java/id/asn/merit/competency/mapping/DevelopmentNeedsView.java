package id.asn.merit.competency.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The AKPK roll-up of a unit (PP 11/2017 art. 206 as amended): per competency how many people are below standard,
 * their average gap and how many of them for a MUTLAK item; per person (paged) their needs, most important first,
 * each with a suggested learning pathway.
 */
@Schema(name = "DevelopmentNeeds")
public record DevelopmentNeedsView(
        @Schema(description = "the unit, null for the whole instansi", example = "DINKES") String orgUnitCode,
        boolean subtree,
        @Schema(description = "the plan year the needs are for", example = "2027") int year,
        @Schema(description = "the date of the gaps the needs are read from (the stored gaps, kept current)") LocalDate asOf,
        @Schema(description = "the gap policy version in force (bands, validity, pathway threshold)", example = "1") int policyVersion,
        @Schema(description = "active people in scope", example = "5000") long people,
        @Schema(description = "people with at least one need", example = "1830") long peopleWithNeeds,
        @Schema(description = "people whose stored gap is queued for recomputation after a template or policy change; 0 when current")
        long pendingRefresh,
        List<CompetencyNeed> byCompetency,
        PersonPage byPerson) {

    @Schema(name = "DevelopmentNeedsCompetency")
    public record CompetencyNeed(
            @Schema(example = "M.4") String competencyCode,
            @Schema(example = "Orientasi pada Hasil") String name,
            @Schema(description = "people assessed below the required level", example = "412") int peopleBelow,
            @Schema(description = "mean gap (actual − required) of those people, negative; null when nobody is below", example = "-1.15")
            BigDecimal averageGap,
            @Schema(description = "of peopleBelow, those for whom the competency is MUTLAK", example = "37") int mutlakCount,
            @Schema(description = "people whose standard requires it but who have no valid score", example = "120") int notAssessed) {
    }

    @Schema(name = "DevelopmentNeedsPersonPage")
    public record PersonPage(List<PersonNeeds> items, int page, int size, long total) {
    }

    @Schema(name = "DevelopmentNeedsPerson")
    public record PersonNeeds(@Schema(example = "198503302010012001") String nip, String name, String positionCode, String orgUnitCode,
                              List<Need> needs) {
    }

    @Schema(name = "DevelopmentNeed")
    public record Need(
            @Schema(example = "M.4") String competencyCode,
            String name,
            @Schema(example = "3") int required,
            @Schema(example = "1.5") BigDecimal actual,
            @Schema(example = "-1.5") BigDecimal gap,
            @Schema(description = "required − actual", example = "1.5") BigDecimal shortfall,
            @Schema(enumeration = {"MUTLAK", "PENTING", "PERLU"}) String importance,
            @Schema(description = "suggested learning pathway (policy data, not regulation)", enumeration = {"KLASIKAL", "NONKLASIKAL"}) String pathway,
            String assessmentId) {
    }

    public static final String CSV_HEADER =
            "nip,name,positionCode,orgUnitCode,competencyCode,competencyName,required,actual,gap,shortfall,importance,pathway,assessmentId";
}
