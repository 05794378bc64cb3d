package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

/** The regulation's definitions and behaviour indicators (PermenPANRB 38/2017, via anjab.sql) are seeded (V4). */
@QuarkusTest
class CompetencyIndicatorsTest {

    @Test
    void integritasHasItsDefinitionAndIndicatorsAtEveryLevel() {
        as("EMPLOYEE").get(PATH + "/M.1").then().statusCode(200)
                .body("definition", startsWith("Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi"))
                .body("levels.level", contains(1, 2, 3, 4, 5))
                .body("levels.indicators", everyItem(not(hasSize(0))))
                .body("levels[0].indicators[0]", equalTo("Bertingkah laku sesuai dengan perkataan; berkata sesuai dengan fakta"))
                .body("levels[1].indicators", hasSize(4))
                .body("levels[0].description", equalTo("Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi"))
                .body("levels[0].title", equalTo("Bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"})
    void everySeededCompetencyHasADefinitionAndIndicatorsAtEveryLevel(String code) {
        as("INTEGRATOR").get(PATH + "/" + code).then().statusCode(200)
                .body("definition", not(emptyOrNullString()))
                .body("levels", hasSize(5))
                .body("levels.indicators", everyItem(not(hasSize(0))))
                .body("levels.description", everyItem(not(emptyOrNullString())))
                .body("levels.indicators.flatten()", not(hasItem(org.hamcrest.Matchers.containsString("<"))));
    }
}
