package id.asn.merit.merit.domain;

/** Merit score (nilai talenta) = weighted performance and potential; the policy default is 50/50 (SYSTEM.md §6.4). */
public final class MeritScore {
    private MeritScore() {
    }

    public static double of(double performance, double potential, double performanceWeight, double potentialWeight) {
        double total = performanceWeight + potentialWeight;
        if (total <= 0 || performanceWeight < 0 || potentialWeight < 0) {
            throw new IllegalArgumentException("merit weights must be non-negative and not both zero");
        }
        return PotentialScore.round((performance * performanceWeight + potential * potentialWeight) / total);
    }

    public static double of(double performance, double potential, MeritPolicyRules.MeritWeights weights) {
        return of(performance, potential, weights.performance().doubleValue(), weights.potential().doubleValue());
    }
}
