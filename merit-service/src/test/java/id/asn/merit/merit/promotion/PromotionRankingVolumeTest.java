package id.asn.merit.merit.promotion;

import id.asn.merit.devinfra.TestInfra;
import id.asn.merit.merit.testing.MeritFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ranking over 2 000 candidates (issue 9's volume): the facts are read in bulk and the JPM comes in one batch call
 * per 500 people (here from the stand-in competency-service), and every candidate gets a rank. How long it takes is
 * measured by {@code bench/run merit}, not here.
 */
@QuarkusTest
class PromotionRankingVolumeTest {
    static final int PEOPLE = 2000;
    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();

    @Inject
    MeritFixtures fixtures;

    @Test
    void twoThousandCandidatesAreRankedWithOneBatchCallPerFiveHundred() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(100_000, 999_999));
        String unit = "PRF" + suffix;
        String target = "PGW-" + suffix;
        // 18 digits: a birth date, then the suffix, then the serial
        String prefix = "19800101" + suffix.substring(0, 4);
        fixtures.unit(unit, null, unit);
        fixtures.position(target, unit, "PENGAWAS", "III/b", "S1", null);
        fixtures.exec("""
                insert into employee_replica (nip, name, gender, birth_date, employment_type, rank, rank_since, education_level,
                                              position_code, position_type, org_unit_code, org_unit_path, status, source_version)
                select ? || lpad(i::text, 6, '0'), 'Pegawai ' || i, case when i % 2 = 0 then 'F' else 'M' end, date '1980-01-01',
                       'PNS', case when i % 10 = 0 then 'III/a' else 'III/c' end, date '2015-01-01' + (i % 2000), 'S1',
                       null, null, ?, ?, 'ACTIVE', 1
                from generate_series(1, ?) i""", prefix, unit, unit, PEOPLE);
        fixtures.exec("""
                insert into skp_rating (nip, year, period, rating, overridden, event_id)
                select ? || lpad(i::text, 6, '0'), y, 'ANNUAL', case when i % 17 = 0 then 'KURANG' else 'BAIK' end, false, 'perf'
                from generate_series(1, ?) i cross join (values (?), (?)) years(y)""", prefix, PEOPLE, YEAR, YEAR - 1);
        fixtures.exec("""
                insert into jp_year (nip, year, recognised_jp, required_jp, event_id)
                select ? || lpad(i::text, 6, '0'), ?, case when i % 13 = 0 then 8 else 24 end, 20, 'perf' from generate_series(1, ?) i""",
                prefix, YEAR, PEOPLE);
        fixtures.exec("""
                insert into training_record_replica (record_id, nip, year, status, leadership_level, event_id)
                select 'perf-' || ? || i, ? || lpad(i::text, 6, '0'), ?, 'VERIFIED', 'PKP', 'perf' from generate_series(1, ?) i where i % 3 <> 0""",
                prefix, prefix, YEAR - 2, PEOPLE);
        fixtures.exec("""
                insert into discipline_record (event_id, nip, level, decided_on)
                select 'perf-' || ? || i, ? || lpad(i::text, 6, '0'), 'MODERATE', ? from generate_series(1, ?) i where i % 50 = 0""",
                prefix, prefix, LocalDate.of(YEAR, 1, 10), PEOPLE);
        fixtures.exec("""
                insert into merit_profile (nip, year, revision, policy_version, box, merit_score, eligible_for_talent_pool, gender, birth_date,
                                           org_unit_code, org_unit_path, fingerprint, body, cause_type, cause, computed_at)
                select ? || lpad(i::text, 6, '0'), ?, 1, 1, 5, 50 + (i % 50), false, 'F', date '1980-01-01', ?, ?, 'perf', '{}'::jsonb,
                       'REBUILD', 'perf', now()
                from generate_series(1, ?) i""", prefix, YEAR, unit, unit, PEOPLE);

        Map<String, Object> body = Map.of("targetPositionCode", target, "orgUnit", unit, "year", YEAR);
        int callsBefore = CompetencyServiceDouble.calls();
        JsonPath ranking = post(body);
        assertEquals(callsBefore + 4, CompetencyServiceDouble.calls(), "one batch call per 500 candidates");
        assertTrue(CompetencyServiceDouble.largestBatch() <= 500);

        List<Integer> ranks = ranking.getList("candidates.rank");
        assertEquals(PEOPLE, ranks.size());
        assertEquals(1, ranks.get(0));
        assertEquals(PEOPLE, ranks.get(PEOPLE - 1));
    }

    static JsonPath post(Map<String, Object> body) {
        for (int attempt = 0; ; attempt++) {
            var r = given().auth().oauth2(TestInfra.token("HR_OFFICER")).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/promotion-rankings");
            if (r.statusCode() != 503 || attempt >= 20) {
                return r.then().statusCode(201).extract().jsonPath();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
