package id.asn.merit.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The services' bearer-token parser (issue 10): SmallRye JWT's own ({@link DefaultJWTParser}: signature, issuer,
 * expiry, audience when configured), with the tokens it verified kept by their exact text until their own
 * {@code exp}. A caller sends the same token with every request for as long as it lives, so a repeated token costs a
 * map lookup instead of an RS256 signature check and a JSON parse (about a sixth of a list page's CPU in the service,
 * more of a cheap GET's).
 * <p>
 * What is kept is what SmallRye verified, never a refusal (a refused token is checked again, and refused again, every
 * time); a kept token is given out only while {@code now < exp}, which is stricter than the parser's own clock skew.
 * The text is the key, signature included, so another token with the same claims is verified on its own. Bounded by
 * {@code asn.security.token-cache-size} (default 2 000, 0 turns it off) and emptied when full. Only
 * {@link #parse(String)}, the call Quarkus makes for a bearer token, is cached; the other methods go straight to
 * SmallRye.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {
    private final JWTParser verifier;
    private final int capacity;
    private final LongSupplier epochSeconds;
    private final ConcurrentHashMap<String, JsonWebToken> kept = new ConcurrentHashMap<>();
    private final AtomicLong verifications = new AtomicLong();

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier,
            @ConfigProperty(name = "asn.security.token-cache-size", defaultValue = "2000") int capacity) {
        this(verifier, capacity, () -> System.currentTimeMillis() / 1000);
    }

    /** For unit tests: any parser and clock. */
    VerifiedTokens(JWTParser verifier, int capacity, LongSupplier epochSeconds) {
        this.verifier = verifier;
        this.capacity = Math.max(0, capacity);
        this.epochSeconds = epochSeconds;
    }

    /** How many tokens went to SmallRye (not found, or found expired); for tests. */
    public long verifications() {
        return verifications.get();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null || capacity == 0) {
            return verified(token);
        }
        JsonWebToken jwt = kept.get(token);
        if (jwt != null) {
            if (epochSeconds.getAsLong() < jwt.getExpirationTime()) {
                return jwt;
            }
            kept.remove(token, jwt);
        }
        jwt = verified(token);
        // a token without exp is refused by SmallRye already; one that expires within the second is not worth keeping
        if (epochSeconds.getAsLong() < jwt.getExpirationTime()) {
            if (kept.size() >= capacity) {
                kept.clear();
            }
            kept.put(token, jwt);
        }
        return jwt;
    }

    private JsonWebToken verified(String token) throws ParseException {
        verifications.incrementAndGet();
        return verifier.parse(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
