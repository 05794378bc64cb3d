package id.asn.merit.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;

/** Who is calling: subject, roles and the suite's own claims ({@code nip}, {@code unit}). */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The caller's own NIP ({@code nip} claim), or null. */
    public String nip() {
        return claim("nip");
    }

    /** The org unit a UNIT_HEAD heads ({@code unit} claim), or null. */
    public String unit() {
        return claim("unit");
    }

    private String claim(String name) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        }
        return null;
    }
}
