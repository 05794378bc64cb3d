package id.asn.merit.merit.domain;

/** Merit score = weighted performance and potential (policy default 50/50, SYSTEM.md §6.4). */
public final class MeritScore {
    private MeritScore() {
    }

    public static double of(double performance, double potential, double performanceWeight, double potentialWeight) {
        double total = performanceWeight + potentialWeight;
        return PotentialScore.round((performance * performanceWeight + potential * potentialWeight) / total);
    }
}
