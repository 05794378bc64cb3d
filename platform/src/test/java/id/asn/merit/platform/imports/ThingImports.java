package id.asn.merit.platform.imports;

import id.asn.merit.platform.problem.Problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A test import of numbers: column {@code n} (an integer ≥ 0) is stored in thing_imported (primary key n, so a number
 * already there is unchanged); 13 makes the database refuse the batch, as a constraint no check knew of would.
 */
@ApplicationScoped
public class ThingImports implements ImportHandler<Integer> {
    @Override
    public String name() {
        return "thing";
    }

    @Override
    public String jobTable() {
        return "thing_import_job";
    }

    @Override
    public String errorTable() {
        return "thing_import_error";
    }

    @Override
    public Session<Integer> open(ImportJob job) {
        return new Session<>() {
            @Override
            public Parsed<Integer> parse(ImportRow row) {
                try {
                    int n = Integer.parseInt(row.get("n"));
                    return n >= 0 ? Parsed.ok(n) : Parsed.refused(List.of(new FieldError("n", "must not be negative")));
                } catch (NumberFormatException e) {
                    return Parsed.refused(List.of(new FieldError("n", "is not a number")));
                }
            }

            @Override
            public Written write(Connection c, List<Numbered<Integer>> rows) throws SQLException {
                int created = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into thing_imported (n, job_id) values (?, ?) on conflict do nothing")) {
                    for (Numbered<Integer> r : rows) {
                        if (r.value() == 13) {
                            throw new SQLException("thirteen is refused");
                        }
                        ps.setInt(1, r.value());
                        ps.setObject(2, job.id());
                        created += ps.executeUpdate();
                    }
                }
                return new Written(created, 0, rows.size() - created, List.of());
            }
        };
    }

    @Path("/test/thing-imports")
    @RolesAllowed({"ADMIN", "HR_OFFICER"})
    @Produces(MediaType.APPLICATION_JSON)
    public static class Resource {
        @Inject
        ImportJobs engine;
        @Inject
        ThingImports handler;

        @POST
        @Consumes({"text/csv", MediaType.APPLICATION_JSON})
        public Response start(InputStream body, @HeaderParam("Content-Type") String type, @HeaderParam("Idempotency-Key") String key,
                              @Context UriInfo uri) {
            return engine.accept(handler, "/test/thing-imports", "ThingImport", type, body, key, uri, s -> s);
        }

        @GET
        @Path("/{id}")
        public ImportJobState get(@PathParam("id") String id) {
            return engine.view(handler, ImportJobs.parseId(id));
        }
    }
}
