package id.asn.merit.merit.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static id.asn.merit.merit.messaging.ReadModelEvents.awaitProcessed;
import static id.asn.merit.merit.messaging.ReadModelEvents.readModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events of one person in any order, across the four topics and within one (a replay brings older versions after
 * newer ones), converge: two people given the same events in two orders end with the same read-model rows.
 */
@QuarkusTest
class ReadModelOrderTest {
    static final String POSITION = "ROM-KASI";
    static final String PATH = "ROM-ROOT/ROM-BID";

    @Inject
    EntityManager em;

    @Test
    void theSameEventsInAnotherOrderGiveTheSameRows() {
        ReadModelScenario inOrder = new ReadModelScenario(POSITION, PATH);
        ReadModelScenario reversed = new ReadModelScenario(POSITION, PATH);

        inOrder.send(inOrder.steps);
        // the reverse: training before competency before employee, and within each topic the newest first
        List<ReadModelScenario.Step> backwards = new ArrayList<>(reversed.steps);
        Collections.reverse(backwards);
        reversed.send(backwards);
        awaitProcessed(em, inOrder.ids());
        awaitProcessed(em, reversed.ids());

        Map<String, List<String>> first = inOrder.normalised(readModel(em, List.of(inOrder.nip), List.of(), List.of()));
        Map<String, List<String>> second = reversed.normalised(readModel(em, List.of(reversed.nip), List.of(), List.of()));
        assertEquals(first, second);
        // and the rows are the whole story, not two empty tables
        assertEquals(List.of("[NIP, NAME, F, 1988-04-12, PNS, III/b, 2024-04-01, S1, ROM-KASI, PENGAWAS, "
                + "ROM-BID, ROM-ROOT/ROM-BID, ACTIVE, 5, disciplined, asn.employee.disciplined.v1, "), first.get("employee_replica").stream()
                .map(r -> r.substring(0, r.lastIndexOf(", ") + 2)).toList());
        assertEquals(2, first.get("skp_rating").size());
        assertEquals(1, first.get("discipline_record").size());
        assertEquals(1, first.get("competency_match").size());
        assertEquals(true, first.get("competency_match").get(0).contains("gapChanged"));
        assertEquals(1, first.get("assessment_replica").size());
        assertEquals(true, first.get("training_record_replica").get(0).contains("VERIFIED"));
        assertEquals(1, first.get("jp_year").size());
    }
}
