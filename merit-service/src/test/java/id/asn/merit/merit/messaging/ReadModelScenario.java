package id.asn.merit.merit.messaging;

import id.asn.merit.merit.messaging.ReadModelEvents.Sent;
import id.asn.merit.merit.testing.MeritFixtures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.asn.merit.merit.messaging.ReadModelEvents.COMPETENCY;
import static id.asn.merit.merit.messaging.ReadModelEvents.EMPLOYEE;
import static id.asn.merit.merit.messaging.ReadModelEvents.T0;
import static id.asn.merit.merit.messaging.ReadModelEvents.TRAINING;
import static id.asn.merit.merit.messaging.ReadModelEvents.assessment;
import static id.asn.merit.merit.messaging.ReadModelEvents.discipline;
import static id.asn.merit.merit.messaging.ReadModelEvents.employee;
import static id.asn.merit.merit.messaging.ReadModelEvents.gap;
import static id.asn.merit.merit.messaging.ReadModelEvents.rating;
import static id.asn.merit.merit.messaging.ReadModelEvents.threshold;
import static id.asn.merit.merit.messaging.ReadModelEvents.trainingRecord;

/**
 * One person's year as the four producers would publish it: registered, two SKP ratings, a rank change, a
 * disciplinary decision, an assessment and a gap change, a training record recorded then verified, and the JP
 * threshold. Each event has a fixed ce_id, ce_time and version, so it can be sent in any order.
 */
final class ReadModelScenario {
    /** One event of the scenario, not sent yet. */
    record Step(String label, String topic, String type, String id, java.time.OffsetDateTime time, String value) {
    }

    final String nip = MeritFixtures.nip(LocalDate.of(1987, 11, 3), "M");
    final String assessmentId = UUID.randomUUID().toString();
    final String recordId = UUID.randomUUID().toString();
    final Map<String, String> labels = new LinkedHashMap<>();
    final List<Step> steps = new ArrayList<>();

    ReadModelScenario(String position, String unitPath) {
        String p = position;
        String u = unitPath;
        step("registered", EMPLOYEE, "asn.employee.registered.v1", 0, employee(nip, 1, "III/a", "2020-01-01", "S1", p, u, null));
        step("rated2024", EMPLOYEE, "asn.employee.performance-rated.v1", 1,
                employee(nip, 2, "III/a", "2020-01-01", "S1", p, u, rating(2024, "ANNUAL", "BAIK")));
        step("rankChanged", EMPLOYEE, "asn.employee.rank-changed.v1", 2, employee(nip, 3, "III/b", "2024-04-01", "S1", p, u,
                "\"rankChange\":{\"rank\":\"III/b\",\"effectiveDate\":\"2024-04-01\"}"));
        step("rated2025", EMPLOYEE, "asn.employee.performance-rated.v1", 3,
                employee(nip, 4, "III/b", "2024-04-01", "S1", p, u, rating(2025, "ANNUAL", "SANGAT_BAIK")));
        step("disciplined", EMPLOYEE, "asn.employee.disciplined.v1", 4,
                employee(nip, 5, "III/b", "2024-04-01", "S1", p, u, discipline("LIGHT", "2025-02-01")));
        step("assessed", COMPETENCY, "asn.competency.assessment-recorded.v1", 10, assessment(assessmentId, nip, p, "70.00"));
        step("gapChanged", COMPETENCY, "asn.competency.gap-changed.v1", 20, gap(nip, p, "78.50", "CUKUP_OPTIMAL"));
        step("trainingRecorded", TRAINING, "asn.training.recorded.v1", 30,
                trainingRecord(recordId, nip, 2025, "PENDING", "PKP", "22", "null", 0, "0"));
        step("trainingVerified", TRAINING, "asn.training.verified.v1", 40,
                trainingRecord(recordId, nip, 2025, "VERIFIED", "PKP", "22", "22", 1, "22"));
        step("jpThreshold", TRAINING, "asn.training.jp-threshold-reached.v1", 40, threshold(nip, 2025, "22"));
        labels.put(nip, "NIP");
        labels.put(assessmentId, "ASSESSMENT");
        labels.put(recordId, "RECORD");
        labels.put("Pegawai " + nip.substring(14), "NAME");
        labels.put("Pelatihan " + recordId.substring(0, 8), "TITLE");
    }

    private void step(String label, String topic, String type, int second, String value) {
        // a fresh UUID whose first byte is the step's index: two scenarios' ce_ids sort alike, so the tie-break of two
        // events with one ce_time (the greater ce_id is kept) picks the same step in both
        String id = "%02x".formatted(steps.size()) + UUID.randomUUID().toString().substring(2);
        labels.put(id, label);
        steps.add(new Step(label, topic, type, id, T0.plusSeconds(second), value));
    }

    List<Sent> send(List<Step> order) {
        List<Sent> sent = new ArrayList<>();
        for (Step s : order) {
            sent.add(ReadModelEvents.send(s.topic(), nip, s.type(), s.id(), s.time(), s.value()));
        }
        return sent;
    }

    List<String> ids() {
        return steps.stream().map(Step::id).toList();
    }

    /** The rows with this person's NIP, event ids and record ids replaced by their labels, comparable across people. */
    Map<String, List<String>> normalised(Map<String, List<List<Object>>> tables) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        tables.forEach((table, rows) -> out.put(table, rows.stream()
                .map(row -> row.stream().map(v -> v == null ? "null" : labels.getOrDefault(String.valueOf(v), String.valueOf(v))).toList().toString())
                .sorted().toList()));
        return out;
    }
}
