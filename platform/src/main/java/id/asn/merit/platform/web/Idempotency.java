package id.asn.merit.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.asn.merit.platform.problem.ApiException;
import id.asn.merit.platform.problem.Problem;
import id.asn.merit.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs: the first response for a key is stored in the same transaction as the
 * creation and replayed for a retry with the same body; the same key with another body is a 422. Keys are scoped by
 * caller and path, so two callers never see each other's responses, and expire after
 * {@link IdempotencyConfig#expiry()}; an expired key acts as new.
 *
 * <p>The key is claimed <em>before</em> the effect by inserting its row in the effect's transaction. A concurrent
 * request with the same key blocks on that row (a unique-index wait in PostgreSQL) until the first commits, then
 * replays its response; if the first rolls back (its creation failed), the waiting one claims the key and creates.
 * So two concurrent requests give one effect and one replay; a request that would wait longer than
 * {@link IdempotencyConfig#inProgressWait()} answers 409 "in progress" instead, and a crash never leaves a key stuck.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String IN_PROGRESS_TYPE = "urn:asn:problem:idempotency-in-progress";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;
    @Inject
    IdempotencyConfig config;

    @Transactional
    public Response run(String key, String path, Object request, Supplier<Response> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        if (key.length() > 200) {
            throw ApiException.badRequest(HEADER, "must be at most 200 characters");
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.badRequest(HEADER, "must be printable ASCII");
        }
        String scope = caller.subject() + " POST " + path;
        String hash = hash(request);
        if (claim(scope, key, hash)) {
            Response response = create.get();
            em.createNativeQuery("""
                    update idempotency_record set status = :status, body = :body, location = :location
                    where scope = :scope and idem_key = :key""")
                    .setParameter("scope", scope).setParameter("key", key)
                    .setParameter("status", response.getStatus()).setParameter("body", write(response.getEntity()))
                    .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                    .executeUpdate();
            return response;
        }
        return replay(scope, key, hash);
    }

    /**
     * Inserts the key's row, or takes over an expired one; true when this request owns the key. Waits (at most
     * {@code inProgressWait}) while another transaction holds the same key.
     */
    private boolean claim(String scope, String key, String hash) {
        String lockTimeout = (String) em.createNativeQuery("select current_setting('lock_timeout')").getSingleResult();
        em.createNativeQuery("select set_config('lock_timeout', :wait, true)")
                .setParameter("wait", Math.max(1, config.inProgressWait().toMillis()) + "ms").getSingleResult();
        int claimed;
        try {
            claimed = em.createNativeQuery("""
                    insert into idempotency_record (scope, idem_key, request_hash, expires_at)
                    values (:scope, :key, :hash, now() + :seconds * interval '1 second')
                    on conflict (scope, idem_key) do update
                        set request_hash = excluded.request_hash, status = null, body = null, location = null,
                            created_at = now(), expires_at = excluded.expires_at
                        where idempotency_record.expires_at <= now()""")
                    .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                    .setParameter("seconds", config.expiry().toMillis() / 1000.0)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (hasSqlState(e, LOCK_NOT_AVAILABLE)) {
                throw inProgress();
            }
            throw e;
        }
        em.createNativeQuery("select set_config('lock_timeout', :previous, true)")
                .setParameter("previous", lockTimeout).getSingleResult();
        return claimed == 1;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                "select request_hash, status, body, location from idempotency_record where scope = :scope and idem_key = :key")
                .setParameter("scope", scope).setParameter("key", key).getResultList();
        if (found.isEmpty() || found.get(0)[1] == null) {
            // deleted or taken over meanwhile (expired a moment ago): the caller may simply retry
            throw inProgress();
        }
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

    private static ApiException inProgress() {
        return new ApiException(409, IN_PROGRESS_TYPE, "Request in progress",
                "a request with this Idempotency-Key is still being processed; retry it in a moment",
                List.of(new Problem.FieldError(HEADER, "is in use by a request that has not finished")));
    }

    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private String hash(Object request) {
        try {
            String text = request == null ? "null" : write(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
