package id.asn.merit.gateway.openapi;

import id.asn.merit.gateway.StubServices;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged OpenAPI document on the real gateway while a stub's document comes and goes (cache off, so each GET
 * reads the services again): up → its paths; down → still its paths, marked stale on the document, its tags,
 * x-services and the description; back → fresh again. merit-service is never up: it is named missing.
 */
@QuarkusTest
@WithTestResource(value = StubServices.class, initArgs = @ResourceArg(name = "asn.gateway.openapi.cache-ttl", value = "0s"))
class StaleOpenApiTest {

    static void stubOpenApi(String service, int status) {
        String url = ConfigProvider.getConfig().getValue("asn.gateway.services." + service + ".url", String.class);
        given().baseUri(url).port(-1).post("/__stub/openapi?status=" + status).then().statusCode(200);
    }

    static JsonPath suiteDocument() {
        return given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aServiceThatGoesDownKeepsItsLastDocumentMarkedStaleAndComesBackFresh() {
        Instant before = Instant.now();
        JsonPath fresh = suiteDocument();
        assertNotNull(fresh.get("paths.'/api/v1/competencies'"), "competency-service's paths while it is up");
        assertNull(fresh.get("'x-asn-stale'"), "nothing stale while every live stub answers");
        assertTrue(fresh.getList("'x-services'.findAll { it.name == 'competency-service' }.status").contains("fresh"));

        stubOpenApi("competency-service", 503);
        try {
            JsonPath stale = suiteDocument();
            assertNotNull(stale.get("paths.'/api/v1/competencies'"), "the kept document's paths are still served");
            assertNotNull(stale.get("components.schemas.'Competency.Problem'"), "and its schemas");
            List<Map<String, String>> marks = stale.getList("'x-asn-stale'");
            assertEquals(1, marks.size(), String.valueOf(marks));
            assertEquals("competency-service", marks.get(0).get("service"));
            Instant since = Instant.parse(marks.get(0).get("since"));
            Instant lastRead = Instant.parse(marks.get(0).get("lastRead"));
            assertFalse(since.isBefore(lastRead), "down since after it was last read");
            assertFalse(lastRead.isBefore(before.minusSeconds(1)), "last read during this test");
            assertEquals(List.of("competency-service"),
                    stale.getList("tags.find { it.name == 'Gaps' }.'x-asn-stale'.service"), "its tags say so");
            assertNull(stale.get("tags.find { it.name == 'Employees' }.'x-asn-stale'"), "other services' tags do not");
            assertTrue(stale.getList("'x-services'.findAll { it.name == 'competency-service' }.status").contains("stale"));
            assertTrue(stale.getList("'x-unavailable-services'").contains("competency-service"));
            String description = stale.getString("info.description");
            assertTrue(description.contains("STALE: competency-service has not answered since " + since), description);
            // a second read while still down keeps the same outage start
            assertEquals(since.toString(), suiteDocument().getString("'x-asn-stale'[0].since"));
        } finally {
            stubOpenApi("competency-service", 200);
        }

        JsonPath back = suiteDocument();
        assertNull(back.get("'x-asn-stale'"), "fresh again once the service answers");
        assertNull(back.get("tags.find { it.name == 'Gaps' }.'x-asn-stale'"));
        assertFalse(back.getList("'x-unavailable-services'").contains("competency-service"));
        assertFalse(back.getString("info.description").contains("STALE"));
        assertNotNull(back.get("paths.'/api/v1/competencies'"));
    }

    @Test
    void aServiceNeverReadIsNamedMissingNotSilentlyLeftOut() {
        given().get("/q/openapi").then().statusCode(200)
                .body("'x-asn-missing'.service", hasItem("merit-service"))
                .body("'x-services'.findAll { it.name == 'merit-service' }.status", hasItem("missing"))
                .body("info.description", containsString("MISSING: merit-service"))
                .body("paths", not(org.hamcrest.Matchers.hasKey("/api/v1/merit-policies/current")));
        given().get("/q/openapi?format=yaml").then().statusCode(200)
                .body(containsString("x-asn-missing:"));
    }
}
