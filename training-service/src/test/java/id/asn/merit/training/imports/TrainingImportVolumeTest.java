package id.asn.merit.training.imports;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.training.testing.TrainingFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import static id.asn.merit.training.imports.TrainingImportApiTest.awaitDone;
import static id.asn.merit.training.imports.TrainingImportApiTest.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 20 000 rows in one job: four batches of 5 000 (asn.import.batch-size), each its own transaction, finish with every
 * record stored, every person-year in the ledger and one recorded event per record. No timing is asserted.
 */
@QuarkusTest
class TrainingImportVolumeTest {
    static final int PEOPLE = 200;
    static final int PER_PERSON = 100;
    static final int YEAR = LocalDate.now().getYear() - 1;

    @Inject
    TrainingFixtures fixtures;
    @Inject
    AgroalDataSource ds;

    static String nip(int n) {
        return "19780202200101" + String.format("%04d", n);
    }

    @Test
    void twentyThousandRowsInOneJob() throws Exception {
        fixtures.unit("TVOL-UNIT", null, "TVOL-UNIT");
        for (int p = 0; p < PEOPLE; p++) {
            fixtures.employee(nip(p), "Pegawai Volume " + p, null, null, "TVOL-UNIT", "TVOL-UNIT");
        }
        StringBuilder csv = new StringBuilder("nip,methodCode,title,organizer,startDate,endDate,jp,certificateNumber\n");
        LocalDate first = LocalDate.of(YEAR, 1, 1);
        for (int p = 0; p < PEOPLE; p++) {
            for (int r = 0; r < PER_PERSON; r++) {
                LocalDate day = first.plusDays(r * 3L);
                csv.append(nip(p)).append(",KL03,Pelatihan ").append(r).append(",BPSDM Volume,").append(day).append(',')
                        .append(day).append(",1,TVOL/").append(p).append('/').append(r).append('\n');
            }
        }
        String id = start("text/csv", csv.toString());
        awaitDone(id).body("status", equalTo("COMPLETED")).body("total", equalTo(PEOPLE * PER_PERSON))
                .body("processed", equalTo(PEOPLE * PER_PERSON)).body("created", equalTo(PEOPLE * PER_PERSON))
                .body("failed", equalTo(0)).body("duplicates", equalTo(0));
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select (select count(*) from training_record where import_job_id = ?::uuid),
                            (select count(*) from jp_person_year where nip like '19780202200101%' and year = ? and recognised_jp = 100),
                            (select count(*) from outbox_event where type = 'asn.training.recorded.v1' and event_key like '19780202200101%'),
                            (select count(*) from outbox_event where type = 'asn.training.jp-threshold-reached.v1' and event_key like '19780202200101%')""")) {
            ps.setString(1, id);
            ps.setInt(2, YEAR);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(PEOPLE * PER_PERSON, rs.getLong(1));
                assertEquals(PEOPLE, rs.getLong(2), "every person-year recomputed: 100 JP each");
                assertEquals(PEOPLE * PER_PERSON, rs.getLong(3));
                assertEquals(PEOPLE, rs.getLong(4), "the threshold reached once per person-year");
            }
        }
        given(id);
    }

    private static void given(String id) {
        io.restassured.RestAssured.given().auth().oauth2(TestInfra.token("HR_OFFICER")).get(TrainingImportApiTest.PATH + "/" + id + "/errors")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
