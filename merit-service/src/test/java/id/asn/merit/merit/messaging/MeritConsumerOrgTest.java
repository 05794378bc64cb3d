package id.asn.merit.merit.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static id.asn.merit.merit.messaging.ReadModelEvents.ORG;
import static id.asn.merit.merit.messaging.ReadModelEvents.T0;
import static id.asn.merit.merit.messaging.ReadModelEvents.awaitProcessed;
import static id.asn.merit.merit.messaging.ReadModelEvents.deadLetter;
import static id.asn.merit.merit.messaging.ReadModelEvents.header;
import static id.asn.merit.merit.messaging.ReadModelEvents.position;
import static id.asn.merit.merit.messaging.ReadModelEvents.rows;
import static id.asn.merit.merit.messaging.ReadModelEvents.send;
import static id.asn.merit.merit.messaging.ReadModelEvents.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asn.org.v1 → org_unit_replica and position_replica, in version order per unit:CODE and position:CODE. */
@QuarkusTest
class MeritConsumerOrgTest {
    static final String UNIT_CHANGED = "asn.org.unit-changed.v1";
    static final String POSITION_CHANGED = "asn.org.position-changed.v1";

    @Inject
    EntityManager em;

    @Test
    void unitsAndPositionsLandInVersionOrder() {
        var root = send(ORG, "MCO-ROOT", UNIT_CHANGED, T0, unit("MCO-ROOT", null, "MCO-ROOT", 0));
        var bidang = send(ORG, "MCO-BID", UNIT_CHANGED, T0, unit("MCO-BID", "MCO-ROOT", "MCO-ROOT/MCO-BID", 3));
        // an older version of the same unit, arriving late (it still had another parent): not applied
        var olderBidang = send(ORG, "MCO-BID", UNIT_CHANGED, T0, unit("MCO-BID", "MCO-OLD", "MCO-OLD/MCO-BID", 2));
        var kabid = send(ORG, "MCO-KABID", POSITION_CHANGED, T0, position("MCO-KABID", "MCO-BID", "ADMINISTRATOR", "S2", "PKA", 4));
        var olderKabid = send(ORG, "MCO-KABID", POSITION_CHANGED, T0, position("MCO-KABID", "MCO-BID", "PENGAWAS", "S1", "PKP", 1));
        awaitProcessed(em, root, bidang, olderBidang, kabid, olderKabid);

        assertEquals(List.of(List.of("MCO-BID", "MCO-ROOT", "MCO-ROOT/MCO-BID", "BIDANG", "ACTIVE", 3L),
                        List.of("MCO-ROOT", "MCO-ROOT", "MCO-ROOT", "BIDANG", "ACTIVE", 0L)),
                rows(em, """
                        select code, coalesce(parent_code, code), path, level, status, source_version
                        from org_unit_replica where code in ('MCO-ROOT', 'MCO-BID') order by code"""));
        assertEquals(List.of(List.of("Jabatan MCO-KABID", "MCO-BID", "ADMINISTRATOR", 9, "III/c", "S2", "PKA", "ACTIVE", 4L, kabid.id())),
                rows(em, """
                        select title, org_unit_code, type, grade, min_rank, min_education_level, required_leadership_training,
                               status, source_version, last_event_id
                        from position_replica where code = 'MCO-KABID'"""));

        var newer = send(ORG, "MCO-KABID", POSITION_CHANGED, T0, position("MCO-KABID", "MCO-BID", "ADMINISTRATOR", null, "PKA", 5));
        awaitProcessed(em, newer);
        assertEquals(List.of(List.of("ADMINISTRATOR", "NONE", 5L)),
                rows(em, "select type, coalesce(min_education_level, 'NONE'), source_version from position_replica where code = 'MCO-KABID'"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        var first = send(ORG, "MCO-REDO", POSITION_CHANGED, id, T0, position("MCO-REDO", "MCO-ROOT", "PELAKSANA", "SMA", null, 0));
        send(ORG, "MCO-REDO", POSITION_CHANGED, id, T0, position("MCO-REDO", "MCO-ROOT", "FUNGSIONAL", "S3", null, 7));
        var marker = send(ORG, "MCO-REDO-U", UNIT_CHANGED, T0, unit("MCO-REDO-U", null, "MCO-REDO-U", 0));
        awaitProcessed(em, first, marker);
        assertEquals(List.of(List.of("PELAKSANA", "SMA", 0L)),
                rows(em, "select type, min_education_level, source_version from position_replica where code = 'MCO-REDO'"));
    }

    @Test
    void aMalformedRecordGoesToTheDlqAndTheNextOneIsApplied() {
        var poison = send(ORG, "MCO-POISON", POSITION_CHANGED, T0, position("MCO-POISON", "MCO-ROOT", "KEPALA", null, null, 0));
        var unknownType = send(ORG, "MCO-POISON", "asn.org.renamed.v1", T0, unit("MCO-POISON", null, "MCO-POISON", 0));
        var next = send(ORG, "MCO-AFTER", UNIT_CHANGED, T0, unit("MCO-AFTER", null, "MCO-AFTER", 0));
        awaitProcessed(em, next);
        assertEquals(1, rows(em, "select code from org_unit_replica where code = 'MCO-AFTER'").size());
        assertEquals(0, rows(em, "select code from position_replica where code = 'MCO-POISON'").size());
        var dead = deadLetter(ORG, poison.id());
        assertNotNull(dead, "on asn.org.v1.dlq.merit-service");
        assertTrue(header(dead, "dead-letter-reason").contains("data.type"), header(dead, "dead-letter-reason"));
        assertTrue(header(deadLetter(ORG, unknownType.id()), "dead-letter-reason").contains("not an asn.org event"));
    }
}
