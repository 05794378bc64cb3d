package id.asn.merit.platform.problem;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A test-only resource with the kinds of input the services take, to check how bad input is reported. */
@Path("/test/probes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class ProbeResource {
    public static final String PATH = "/test/probes";

    @Inject
    AgroalDataSource dataSource;

    public enum Colour { RED, GREEN }

    public record Item(@NotBlank String name, @Min(1) int quantity) {
    }

    public record ProbeRequest(@NotBlank @Size(max = 20) String code, Integer count, Colour colour, LocalDate day,
            @Valid List<Item> items, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ProbeRequest echo(@NotNull @Valid ProbeRequest request) {
        return request;
    }

    /** Looks the code (and q) up in the database, as a service's read by key does. */
    @GET
    @Path("/{code}")
    public Map<String, Object> find(@PathParam("code") String code, @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("from") LocalDate from,
            @QueryParam("colour") Colour colour, @QueryParam("subtree") boolean subtree) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from idempotency_record where idem_key = ? or scope = ?")) {
            s.setString(1, code);
            s.setString(2, q == null ? "" : q);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Map.of("code", code, "matches", rs.getLong(1), "page", page == null ? 0 : page,
                        "from", String.valueOf(from), "colour", String.valueOf(colour));
            }
        }
    }
}
