package id.asn.merit.competency.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.asn.merit.competency.rest.Competencies.PATH;
import static id.asn.merit.competency.rest.Competencies.as;
import static id.asn.merit.competency.rest.Competencies.teknis;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CompetencyCrudTest {

    @Test
    void theRegulationDictionaryIsSeededOnFirstStart() {
        as("EMPLOYEE").get(PATH + "?group=MANAJERIAL").then().statusCode(200)
                .body("total", equalTo(8))
                .body("items.code", contains("M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8"))
                .body("items.name", contains("Integritas", "Kerja Sama", "Komunikasi", "Orientasi pada Hasil", "Pelayanan Publik",
                        "Pengembangan Diri dan Orang Lain", "Mengelola Perubahan", "Pengambilan Keputusan"));
        as("INTEGRATOR").get(PATH + "/SK.1").then().statusCode(200)
                .body("group", equalTo("SOSIAL_KULTURAL"))
                .body("name", equalTo("Perekat Bangsa"))
                .body("levels.level", contains(1, 2, 3, 4, 5))
                .body("levels[0].title", equalTo("Peka memahami dan menerima kemajemukan"))
                .body("levels[4].title", equalTo("Wakil pemerintah untuk membangun hubungan sosial psikologis"))
                .body("levels[4].description", equalTo("Wakil pemerintah untuk membangun hubungan sosial psikologis"));
        as("ASSESSOR").get(PATH + "/M.2").then().statusCode(200)
                .body("levels", hasSize(5))
                .body("levels[2].title", equalTo("Efektif membangun tim kerja untuk peningkatan kinerja organisasi"));
    }

    @Test
    void aGetCarriesTheVersionAsETag() {
        as("UNIT_HEAD").get(PATH + "/M.1").then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("version", equalTo(0));
    }

    @Test
    void anInstansiCreatesReadsAndReplacesATeknisCompetency() {
        ExtractableResponse<Response> created = as("HR_OFFICER").body(teknis("T.1")).post(PATH).then().statusCode(201)
                .header("Location", endsWith(PATH + "/T.1"))
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo("T.1")).body("group", equalTo("TEKNIS"))
                .body("levels.level", contains(1, 2, 3, 4, 5))
                .body("levels[0].indicators", contains("indikator 1"))
                .extract();
        String location = created.header("Location");

        String etag = as("EMPLOYEE").get(location).then().statusCode(200)
                .body("name", equalTo("Pelayanan Perizinan Berusaha T.1")).extract().header("ETag");

        Map<String, Object> renamed = teknis("T.1");
        renamed.put("name", "Pelayanan Perizinan");
        renamed.put("definition", null);
        String newEtag = as("ADMIN").header("If-Match", etag).body(renamed).put(PATH + "/T.1").then().statusCode(200)
                .body("name", equalTo("Pelayanan Perizinan")).body("definition", nullValue())
                .body("version", equalTo(1)).extract().header("ETag");
        assertEquals("\"1\"", newEtag);
        as("ADMIN").get(PATH + "/T.1").then().body("name", equalTo("Pelayanan Perizinan")).header("ETag", equalTo("\"1\""));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        as("HR_OFFICER").body(teknis("T.2")).post(PATH).then().statusCode(201);
        as("HR_OFFICER").header("If-Match", "\"0\"").body(teknis("T.2")).put(PATH + "/T.2").then().statusCode(200);
        as("HR_OFFICER").header("If-Match", "\"0\"").body(teknis("T.2")).put(PATH + "/T.2").then().statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412)).body("detail", containsString("version 1"));
        as("HR_OFFICER").header("If-Match", "W/\"1\"").body(teknis("T.2")).put(PATH + "/T.2").then().statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        as("HR_OFFICER").body(teknis("T.3")).post(PATH).then().statusCode(201);
        as("ADMIN").body(teknis("T.3")).post(PATH).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("T.3"));
    }

    @Test
    void pemerintahanIsAddedByTheInstansiToo() {
        Map<String, Object> body = teknis("PEM.1");
        body.put("group", "PEMERINTAHAN");
        body.put("name", "Etika Pemerintahan");
        as("ADMIN").body(body).post(PATH).then().statusCode(201).body("group", equalTo("PEMERINTAHAN"));
    }

    @Test
    void regulationCompetenciesCannotBeCreatedOrChanged() {
        Map<String, Object> manajerial = teknis("M.9");
        manajerial.put("group", "MANAJERIAL");
        as("HR_OFFICER").body(manajerial).post(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("group"));
        Map<String, Object> sosial = teknis("SK.2");
        sosial.put("group", "SOSIAL_KULTURAL");
        as("ADMIN").body(sosial).post(PATH).then().statusCode(422).body("errors[0].field", equalTo("group"));
        as("ADMIN").get(PATH + "/M.9").then().statusCode(404);

        Map<String, Object> m1 = teknis("M.1");
        m1.put("group", "MANAJERIAL");
        as("ADMIN").body(m1).put(PATH + "/M.1").then().statusCode(422).body("errors[0].field", equalTo("group"));
        as("ADMIN").get(PATH + "/M.1").then().body("name", equalTo("Integritas")).body("version", equalTo(0));
    }

    @Test
    void unknownCompetenciesAreNotFound() {
        as("ADMIN").get(PATH + "/X.1").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("X.1"));
        as("ADMIN").body(teknis("T.404")).put(PATH + "/T.404").then().statusCode(404).contentType("application/problem+json");
    }
}
