package id.asn.merit.training.service;

import id.asn.merit.training.domain.LearningMethod;
import id.asn.merit.training.domain.TrainingProgram;
import id.asn.merit.training.domain.TrainingRecordRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link TrainingRecordRules.Catalog} from this service's tables: learning methods, the programme catalogue and
 * {@code known_competency} (the dictionary as asn.competency.v1 tells it, seeded with M.1-M.8 and SK.1). For a bulk
 * job, {@link #snapshot()} reads methods and competencies once.
 */
@ApplicationScoped
public class RecordCatalog implements TrainingRecordRules.Catalog {
    @Inject
    EntityManager em;

    @Override
    public boolean methodExists(String code) {
        return LearningMethod.findById(code) != null;
    }

    @Override
    public boolean methodIsLeadership(String code) {
        LearningMethod m = LearningMethod.findById(code);
        return m != null && m.countsAsLeadership;
    }

    @Override
    public TrainingRecordRules.Program program(String code) {
        TrainingProgram p = TrainingProgram.findById(code);
        return p == null ? null : toRule(p);
    }

    public static TrainingRecordRules.Program toRule(TrainingProgram p) {
        return new TrainingRecordRules.Program(p.code, p.title, p.methodCode, p.organizer, p.jp,
                Arrays.asList(p.competencyCodes == null ? new String[0] : p.competencyCodes), p.leadershipLevel, p.active);
    }

    @Override
    public Set<String> unknownCompetencies(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select code from known_competency where not retired and code in (:c)")
                .setParameter("c", codes).getResultList();
        Set<String> unknown = new HashSet<>(codes);
        known.forEach(unknown::remove);
        return unknown;
    }

    /** Methods, programmes and competencies read once: for an import, which checks many rows against them. */
    public TrainingRecordRules.Catalog snapshot() {
        Set<String> methods = new HashSet<>();
        Set<String> leadership = new HashSet<>();
        for (LearningMethod m : LearningMethod.<LearningMethod>listAll()) {
            methods.add(m.code);
            if (m.countsAsLeadership) {
                leadership.add(m.code);
            }
        }
        java.util.Map<String, TrainingRecordRules.Program> programs = new java.util.HashMap<>();
        for (TrainingProgram p : TrainingProgram.<TrainingProgram>listAll()) {
            programs.put(p.code, toRule(p));
        }
        @SuppressWarnings("unchecked")
        Set<String> competencies = new HashSet<>(em.createNativeQuery("select code from known_competency where not retired").getResultList());
        return new TrainingRecordRules.Catalog() {
            @Override
            public boolean methodExists(String code) {
                return methods.contains(code);
            }

            @Override
            public boolean methodIsLeadership(String code) {
                return leadership.contains(code);
            }

            @Override
            public TrainingRecordRules.Program program(String code) {
                return programs.get(code);
            }

            @Override
            public Set<String> unknownCompetencies(Collection<String> codes) {
                Set<String> unknown = new HashSet<>(codes);
                unknown.removeAll(competencies);
                return unknown;
            }
        };
    }
}
