package id.asn.merit.merit.repository;

import id.asn.merit.merit.domain.MeritPolicy;
import id.asn.merit.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MeritPolicyRepository implements PanacheRepositoryBase<MeritPolicy, Integer> {

    /** The newest version, the one in force. */
    public Optional<MeritPolicy> newest() {
        return find("order by version desc").firstResultOptional();
    }

    public Page newestFirst(PageRequest paging) {
        PanacheQuery<MeritPolicy> query = findAll(Sort.descending("version"));
        return new Page(query.page(paging.page(), paging.size()).list(), query.count());
    }

    /** Serialises publishers until the end of the transaction, so version numbers are taken one at a time. */
    public void lockForPublishing() {
        getEntityManager().createNativeQuery("lock table merit_policy in share row exclusive mode").executeUpdate();
    }

    public record Page(List<MeritPolicy> items, long total) {
    }
}
