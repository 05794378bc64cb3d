package id.asn.merit.competency.rest;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Request bodies and callers shared by the competency API tests. */
final class Competencies {
    static final String PATH = "/api/v1/competencies";

    private Competencies() {
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    /** A valid TEKNIS competency with the given levels (1..5 for a valid one). */
    static Map<String, Object> teknis(String code, int... levels) {
        List<Map<String, Object>> ls = new ArrayList<>();
        for (int l : levels) {
            ls.add(new HashMap<>(Map.of("level", l, "title", "Level " + l + " " + code, "indicators", List.of("indikator " + l))));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("group", "TEKNIS");
        body.put("name", "Pelayanan Perizinan Berusaha " + code);
        body.put("definition", "Kemampuan memberikan pelayanan perizinan berusaha");
        body.put("levels", ls);
        return body;
    }

    static Map<String, Object> teknis(String code) {
        return teknis(code, 1, 2, 3, 4, 5);
    }
}
