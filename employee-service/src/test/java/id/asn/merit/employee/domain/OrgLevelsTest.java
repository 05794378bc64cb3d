package id.asn.merit.employee.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit's level follows from its depth; the four regional names first, generic labels below them. */
class OrgLevelsTest {
    final OrgLevels ministry = new OrgLevels(6);

    @Test
    void theFirstFourDepthsKeepTheirNamesAndDeeperOnesGetGenericLabels() {
        assertEquals("INSTANSI", OrgLevels.label(1));
        assertEquals("PERANGKAT_DAERAH", OrgLevels.label(2));
        assertEquals("BIDANG", OrgLevels.label(3));
        assertEquals("SEKSI", OrgLevels.label(4));
        assertEquals("LEVEL_5", OrgLevels.label(5));
        assertEquals("LEVEL_6", OrgLevels.label(6));
    }

    @Test
    void aLabelStandsForOneDepth() {
        assertEquals(Optional.of(1), OrgLevels.depthOf("INSTANSI"));
        assertEquals(Optional.of(4), OrgLevels.depthOf("SEKSI"));
        assertEquals(Optional.of(6), OrgLevels.depthOf("LEVEL_6"));
        assertEquals(Optional.empty(), OrgLevels.depthOf("LEVEL_3"), "depth 3 has a name");
        assertEquals(Optional.empty(), OrgLevels.depthOf("DIREKTORAT"));
        assertTrue("LEVEL_12".matches(OrgLevels.LABEL_PATTERN));
        assertFalse("LEVEL_4".matches(OrgLevels.LABEL_PATTERN));
    }

    @Test
    void theLevelIsDerivedFromTheParentAndAContradictingOneIsNamed() {
        assertTrue(ministry.contradiction(2, null).isEmpty(), "absent: derived");
        assertTrue(ministry.contradiction(2, "BIDANG").isEmpty());
        assertTrue(ministry.contradiction(4, "LEVEL_5").isEmpty());
        assertEquals("a unit under a PERANGKAT_DAERAH is a BIDANG, not a SEKSI (the level follows from the parent; leave it out to derive it)",
                ministry.contradiction(2, "SEKSI").orElseThrow());
        assertTrue(ministry.contradiction(0, "INSTANSI").isEmpty());
        assertTrue(ministry.contradiction(1, "INSTANSI").isPresent(), "an INSTANSI is a root only");
    }

    @Test
    void theDepthIsBoundedByConfiguration() {
        assertTrue(ministry.allows(6));
        assertFalse(ministry.allows(7));
        assertFalse(new OrgLevels(4).allows(5));
    }
}
