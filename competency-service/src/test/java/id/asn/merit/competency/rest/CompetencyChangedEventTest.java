package id.asn.merit.competency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static id.asn.merit.competency.rest.Standards.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every change of the dictionary (create, replace, retire) writes asn.competency.competency-changed.v1 to the outbox
 * in its transaction, keyed by the code, so training-service's known_competency follows; a refused change writes none.
 */
@QuarkusTest
class CompetencyChangedEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createReplaceAndRetireEachPublishTheEntryAsItIsAfterTheChange() throws Exception {
        as("ADMIN").body(teknis("T.80")).post(PATH).then().statusCode(201);
        Map<String, Object> renamed = teknis("T.80");
        renamed.put("name", "Pengelolaan Perizinan Daring");
        as("ADMIN").header("If-Match", "\"0\"").body(renamed).put(PATH + "/T.80").then().statusCode(200);
        as("ADMIN").header("If-Match", "\"0\"").body(renamed).put(PATH + "/T.80").then().statusCode(412);
        as("ADMIN").post(PATH + "/T.80/retirement").then().statusCode(200);
        // retiring again changes nothing, so it announces nothing
        as("ADMIN").post(PATH + "/T.80/retirement").then().statusCode(200);

        List<Map<String, Object>> events = rows("""
                select topic, type, source, payload from outbox_event where event_key = ? order by seq""", "T.80");
        assertEquals(3, events.size(), events.toString());
        for (Map<String, Object> e : events) {
            assertEquals("asn.competency.v1", e.get("topic"));
            assertEquals("asn.competency.competency-changed.v1", e.get("type"));
            assertEquals("/competency-service", e.get("source"));
        }
        assertEquals(JSON.readTree("""
                {"code":"T.80","group":"TEKNIS","name":"Pelayanan Perizinan Berusaha T.80","retired":false}"""), data(events.get(0)));
        assertEquals(JSON.readTree("""
                {"code":"T.80","group":"TEKNIS","name":"Pengelolaan Perizinan Daring","retired":false}"""), data(events.get(1)));
        assertEquals(JSON.readTree("""
                {"code":"T.80","group":"TEKNIS","name":"Pengelolaan Perizinan Daring","retired":true}"""), data(events.get(2)));
    }

    @Test
    void aRefusedCreateWritesNoEvent() {
        as("ADMIN").body(teknis("T.81", 1, 2, 3)).post(PATH).then().statusCode(400);
        assertEquals(0L, rows("select count(*) as n from outbox_event where event_key = ?", "T.81").get(0).get("n"));
    }

    private static JsonNode data(Map<String, Object> event) throws Exception {
        return JSON.readTree((String) event.get("payload"));
    }
}
