package id.asn.merit.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cache rules of {@link VerifiedTokens}, with a parser that verifies by table and a clock that is set by hand. */
class VerifiedTokensTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger calls = new AtomicInteger();
    /** token text → its exp; a token not in the table is refused */
    private final Map<String, Long> valid = Map.of("a.b.good", 1_100L, "a.b.other", 1_100L, "a.b.short", 1_001L);

    private final DefaultJWTParser table = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            Long exp = valid.get(token);
            if (exp == null) {
                throw new ParseException("refused: " + token);
            }
            return jwt(token, exp);
        }
    };

    private static JsonWebToken jwt(String name, long exp) {
        return (JsonWebToken) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(), new Class<?>[] {JsonWebToken.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getExpirationTime" -> exp;
                    case "getClaimNames" -> Set.of("exp");
                    case "getClaim" -> exp;
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private VerifiedTokens tokens(int capacity) {
        return new VerifiedTokens(table, capacity, now::get);
    }

    @Test
    void aRepeatedTokenIsVerifiedOnceWhileItLives() throws Exception {
        VerifiedTokens t = tokens(10);
        JsonWebToken first = t.parse("a.b.good");
        now.set(1_099);
        assertSame(first, t.parse("a.b.good"));
        assertEquals(1, calls.get());
        assertEquals(1, t.verifications());
    }

    @Test
    void aKeptTokenIsNotGivenOutFromItsExpiryOn() throws Exception {
        VerifiedTokens t = tokens(10);
        t.parse("a.b.good");
        now.set(1_100); // exp reached: verified again (and the parser decides; here it still answers)
        t.parse("a.b.good");
        assertEquals(2, calls.get());
    }

    @Test
    void aRefusalIsNeverKept() {
        VerifiedTokens t = tokens(10);
        assertThrows(ParseException.class, () -> t.parse("a.b.forged"));
        assertThrows(ParseException.class, () -> t.parse("a.b.forged"));
        assertEquals(2, calls.get());
    }

    @Test
    void theKeyIsTheWholeTextSoAnotherSignatureIsVerifiedOnItsOwn() throws Exception {
        VerifiedTokens t = tokens(10);
        t.parse("a.b.good");
        assertThrows(ParseException.class, () -> t.parse("a.b.goodX"));
        assertEquals("a.b.other", t.parse("a.b.other").getName());
        assertEquals(3, calls.get());
    }

    @Test
    void aTokenTheParserStillAcceptsPastItsExpiryIsNotKept() throws Exception {
        // SmallRye allows a clock skew; the cache does not: a token past its exp is verified afresh every time
        VerifiedTokens t = tokens(10);
        now.set(1_001);
        t.parse("a.b.short");
        t.parse("a.b.short");
        assertEquals(2, calls.get());
    }

    @Test
    void aFullCacheStartsOverAndZeroTurnsItOff() throws Exception {
        VerifiedTokens t = tokens(1);
        t.parse("a.b.good");
        t.parse("a.b.other"); // full: emptied, then other kept
        t.parse("a.b.other");
        t.parse("a.b.good");
        assertEquals(3, calls.get());
        VerifiedTokens off = tokens(0);
        off.parse("a.b.good");
        off.parse("a.b.good");
        assertEquals(5, calls.get());
    }
}
