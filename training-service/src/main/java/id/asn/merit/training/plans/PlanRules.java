package id.asn.merit.training.plans;

import id.asn.merit.platform.problem.Problem.FieldError;
import id.asn.merit.training.plans.PlanApi.ItemRequest;
import id.asn.merit.training.plans.PlanApi.PlanRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of a plan and its items, checked without the database (a pure function): every wrong field named, an
 * item's field with its index ({@code items[2].schedule.to}). Whether the codes exist (competency, method, unit) is
 * the service's check (422), after this one (400).
 */
public final class PlanRules {
    public static final int MAX_ITEMS = 500;
    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final BigDecimal MAX_JP = new BigDecimal("99999.99");

    private PlanRules() {
    }

    public static List<FieldError> checkPlan(PlanRequest plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.year() == null) {
            errors.add(new FieldError("year", "is required"));
        } else if (plan.year() < 2000 || plan.year() > 2100) {
            errors.add(new FieldError("year", "must be between 2000 and 2100"));
        }
        text(errors, "orgUnitCode", plan.orgUnitCode(), 50);
        text(errors, "title", plan.title(), 300);
        if (plan.items() != null) {
            if (plan.items().size() > MAX_ITEMS) {
                errors.add(new FieldError("items", "at most " + MAX_ITEMS + " items"));
            } else if (plan.year() != null) {
                for (int i = 0; i < plan.items().size(); i++) {
                    errors.addAll(checkItem(plan.items().get(i), "items[" + i + "].", plan.year()));
                }
            }
        }
        return errors;
    }

    /** @param prefix put before each field ("items[2]." in a plan, "" for one item) */
    public static List<FieldError> checkItem(ItemRequest item, String prefix, int year) {
        List<FieldError> errors = new ArrayList<>();
        if (item == null) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "is required"));
            return errors;
        }
        text(errors, prefix + "competencyCode", item.competencyCode(), 50);
        text(errors, prefix + "methodCode", item.methodCode(), 10);
        boolean nips = item.targetNips() != null && !item.targetNips().isEmpty();
        boolean positions = item.targetPositionCodes() != null && !item.targetPositionCodes().isEmpty();
        if (nips && positions) {
            errors.add(new FieldError(prefix + "targetPositionCodes", "give targetNips or targetPositionCodes, not both"));
        } else if (!nips && !positions) {
            errors.add(new FieldError(prefix + "targetNips", "at least one target is required (targetNips or targetPositionCodes)"));
        } else if (nips) {
            if (item.targetNips().size() > 10_000) {
                errors.add(new FieldError(prefix + "targetNips", "at most 10000 people"));
            }
            for (int j = 0; j < item.targetNips().size() && j < 10_000; j++) {
                String nip = item.targetNips().get(j);
                if (nip == null || !NIP.matcher(nip).matches()) {
                    errors.add(new FieldError(prefix + "targetNips[" + j + "]", "must be an 18-digit NIP"));
                }
            }
        } else {
            if (item.targetPositionCodes().size() > 1_000) {
                errors.add(new FieldError(prefix + "targetPositionCodes", "at most 1000 positions"));
            }
            for (int j = 0; j < item.targetPositionCodes().size() && j < 1_000; j++) {
                text(errors, prefix + "targetPositionCodes[" + j + "]", item.targetPositionCodes().get(j), 50);
            }
        }
        BigDecimal jp = item.plannedJp();
        if (jp == null) {
            errors.add(new FieldError(prefix + "plannedJp", "is required"));
        } else if (jp.signum() <= 0) {
            errors.add(new FieldError(prefix + "plannedJp", "must be above 0"));
        } else if (jp.compareTo(MAX_JP) > 0 || jp.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(prefix + "plannedJp", "must be at most 99999.99 with at most 2 decimals"));
        }
        BigDecimal budget = item.budget();
        if (budget != null) {
            if (budget.signum() < 0) {
                errors.add(new FieldError(prefix + "budget", "must be 0 or more (rupiah)"));
            } else if (budget.stripTrailingZeros().scale() > 0) {
                errors.add(new FieldError(prefix + "budget", "must be a whole number of rupiah"));
            } else if (budget.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
                errors.add(new FieldError(prefix + "budget", "is too large"));
            }
        }
        PlanApi.Schedule s = item.schedule();
        if (s == null) {
            errors.add(new FieldError(prefix + "schedule", "is required"));
        } else {
            if (s.from() == null) {
                errors.add(new FieldError(prefix + "schedule.from", "is required"));
            }
            if (s.to() == null) {
                errors.add(new FieldError(prefix + "schedule.to", "is required"));
            }
            if (s.from() != null && s.to() != null) {
                if (s.to().isBefore(s.from())) {
                    errors.add(new FieldError(prefix + "schedule.to", "must be on or after schedule.from"));
                } else if (s.from().isAfter(LocalDate.of(year, 12, 31))) {
                    errors.add(new FieldError(prefix + "schedule.from", "must lie inside or overlap the plan year " + year));
                } else if (s.to().isBefore(LocalDate.of(year, 1, 1))) {
                    errors.add(new FieldError(prefix + "schedule.to", "must lie inside or overlap the plan year " + year));
                }
            }
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }
}
