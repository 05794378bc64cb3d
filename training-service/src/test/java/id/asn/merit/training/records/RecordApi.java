package id.asn.merit.training.records;

import id.asn.merit.devinfra.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Callers and bodies for the training-record tests. */
final class RecordApi {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String PATH = "/api/v1/training-records";

    private RecordApi() {
    }

    static RequestSpecification as(String role) {
        return as(role, null, null);
    }

    static RequestSpecification as(String role, String nip, String unit) {
        return given().auth().oauth2(TestInfra.token(role, nip, unit)).contentType(ContentType.JSON);
    }

    /** A free-standing KL03 record (no caps) of {@code jp} JP ending today. */
    static Map<String, Object> body(String nip, String certificate, int jp) {
        Map<String, Object> b = new HashMap<>();
        b.put("nip", nip);
        b.put("title", "Pelatihan Teknis Pengadaan");
        b.put("methodCode", "KL03");
        b.put("organizer", "BPSDM Provinsi Jawa Barat");
        b.put("startDate", TODAY.toString());
        b.put("endDate", TODAY.toString());
        b.put("jp", jp);
        b.put("certificateNumber", certificate);
        b.put("competencyCodes", List.of("M.4"));
        b.put("cost", 1500000);
        return b;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> b = new HashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            b.put((String) keyValues[i], keyValues[i + 1]);
        }
        return b;
    }

    /** Enters the record as HR_OFFICER and returns its id. */
    static String create(Map<String, Object> body) {
        return as("HR_OFFICER").body(body).post(PATH).then().statusCode(201).extract().path("id");
    }
}
