package id.asn.merit.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs: the first response for a key is stored in the same transaction as the
 * creation and replayed for a retry with the same body; the same key with another body is a 422. Keys are scoped by
 * caller and path, so two callers never see each other's responses.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;

    @Transactional
    public Response run(String key, String path, Object request, Supplier<Response> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        if (key.length() > 200) {
            throw ApiException.badRequest(HEADER, "must be at most 200 characters");
        }
        String scope = caller.subject() + " POST " + path;
        String hash = hash(request);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                "select request_hash, status, body, location from idempotency_record where scope = :scope and idem_key = :key")
                .setParameter("scope", scope).setParameter("key", key).getResultList();
        if (!found.isEmpty()) {
            Object[] row = found.get(0);
            if (!hash.equals(row[0])) {
                throw ApiException.unprocessable(HEADER, "was used before with a different request body");
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                    .type(MediaType.APPLICATION_JSON).entity(row[2]).header("Idempotent-Replayed", "true");
            if (row[3] != null) {
                replay.location(URI.create((String) row[3]));
            }
            return replay.build();
        }
        Response response = create.get();
        em.createNativeQuery("""
                insert into idempotency_record (scope, idem_key, request_hash, status, body, location)
                values (:scope, :key, :hash, :status, :body, :location)""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .setParameter("status", response.getStatus()).setParameter("body", write(response.getEntity()))
                .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                .executeUpdate();
        return response;
    }

    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
