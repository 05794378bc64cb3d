package id.asn.merit.competency.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.domain.Competency;
import id.asn.merit.competency.domain.CompetencyLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Entity ↔ API model. Indicators are kept as a JSON array per level. */
@ApplicationScoped
public class CompetencyMapper {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    public CompetencyView toView(Competency c) {
        List<CompetencyLevelModel> levels = new ArrayList<>();
        for (CompetencyLevel l : c.levels) {
            levels.add(new CompetencyLevelModel(l.level, l.title, l.description, readIndicators(c.code, l.indicatorsJson)));
        }
        levels.sort(Comparator.comparing(CompetencyLevelModel::level));
        return new CompetencyView(c.code, c.competencyGroup, c.name, c.definition, levels, c.retired(), c.retiredAt, c.version);
    }

    /** Copies everything but the code (the identity) from the request onto the entity. */
    public void apply(CompetencyRequest r, Competency c) {
        c.competencyGroup = r.group();
        c.name = r.name().trim();
        c.definition = r.definition() == null || r.definition().isBlank() ? null : r.definition().trim();
        c.updatedAt = OffsetDateTime.now();
        c.levels.clear();
        r.levels().stream().sorted(Comparator.comparing(CompetencyLevelModel::level)).forEach(l -> {
            CompetencyLevel level = new CompetencyLevel();
            level.level = l.level();
            level.title = l.title().trim();
            level.description = l.description();
            level.indicatorsJson = writeIndicators(l.indicators());
            c.levels.add(level);
        });
    }

    private List<String> readIndicators(String code, String value) {
        try {
            return value == null ? List.of() : json.readValue(value, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable indicators of competency " + code, e);
        }
    }

    private String writeIndicators(List<String> indicators) {
        try {
            return json.writeValueAsString(indicators == null ? List.of() : indicators.stream().map(String::trim).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
