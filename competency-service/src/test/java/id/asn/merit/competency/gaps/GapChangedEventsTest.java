package id.asn.merit.competency.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.competency.service.GapInputsChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static id.asn.merit.competency.gaps.GapWorld.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * asn.competency.gap-changed.v1 through the outbox whenever a person's stored JPM or category moves: on an
 * assessment, on a new standard version for everyone in the position, on a template change (queued and drained), and
 * never when nothing moved.
 */
@QuarkusTest
class GapChangedEventsTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GapWorld world;
    @Inject
    Event<GapInputsChanged> changes;

    static boolean absent(JsonNode n) {
        return n.isNull() || n.isMissingNode();
    }

    List<JsonNode> gapChanges(String nip) {
        return world.events(nip).stream().filter(e -> e[0].equals("asn.competency.gap-changed.v1")).map(e -> {
            try {
                return JSON.readTree(e[1]);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    @Test
    void anAssessmentMovesTheGapAndARepeatedRefreshChangesNothing() {
        String nip = "198304042008041001";
        world.unit("EV", null, "EV");
        world.position("EV-ADM", "EV", "ADMINISTRATOR", null);
        world.standard("EV-ADM", 1, TODAY.minusYears(1), "M.1", 2, "PENTING", "M.2", 2, "PENTING");
        world.employee(nip, "Fajar Nugroho", "EV-ADM", "ADMINISTRATOR", "EV", "EV");
        List<JsonNode> first = gapChanges(nip);
        assertThat(first, hasSize(1));
        assertThat(absent(first.get(0).path("oldJpm")), equalTo(true));
        assertThat(first.get(0).get("jpm").decimalValue().doubleValue(), equalTo(0.0));
        assertThat(first.get(0).get("cause").asText(), equalTo("PLACEMENT"));

        world.assess(nip, TODAY.minusDays(2), "M.1", 2.0, "M.2", 1.0);
        List<JsonNode> second = gapChanges(nip);
        assertThat(second, hasSize(2));
        JsonNode moved = second.get(1);
        assertThat(moved.get("cause").asText(), equalTo("ASSESSMENT"));
        assertThat(moved.get("oldJpm").decimalValue().doubleValue(), equalTo(0.0));
        assertThat(moved.get("oldCategory").asText(), equalTo("KURANG_OPTIMAL"));
        assertThat(moved.get("jpm").decimalValue().doubleValue(), equalTo(75.0));
        assertThat(moved.get("category").asText(), equalTo("KURANG_OPTIMAL"));
        assertThat(moved.get("positionCode").asText(), equalTo("EV-ADM"));

        world.snapshots.refresh(List.of(nip), "PLACEMENT");
        assertThat(gapChanges(nip), hasSize(2));
    }

    @Test
    void aNewStandardVersionMovesEveryoneInThePosition() {
        world.unit("EW", null, "EW");
        world.position("EW-ADM", "EW", "ADMINISTRATOR", null);
        world.standard("EW-ADM", 1, TODAY.minusYears(1), "M.1", 3, "PENTING");
        String a = "198304042008041011";
        String b = "198304042008041012";
        world.assess(a, TODAY.minusDays(2), "M.1", 3.0);
        world.assess(b, TODAY.minusDays(2), "M.1", 1.5);
        world.employee(a, "Gita", "EW-ADM", "ADMINISTRATOR", "EW", "EW");
        world.employee(b, "Hadi", "EW-ADM", "ADMINISTRATOR", "EW", "EW");
        QuarkusTransaction.requiringNew().run(() -> {
            world.standard("EW-ADM", 2, TODAY, "M.1", 2, "PENTING");
            changes.fire(GapInputsChanged.forPosition("EW-ADM", "STANDARD"));
        });
        // a: 100 before and after (capped): no event; b: 50 -> 75
        assertThat(gapChanges(a), hasSize(1));
        List<JsonNode> bChanges = gapChanges(b);
        assertThat(bChanges, hasSize(2));
        assertThat(bChanges.get(1).get("cause").asText(), equalTo("STANDARD"));
        assertThat(bChanges.get(1).get("standardVersion").asInt(), equalTo(2));
        assertThat(bChanges.get(1).get("jpm").decimalValue().doubleValue(), equalTo(75.0));
        as("HR_OFFICER").get("/api/v1/competency-gaps?orgUnit=EW").then().statusCode(200)
                .body("items[0].nip", equalTo(b)).body("items[0].standardVersion", equalTo(2));
    }

    @Test
    void aTemplateChangeIsQueuedAndDrainedWithGapChangedForThoseItMoves() {
        String nip = "198304042008041021";
        world.unit("EX", null, "EX");
        world.position("EX-PGW", "EX", "PENGAWAS", null);
        world.assess(nip, TODAY.minusDays(2), "M.1", 2.0, "M.2", 2.0, "M.3", 2.0, "M.4", 2.0, "M.5", 2.0, "M.6", 2.0, "M.7", 2.0,
                "M.8", 2.0, "SK.1", 2.0);
        world.employee(nip, "Indah", "EX-PGW", "PENGAWAS", "EX", "EX");
        as("HR_OFFICER").get("/api/v1/competency-gaps/" + nip).then().body("jpm", equalTo(100.0f)).body("standardSource", equalTo("TEMPLATE"));
        int before = gapChanges(nip).size();
        QuarkusTransaction.requiringNew().run(() -> {
            world.replicas.exec("""
                    insert into standard_template (position_type, version, body, created_by)
                    select position_type, version + 1, replace(body, '"requiredLevel":2', '"requiredLevel":4'), 'test'
                    from standard_template where position_type = 'PENGAWAS' order by version desc limit 1""");
            changes.fire(GapInputsChanged.forPositionType("PENGAWAS", "TEMPLATE"));
        });
        try {
            GapWorld.eventually(Duration.ofSeconds(20), () -> gapChanges(nip).size() == before + 1);
            JsonNode moved = gapChanges(nip).get(before);
            assertThat(moved.get("cause").asText(), equalTo("TEMPLATE"));
            assertThat(moved.get("jpm").decimalValue().doubleValue(), equalTo(50.0));
            assertThat(moved.get("oldCategory").asText(), equalTo("OPTIMAL"));
        } finally {
            // put the ladder back so other tests see the default template
            QuarkusTransaction.requiringNew().run(() -> {
                world.replicas.exec("""
                        insert into standard_template (position_type, version, body, created_by)
                        select position_type, version + 1, replace(body, '"requiredLevel":4', '"requiredLevel":2'), 'test'
                        from standard_template where position_type = 'PENGAWAS' order by version desc limit 1""");
                changes.fire(GapInputsChanged.forPositionType("PENGAWAS", "TEMPLATE"));
            });
        }
        GapWorld.eventually(Duration.ofSeconds(20), () -> gapChanges(nip).size() == before + 2);
        assertThat(gapChanges(nip).get(before + 1).get("category").asText(), equalTo("OPTIMAL"));
    }

    @Test
    void leavingTheServiceClearsTheStoredGap() {
        String nip = "198304042008041031";
        world.unit("EY", null, "EY");
        world.position("EY-ADM", "EY", "ADMINISTRATOR", null);
        world.employee(nip, "Joko", "EY-ADM", "ADMINISTRATOR", "EY", "EY");
        world.replicas.exec("update employee_replica set status = 'RETIRED' where nip = ?", nip);
        world.snapshots.refresh(List.of(nip), "PLACEMENT");
        List<JsonNode> changes = gapChanges(nip);
        assertThat(absent(changes.get(changes.size() - 1).path("jpm")), equalTo(true));
    }
}
