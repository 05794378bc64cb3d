package id.asn.merit.training.plans;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.List;

/**
 * How {@code items:generate} turns gaps into items. The pathway rule mirrors competency-service's development needs
 * ({@code GapPolicy.pathway}: a shortfall of at least {@code klasikalFromGap} levels suggests KLASIKAL, a smaller one
 * NONKLASIKAL; its default is 2). training-service cannot read competency-service's policy, so the value is repeated
 * here as configuration and must be changed together with that policy.
 */
@ConfigMapping(prefix = "asn.training.plans.generation")
public interface PlanGenerationConfig {
    /** Shortfall (required − actual, levels) from which the suggested pathway is KLASIKAL. */
    @WithDefault("2")
    BigDecimal klasikalFromGap();

    /** The klasikal method for a competency code with no prefix below: KL03 Pelatihan Teknis. */
    @WithDefault("KL03")
    String klasikalMethod();

    /** {@code prefix=method} pairs, the first matching prefix wins: managerial M.* → KL02, sosial kultural SK.* → KL05. */
    @WithDefault("M.=KL02,SK.=KL05")
    List<String> klasikalMethodByPrefix();

    /** The nonklasikal method: NKL01 coaching. */
    @WithDefault("NKL01")
    String nonklasikalMethod();

    @WithDefault("20")
    BigDecimal klasikalJp();

    @WithDefault("10")
    BigDecimal nonklasikalJp();
}
