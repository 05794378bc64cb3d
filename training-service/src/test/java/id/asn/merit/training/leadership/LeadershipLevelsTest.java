package id.asn.merit.training.leadership;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadershipLevelsTest {
    @Test
    void theRequiredTrainingIsThePositionsOwnElseByType() {
        assertEquals("PKP", LeadershipLevels.required("PENGAWAS", null));
        assertEquals("PKA", LeadershipLevels.required("ADMINISTRATOR", null));
        assertEquals("PKN_II", LeadershipLevels.required("JPT_PRATAMA", null));
        assertEquals("PKN_I", LeadershipLevels.required("JPT_MADYA", null));
        assertEquals("PKN_II", LeadershipLevels.required("ADMINISTRATOR", "PKN_II"), "the position's own requirement wins");
        assertEquals("PKA", LeadershipLevels.required("ADMINISTRATOR", "DIKLATPIM"), "an unknown requirement falls back to the type");
        assertNull(LeadershipLevels.required("PELAKSANA", null));
    }

    @Test
    void aHigherLevelProvesALowerOne() {
        assertTrue(LeadershipLevels.proves("PKP", "PKP"));
        assertTrue(LeadershipLevels.proves("PKA", "PKP"));
        assertTrue(LeadershipLevels.proves("PKN_I", "PKN_II"));
        assertFalse(LeadershipLevels.proves("PKP", "PKA"));
        assertFalse(LeadershipLevels.proves("PKN_II", "PKN_I"));
        assertFalse(LeadershipLevels.proves(null, "PKP"));
        assertEquals(0, LeadershipLevels.rank("SEPALA"));
    }
}
