package id.asn.merit.merit.talent;

import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static id.asn.merit.merit.talent.TalentPeople.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 9-box of a unit: counts per box of the ACTIVE people in scope, members paged inside each box, cut-offs, SVG. */
@QuarkusTest
class NineBoxApiTest {
    static final String PATH = "/api/v1/nine-box";
    static final int YEAR = 2025;
    static final String ROOT = TalentPeople.freshCode("NB");
    static final String CHILD = ROOT + "-A";
    static final String CHILD_PATH = ROOT + "/" + CHILD;
    static boolean arranged;
    static String best, second, third, childNine, tieLow, tieHigh;

    @Inject
    MeritFixtures fx;

    @BeforeEach
    void arrange() {
        if (arranged) {
            return;
        }
        TalentPeople people = new TalentPeople(fx);
        fx.unit(ROOT, null, ROOT);
        fx.unit(CHILD, ROOT, CHILD_PATH);
        fx.exec("update org_unit_replica set name = ? where code = ?", "Dinas <Kesehatan> & \"Sosial\"", ROOT);
        LocalDate born = LocalDate.of(1985, 3, 10);
        second = people.person("Dua", "M", born, ROOT, ROOT, YEAR, 9, 90.0, true);
        best = people.person("Satu", "F", born, ROOT, ROOT, YEAR, 9, 95.0, true);
        third = people.person("Tiga", "M", born, ROOT, ROOT, YEAR, 9, 85.0, true);
        people.person("Lima", "F", born, ROOT, ROOT, YEAR, 5, 70.0, false);
        people.person("Tanpa Kotak", "M", born, ROOT, ROOT, YEAR, null, null, false);
        people.person("Satu Rendah", "F", born, ROOT, ROOT, YEAR, 1, 30.0, false);
        String retired = people.person("Pensiun", "M", born, ROOT, ROOT, YEAR, 9, 99.0, true);
        fx.status(retired, "RETIRED");
        fx.profile(second, YEAR - 1, 1, 20.0, false, "M", born, ROOT, ROOT); // another year never counts
        childNine = people.person("Anak", "F", born, CHILD, CHILD_PATH, YEAR, 9, 88.0, true);
        people.person("Anak Dua", "M", born, CHILD, CHILD_PATH, YEAR, 2, 55.0, false);
        // equal scores inside a box: NIP order
        tieHigh = people.person("Tie B", "M", born, CHILD, CHILD_PATH, YEAR, 4, 75.0, false);
        tieLow = people.person("Tie A", "M", born, CHILD, CHILD_PATH, YEAR, 4, 75.0, false);
        fx.exec("update merit_profile set policy_version = 7 where nip = ? and year = ?", tieHigh, YEAR);
        arranged = true;
    }

