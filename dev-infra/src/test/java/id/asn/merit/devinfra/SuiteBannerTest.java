package id.asn.merit.devinfra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The banner names the directories where they are: relative inside the checkout, absolute elsewhere (ASN_SUITE_HOME). */
class SuiteBannerTest {

    @Test
    void aDirectoryInsideTheCheckoutIsShownRelative() {
        assertEquals(Path.of(".suite", "logs").toString(), Suite.shown(Path.of("/work/main"), Path.of("/work/main/.suite/logs")));
    }

    @Test
    void aSuiteHomeElsewhereIsShownWhereItIs() {
        assertEquals("/var/lib/asn/logs", Suite.shown(Path.of("/work/main"), Path.of("/var/lib/asn/logs")));
        assertEquals("/work/main-other/logs", Suite.shown(Path.of("/work/main"), Path.of("/work/main-other/logs")));
    }
}
