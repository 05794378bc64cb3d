package id.asn.merit.platform.imports;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A job as its worker runs it: the spooled file, how far an earlier run got ({@code processed}: rows up to this
 * number are committed), and who started it (the audit entries and records a handler writes name them, since the
 * worker has no request).
 */
public record ImportJob(UUID id, ImportReader.Format format, Path file, int processed, String actor, String roles,
                        String requestId) {
}
