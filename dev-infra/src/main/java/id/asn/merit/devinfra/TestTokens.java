package id.asn.merit.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A throw-away key pair per test JVM and tokens signed with it, for tests that need no database or broker. */
public final class TestTokens {
    private static Path keyDir;

    private TestTokens() {
    }

    public static synchronized Path keyDir() {
        if (keyDir == null) {
            try {
                keyDir = DevJwt.ensureKeyPair(Files.createTempDirectory("asn-test-keys"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keyDir;
    }

    /** file: URI of the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static String publicKeyLocation() {
        return keyDir().resolve(DevJwt.PUBLIC_KEY_FILE).toUri().toString();
    }

    /** A signed token for role; nip and unit may be null. The subject is the NIP when given. */
    public static String token(String role, String nip, String unit) {
        String subject = nip != null ? nip : "test-" + role.toLowerCase().replace('_', '-');
        return DevJwt.sign(keyDir(), subject, List.of(role), nip, unit, Duration.ofHours(1));
    }

    public static String token(String role) {
        return token(role, null, null);
    }
}
