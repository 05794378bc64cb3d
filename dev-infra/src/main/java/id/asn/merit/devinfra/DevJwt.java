package id.asn.merit.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Development tokens: an RSA key pair made on the developer's machine (never committed) and RS256 tokens
 * signed with it, carrying the claims of SYSTEM.md §7 ({@code sub}, {@code groups}, {@code nip}, {@code unit}).
 * Plain JDK, so that {@code ./suite token} needs nothing but Java.
 */
public final class DevJwt {
    public static final String ISSUER = "https://asn-merit.local/dev";
    public static final String PRIVATE_KEY_FILE = "privateKey.pem";
    public static final String PUBLIC_KEY_FILE = "publicKey.pem";

    private DevJwt() {
    }

    /** Writes privateKey.pem and publicKey.pem into dir unless both exist; returns dir. */
    public static Path ensureKeyPair(Path dir) {
        try {
            Path priv = dir.resolve(PRIVATE_KEY_FILE);
            Path pub = dir.resolve(PUBLIC_KEY_FILE);
            if (Files.exists(priv) && Files.exists(pub)) {
                return dir;
            }
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(Path keyDir, String subject, Collection<String> groups, String nip, String unit,
            Duration ttl) {
        return sign(keyDir, subject, groups, nip, unit, ttl, null);
    }

    /** As above, with an {@code aud} claim when {@code audience} is given (for gateways that check it). */
    public static String sign(Path keyDir, String subject, Collection<String> groups, String nip, String unit,
            Duration ttl, String audience) {
        Instant now = Instant.now();
        StringJoiner claims = new StringJoiner(",", "{", "}");
        claims.add(field("iss", ISSUER));
        claims.add(field("sub", subject));
        claims.add(field("upn", subject));
        claims.add(field("jti", UUID.randomUUID().toString()));
        claims.add("\"iat\":" + now.getEpochSecond());
        claims.add("\"exp\":" + now.plus(ttl).getEpochSecond());
        StringJoiner g = new StringJoiner(",", "[", "]");
        groups.forEach(role -> g.add(quote(role)));
        claims.add("\"groups\":" + g);
        if (nip != null) {
            claims.add(field("nip", nip));
        }
        if (unit != null) {
            claims.add(field("unit", unit));
        }
        if (audience != null) {
            claims.add(field("aud", audience));
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(readPrivateKey(keyDir.resolve(PRIVATE_KEY_FILE)));
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws GeneralSecurityException {
        try {
            String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("no development key at " + file + " (run ./suite up once)", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
