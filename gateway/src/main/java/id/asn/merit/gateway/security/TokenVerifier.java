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
 * expiry, and audience when {@code mp.jwt.verify.audiences} is set) with SmallRye JWT. The location may be a PEM
 * file or a JWKS URL; SmallRye caches a fetched key set ({@code smallrye.jwt.jwks.refresh-interval}) and the proxy
 * runs every signature check on a worker thread, so a slow JWKS server never blocks the event loop. The gateway only authenticates; the services check the roles themselves. The key is
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

    /** Why the header carries no bearer token at all, or null when it carries one (after "Bearer "). */
    private static Result refusedHeader(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Result(null, "no bearer token: send 'Authorization: Bearer <token>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Result(null, "the Authorization header is not a bearer token");
        }
        if (authorization.substring(7).isBlank()) {
            return new Result(null, "the bearer token is empty");
        }
        return null;
    }

    /**
     * What can be decided without cryptography, on the event loop: a missing or malformed header, a token that is not
     * three dot-separated parts, or a token verified before and not yet expired. {@code null} when the signature has
     * to be checked: then call {@link #verify} off the event loop (its key may have to be fetched from a JWKS URL).
     */
    public Result quick(String authorization) {
        Result refused = refusedHeader(authorization);
        if (refused != null) {
            return refused;
        }
        String token = token(authorization);
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return new Result(null, "the bearer token is invalid or expired");
        }
        return cached(token, System.currentTimeMillis() / 1000);
    }

    /** The token after "Bearer " (the header having passed {@link #refusedHeader}). */
    private static String token(String authorization) {
        return authorization.substring(7).trim();
    }

    /** The outcome of a token verified before and not expired at {@code now}; null otherwise (an expired entry is dropped). */
    private Result cached(String token, long now) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.expiresAtSeconds() > now) {
            return new Result(known.subject(), null);
        }
        verified.remove(token);
        return null;
    }

    /** The full check, signature included; may block (reading or fetching the key), so never on the event loop. */
    public Result verify(String authorization) {
        Result refused = refusedHeader(authorization);
        if (refused != null) {
            return refused;
        }
        String token = token(authorization);
        long now = System.currentTimeMillis() / 1000;
        Result known = cached(token, now);
        if (known != null) {
            return known;
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
