package id.asn.merit.training.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The JSON of the development-plan API: requests and views. */
public final class PlanApi {
    private PlanApi() {
    }

    @Schema(name = "DevelopmentPlanRequest")
    public record PlanRequest(
            @Schema(description = "the plan year", example = "2026", required = true) Integer year,
            @Schema(description = "the unit the plan is for (its subtree is planned)", example = "DINKES", required = true) String orgUnitCode,
            @Schema(description = "title", example = "Rencana Pengembangan Kompetensi Dinas Kesehatan 2026", required = true) String title,
            @Schema(description = "items (may also be added later with POST .../{id}/items)") List<ItemRequest> items) {
    }

    @Schema(name = "DevelopmentPlanSchedule")
    public record Schedule(
            @Schema(format = "date", example = "2026-03-01", required = true) LocalDate from,
            @Schema(format = "date", example = "2026-06-30", required = true) LocalDate to) {
    }

    @Schema(name = "DevelopmentPlanItemRequest", description = "targetNips or targetPositionCodes, one of the two")
    public record ItemRequest(
            @Schema(example = "M.3", required = true) String competencyCode,
            @Schema(example = "KL02", required = true) String methodCode,
            @Schema(description = "the people targeted (18-digit NIPs)") List<String> targetNips,
            @Schema(description = "the positions whose active holders are targeted") List<String> targetPositionCodes,
            @Schema(description = "JP planned for the item (> 0)", example = "20", required = true) BigDecimal plannedJp,
            @Schema(description = "rupiah, a whole number ≥ 0 (default 0)", example = "15000000") BigDecimal budget,
            @Schema(required = true) Schedule schedule) {
    }

    @Schema(name = "DevelopmentPlanItem")
    public record ItemView(UUID id, String competencyCode, String methodCode, List<String> targetNips,
                           List<String> targetPositionCodes, BigDecimal plannedJp, long budget, Schedule schedule,
                           boolean generated, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
        static ItemView of(DevelopmentPlanItem i) {
            return new ItemView(i.id, i.competencyCode, i.methodCode, List.of(i.targetNips), List.of(i.targetPositionCodes),
                    i.plannedJp, i.budget, new Schedule(i.scheduleFrom, i.scheduleTo), i.generated, i.reason);
        }
    }

    @Schema(name = "DevelopmentPlanTotals")
    public record PlanTotals(int items, BigDecimal plannedJp, long budget) {
    }

    @Schema(name = "DevelopmentPlan")
    public record PlanView(UUID id, int year, String orgUnitCode, String title, DevelopmentPlan.Status status, int revision,
                           UUID revisionOf, UUID revisedBy, long version, String approvedBy, OffsetDateTime approvedAt,
                           String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, PlanTotals totals,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ItemView> items) {
    }

    @Schema(name = "DevelopmentPlanGeneration")
    public record GenerationView(UUID planId, long version, int generated, int replaced, List<ItemView> items) {
    }

    @Schema(name = "DevelopmentPlanPersonRef")
    public record PersonRef(String nip, String name) {
    }

    @Schema(name = "DevelopmentPlanRealisedRecord")
    public record RecordRef(UUID id, String nip, BigDecimal jp, BigDecimal claimedJp, Long cost) {
    }

    @Schema(name = "DevelopmentPlanItemRealisation")
    public record ItemRealisation(UUID itemId, String competencyCode, String methodCode, BigDecimal plannedJp,
                                  BigDecimal realisedJp, long budget, long spent, int peopleTargeted, int peopleReached,
                                  List<PersonRef> notReached, List<RecordRef> records) {
    }

    @Schema(name = "DevelopmentPlanRealisationTotals")
    public record RealisationTotals(BigDecimal plannedJp, BigDecimal realisedJp, long budget, long spent, int peopleTargeted,
                                    int peopleReached, BigDecimal percentReached) {
    }

    @Schema(name = "DevelopmentPlanRealisation")
    public record Realisation(UUID planId, int year, String orgUnitCode, DevelopmentPlan.Status status, long version,
                              List<ItemRealisation> items, RealisationTotals totals) {
    }
}
