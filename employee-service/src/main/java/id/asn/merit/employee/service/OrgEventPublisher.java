package id.asn.merit.employee.service;

import id.asn.merit.employee.config.OrgConfig;
import id.asn.merit.employee.domain.Employee;
import id.asn.merit.employee.domain.OrgUnit;
import id.asn.merit.employee.mapping.OrgUnitEventData;
import id.asn.merit.employee.messaging.Events;
import id.asn.merit.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes the {@code asn.org.v1} events of a change to a whole subtree (a move, a close) and the
 * {@code asn.employee.updated.v1} events of the people in a moved subtree, in batches of
 * {@code asn.org.event-batch-size} through {@link Outbox#publishAll} on the transaction's own connection, so a large
 * subtree neither fills the persistence context nor commits apart from the change.
 */
@ApplicationScoped
public class OrgEventPublisher {
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    OrgConfig config;
    @Inject
    EmployeeService employees;

    @Transactional(Transactional.TxType.MANDATORY)
    public void unitChanged(OrgUnit unit) {
        outbox.publish(Events.ORG_TOPIC, unit.code, Events.ORG_UNIT_CHANGED, OrgUnitEventData.of(unit));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unitDeleted(OrgUnit unit) {
        outbox.publish(Events.ORG_TOPIC, unit.code, Events.ORG_UNIT_CHANGED, OrgUnitEventData.deleted(unit));
    }

    /**
     * One unit-changed event for each unit of the subtree at {@code rootPath} (root first, then by path) that
     * {@code include} accepts. Flushes and clears the persistence context: callers are done with their entities.
     *
     * @return how many events were written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int subtreeChanged(String rootPath, Predicate<String> include) {
        em.flush();
        em.clear();
        int written = 0;
        String after = "";
        while (true) {
            List<OrgUnit> page = em.createQuery(
                    "from OrgUnit u where (u.path = :path or u.path like :prefix) and u.path > :after order by u.path", OrgUnit.class)
                    .setParameter("path", rootPath).setParameter("prefix", rootPath + "/%").setParameter("after", after)
                    .setMaxResults(config.eventBatchSize()).getResultList();
            if (page.isEmpty()) {
                return written;
            }
            List<Outbox.Pending> events = new ArrayList<>();
            for (OrgUnit u : page) {
                if (include.test(u.code)) {
                    events.add(new Outbox.Pending(Events.ORG_TOPIC, u.code, Events.ORG_UNIT_CHANGED, OrgUnitEventData.of(u)));
                }
            }
            publish(events);
            written += events.size();
            after = page.get(page.size() - 1).path;
            em.clear();
        }
    }

    /**
     * After a move: every employee in the subtree at {@code rootPath} gets a new version and an
     * {@code asn.employee.updated.v1} with the new {@code orgUnitPath}, built by the same mapping as every other
     * employee event ({@link EmployeeService#eventData}). The version goes up in one statement; the events are read
     * and written in NIP order, a batch at a time.
     *
     * @return how many employees were published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int employeesMoved(String rootPath) {
        em.flush();
        em.createNativeQuery("""
                update employee set version = version + 1, updated_at = now()
                where org_unit_code in (select code from org_unit where path = :path or path like :prefix)""")
                .setParameter("path", rootPath).setParameter("prefix", rootPath + "/%").executeUpdate();
        em.clear();
        int written = 0;
        String after = "";
        while (true) {
            List<Employee> page = em.createQuery("""
                    from Employee e where e.orgUnitCode in (select u.code from OrgUnit u where u.path = :path or u.path like :prefix)
                    and e.nip > :after order by e.nip""", Employee.class)
                    .setParameter("path", rootPath).setParameter("prefix", rootPath + "/%").setParameter("after", after)
                    .setMaxResults(config.eventBatchSize()).getResultList();
            if (page.isEmpty()) {
                return written;
            }
            List<Outbox.Pending> events = new ArrayList<>(page.size());
            for (Employee e : page) {
                events.add(new Outbox.Pending(Events.EMPLOYEE_TOPIC, e.nip, Events.EMPLOYEE_UPDATED, employees.eventData(e)));
            }
            publish(events);
            written += events.size();
            after = page.get(page.size() - 1).nip;
            em.clear();
        }
    }

    private void publish(List<Outbox.Pending> events) {
        if (!events.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> outbox.publishAll(connection, events));
        }
    }
}
