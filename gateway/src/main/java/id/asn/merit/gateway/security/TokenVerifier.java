package id.asn.merit.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Checks the bearer token of a request (signature against {@code mp.jwt.verify.publickey.location}, issuer,
 * expiry) with SmallRye JWT. The gateway only authenticates; the services check the roles themselves. The key is
 * read on first use, so a missing key file does not stop the gateway starting: every token is then refused.
 */
@ApplicationScoped
public class TokenVerifier {
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    @Inject
    JWTParser parser;

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
        try {
            JsonWebToken jwt = parser.parse(token);
            String subject = jwt.getSubject();
            return new Result(subject != null ? subject : jwt.getName(), null);
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