    @Test
    void countsEveryActiveProfileOfTheYearInTheSubtreePerBox() {
        JsonPath body = as("HR_OFFICER").get(PATH + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertEquals(YEAR, body.getInt("year"));
        assertEquals(ROOT, body.getString("orgUnitCode"));
        assertTrue(body.getBoolean("subtree"));
        assertEquals(10, body.getInt("total"));
        assertEquals(1, body.getInt("unplaced"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), body.getList("boxes.box"));
        assertEquals(List.of(1, 1, 0, 2, 1, 0, 0, 0, 4), body.getList("boxes.count"));
        assertEquals(List.of("LOW", "MEDIUM", "LOW", "HIGH", "MEDIUM", "LOW", "HIGH", "MEDIUM", "HIGH"), body.getList("boxes.performanceAxis"));
        assertEquals(List.of("LOW", "LOW", "MEDIUM", "LOW", "MEDIUM", "HIGH", "MEDIUM", "HIGH", "HIGH"), body.getList("boxes.potentialAxis"));
        assertEquals(7, body.getInt("policyVersion"));
        assertTrue(body.getBoolean("mixedPolicyVersions"));
    }

    @Test
    void subtreeFalseAndAChildUnitNarrowTheScope() {
        JsonPath own = as("ADMIN").get(PATH + "?year=" + YEAR + "&orgUnit=" + ROOT + "&subtree=false").then().statusCode(200).extract().jsonPath();
        assertEquals(6, own.getInt("total"));
        assertEquals(3, own.getInt("boxes[8].count"));
        assertEquals(1, own.getInt("policyVersion"));
        assertEquals(false, own.getBoolean("mixedPolicyVersions"));
        JsonPath child = as("ADMIN").get(PATH + "?year=" + YEAR + "&orgUnit=" + CHILD).then().statusCode(200).extract().jsonPath();
        assertEquals(4, child.getInt("total"));
        assertEquals(List.of(childNine), child.getList("boxes[8].members.nip"));
    }

    @Test
    void membersArePagedInsideEachBoxBestMeritScoreFirstThenNip() {
        String url = PATH + "?year=" + YEAR + "&orgUnit=" + ROOT + "&size=2";
        as("HR_OFFICER").get(url + "&page=0").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("boxes[8].count", equalTo(4))
                .body("boxes[8].members.nip", contains(best, second))
                .body("boxes[8].members[0].name", equalTo("Satu"))
                .body("boxes[8].members[0].orgUnitCode", equalTo(ROOT))
                .body("boxes[8].members[0].positionCode", equalTo("POS-" + ROOT))
                .body("boxes[8].members[0].meritScore", equalTo(95))
                .body("boxes[3].members.nip", contains(tieLow.compareTo(tieHigh) < 0 ? tieLow : tieHigh, tieLow.compareTo(tieHigh) < 0 ? tieHigh : tieLow))
                .body("boxes[2].members", empty());
        as("HR_OFFICER").get(url + "&page=1").then().statusCode(200)
                .body("boxes[8].members.nip", contains(childNine, third))
                .body("boxes[3].members", empty());
        as("HR_OFFICER").get(url + "&page=2").then().statusCode(200).body("boxes[8].members", empty()).body("boxes[8].count", equalTo(4));
    }

    @Test
    void theCutoffsAreTheCurrentPolicysForBothAxes() {
        JsonPath policy = as("ADMIN").get("/api/v1/merit-policies/current").then().statusCode(200).extract().jsonPath();
        JsonPath body = as("ADMIN").get(PATH + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200).extract().jsonPath();
        assertEquals(policy.getDouble("axisCutoffs.high"), body.getDouble("cutoffs.high"));
        assertEquals(policy.getDouble("axisCutoffs.medium"), body.getDouble("cutoffs.medium"));
    }

    @Test
    void theYearDefaultsToTheCurrentOne() {
        int now = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        as("ADMIN").get(PATH + "?orgUnit=" + CHILD).then().statusCode(200).body("year", equalTo(now)).body("total", equalTo(0))
                .body("boxes.count.sum()", equalTo(0));
    }

    @Test
    void theSvgIsAValidGridWithTheCountsAndTheTitle() throws Exception {
        String svg = as("HR_OFFICER").accept("image/svg+xml").get(PATH + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String title = doc.getElementsByTagNameNS("*", "title").item(0).getTextContent();
        assertTrue(title.contains("Dinas <Kesehatan> & \"Sosial\" (" + ROOT + ")"), title);
        assertTrue(title.contains(Integer.toString(YEAR)), title);
        Map<String, String> counts = new HashMap<>();
        Map<String, Double> cellY = new HashMap<>();
        Map<String, Double> cellX = new HashMap<>();
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            NodeList texts = g.getElementsByTagNameNS("*", "text");
            for (int t = 0; t < texts.getLength(); t++) {
                Element text = (Element) texts.item(t);
                if ("count".equals(text.getAttribute("class"))) {
                    counts.put(g.getAttribute("id"), text.getTextContent());
                }
            }
            Element rect = (Element) g.getElementsByTagNameNS("*", "rect").item(0);
            cellY.put(g.getAttribute("id"), Double.valueOf(rect.getAttribute("y")));
            cellX.put(g.getAttribute("id"), Double.valueOf(rect.getAttribute("x")));
        }
        assertEquals(9, counts.size());
        assertEquals("4", counts.get("box-9"));
        assertEquals("2", counts.get("box-4"));
        assertEquals("0", counts.get("box-6"));
        // HIGH performance on top (4, 7, 9), LOW at the bottom (1, 3, 6); potential LOW on the left
        assertTrue(cellY.get("box-9") < cellY.get("box-8") && cellY.get("box-8") < cellY.get("box-6"));
        assertEquals(cellY.get("box-4"), cellY.get("box-9"));
        assertTrue(cellX.get("box-1") < cellX.get("box-3") && cellX.get("box-3") < cellX.get("box-6"));
        assertTrue(svg.contains(">Performance<") && svg.contains(">Potential<"));
    }

    @Test
    void jsonIsTheDefaultWhenBothAreAcceptable() {
        as("ADMIN").accept("application/json, image/svg+xml;q=0.5").get(PATH + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200)
                .contentType("application/json");
        as("ADMIN").accept("*/*").get(PATH + "?year=" + YEAR + "&orgUnit=" + ROOT).then().statusCode(200).contentType("application/json");
    }

    @Test
    void badParametersAreNamed() {
        as("ADMIN").get(PATH + "?year=abc").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
        as("ADMIN").get(PATH + "?year=1800").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as("ADMIN").get(PATH + "?subtree=maybe").then().statusCode(400).body("errors[0].field", equalTo("subtree"));
        as("ADMIN").get(PATH + "?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("ADMIN").get(PATH + "?orgUnit=" + ROOT + "-NOPE").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(ROOT + "-NOPE"));
        given().get(PATH).then().statusCode(401);
    }
}
