package id.asn.merit.merit.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.merit.domain.MeritPolicy;
import id.asn.merit.merit.domain.MeritPolicyRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/** Entity (rules as JSON) ↔ API model (rules flat, next to version, effectiveFrom and note). */
@ApplicationScoped
public class MeritPolicyMapper {
    @Inject
    ObjectMapper json;

    public MeritPolicyRules rules(MeritPolicy p) {
        try {
            return json.readValue(p.rulesJson, MeritPolicyRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rules of merit policy version " + p.version, e);
        }
    }

    public String rulesJson(MeritPolicyRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MeritPolicyView toView(MeritPolicy p) {
        MeritPolicyRules r = rules(p);
        return new MeritPolicyView(p.version, p.effectiveFrom, p.note, p.publishedBy, p.publishedAt,
                ordered(r.performanceScores(), MeritPolicyRules.RATINGS), r.axisCutoffs(), r.potentialWeights(), r.integrityScores(),
                r.disciplineLookbackYears(), r.meritWeights(), r.talentPoolBoxes(), r.jpm(),
                ordered(r.requiredJpPerYear(), MeritPolicyRules.EMPLOYMENT_TYPES), r.performanceFallbackYears(),
                r.qualificationScores(), r.potentialTestValidityYears(), r.nationalPoolBoxes(), r.promotion(), r.fairness(),
                r.meritIndexBands());
    }

    /** The known keys first, in their natural order, so the JSON reads the same every time. */
    private static <V> Map<String, V> ordered(Map<String, V> values, java.util.List<String> order) {
        Map<String, V> result = new LinkedHashMap<>();
        order.forEach(k -> {
            if (values.containsKey(k)) {
                result.put(k, values.get(k));
            }
        });
        values.forEach(result::putIfAbsent);
        return result;
    }
}
