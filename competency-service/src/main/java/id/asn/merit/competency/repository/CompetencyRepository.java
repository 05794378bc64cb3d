package id.asn.merit.competency.repository;

import id.asn.merit.competency.domain.Competency;
import id.asn.merit.competency.domain.CompetencyGroup;
import id.asn.merit.competency.domain.RetirementFilter;
import id.asn.merit.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CompetencyRepository implements PanacheRepositoryBase<Competency, String> {

    public Optional<Competency> findByCode(String code) {
        return findByIdOptional(code);
    }

    /** Filtered page, sorted by code (a stable order); {@code q} matches code, name or definition, case-insensitive. */
    public Page search(CompetencyGroup group, RetirementFilter retirement, String q, PageRequest paging) {
        StringBuilder where = new StringBuilder(switch (retirement) {
            case ACTIVE -> "retiredAt is null";
            case RETIRED -> "retiredAt is not null";
            case ALL -> "1 = 1";
        });
        Parameters params = new Parameters();
        if (group != null) {
            where.append(" and competencyGroup = :group");
            params.and("group", group);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(code) like :q or lower(name) like :q or lower(coalesce(definition, '')) like :q)");
            params.and("q", "%" + q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        PanacheQuery<Competency> query = find(where.toString(), Sort.ascending("code"), params);
        return new Page(query.page(paging.page(), paging.size()).list(), query.count());
    }

    public record Page(List<Competency> items, long total) {
    }
}
