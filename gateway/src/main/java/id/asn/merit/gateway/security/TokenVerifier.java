package id.asn.merit.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the bearer token of a request (signature against {@code mp.jwt.verify.publickey.location}, issuer,
 * expiry) with SmallRye JWT. The gateway only authenticates; the services check the roles themselves. The key is
 * read on first use, so a missing key file does not stop the gateway starting: every token is then refused.
 * <p>
 * A token that verified is kept, by its exact text, until its own {@code exp}: a repeated token then costs a map
 * lookup instead of an RS256 signature check (the services still verify it themselves). Only verified tokens are
 * kept, never one past its expiry; the cache is bounded ({@code asn.gateway.token-cache-size}) and simply emptied
 * when full.
 */
@ApplicationScoped
public class TokenVerifier {
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    @Inject
    JWTParser parser;
    @ConfigProperty(name = "asn.gateway.token-cache-size", defaultValue = "10000")
    int cacheSize;

    private record Verified(String subject, long expiresAtSeconds) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final AtomicLong signatureChecks = new AtomicLong();

    /** How many tokens were verified cryptographically (cache misses); for tests and metrics. */
    public long signatureChecks() {
        return signatureChecks.get();
    }

    /** The outcome: the token's subject, or why it was refused. */
    public record Result(String subject, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    public Result verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Result(null, "no bearer token: send 'Authorization: Bearer <token>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Result(null, "the Authorization header is not a bearer token");
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty()) {
            return new Result(null, "the bearer token is empty");
        }
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAtSeconds() > now) {
                return new Result(known.subject(), null);
            }
            verified.remove(token);
        }
        try {
            signatureChecks.incrementAndGet();
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            long exp = jwt.getExpirationTime();
            if (exp > now && cacheSize > 0) {
                if (verified.size() >= cacheSize) {
                    verified.clear();
                }
                verified.put(token, new Verified(subject, exp));
            }
            return new Result(subject, null);
        } catch (ParseException e) {
            LOG.debugf("token refused: %s", e.getMessage());
            return new Result(null, "the bearer token is invalid or expired");
        } catch (RuntimeException e) {
            // e.g. the verification key cannot be read: refuse rather than fail the request with a 500
            LOG.warnf("token could not be verified: %s", e.toString());
            return new Result(null, "the bearer token could not be verified");
        }
    }
}
