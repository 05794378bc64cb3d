package id.asn.merit.employee.history;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.employee.rest.EmployeeApiTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Org units, positions and people of the history tests: a dinas with two positions, and another dinas with one. */
public final class HistoryFixtures {
    public static final String ROOT = "HIF-ROOT";
    public static final String DINAS = "HIF-DINAS";
    public static final String OTHER = "HIF-OTHER";
    public static final String KABID = "HIF-KABID";
    public static final String ANALIS = "HIF-ANALIS";
    public static final String OTHER_POSITION = "HIF-OTHER-KABID";

    private HistoryFixtures() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfra.token(role)).contentType(ContentType.JSON);
    }

    /** The service's today: business dates are in WIB, which is a day ahead of UTC in the evening. */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Jakarta"));
    }

    public static void ensure() {
        EmployeeApiTest.ensureUnit(ROOT, null, "INSTANSI", "Root");
        EmployeeApiTest.ensureUnit(DINAS, ROOT, "PERANGKAT_DAERAH", "Dinas");
        EmployeeApiTest.ensureUnit(OTHER, ROOT, "PERANGKAT_DAERAH", "Other");
        position(KABID, "Kepala Bidang", DINAS, "ADMINISTRATOR", null);
        position(ANALIS, "Analis Kebijakan Ahli Muda", DINAS, "FUNGSIONAL", "AHLI_MUDA");
        position(OTHER_POSITION, "Kepala Bidang Lain", OTHER, "ADMINISTRATOR", null);
    }

    static void position(String code, String title, String unit, String type, String level) {
        if (as("ADMIN").get("/api/v1/positions/" + code).statusCode() == 404) {
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "title", title, "orgUnitCode", unit, "type", type, "grade", 11));
            if (level != null) {
                body.put("functionalLevel", level);
            }
            as("HR_OFFICER").body(body).post("/api/v1/positions").then().statusCode(201);
        }
    }

    /** A PNS NIP that agrees with the birth date and gender (TMT CPNS 23 years after birth, in March). */
    public static String nip(String birthDate, String gender, int serial) {
        LocalDate birth = LocalDate.parse(birthDate);
        return birthDate.replace("-", "") + (birth.getYear() + 23) + "03" + (gender.equals("M") ? 1 : 2) + String.format("%03d", serial);
    }

    /** A registration body; null fields are left out. */
    public static Map<String, Object> employee(String nip, String birthDate, String gender, String type, String rank, String unit,
            String position) {
        Map<String, Object> body = new HashMap<>(Map.of("nip", nip, "name", "Pegawai " + nip, "gender", gender, "birthDate", birthDate,
                "employmentType", type, "orgUnitCode", unit, "education", Map.of("level", "S1", "field", "Administrasi Negara")));
        if (rank != null) {
            body.put("rank", rank);
        }
        if (position != null) {
            body.put("positionCode", position);
        }
        return body;
    }
}
