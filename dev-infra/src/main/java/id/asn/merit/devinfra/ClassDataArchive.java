package id.asn.merit.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dynamic class-data-sharing archive per service for the local run (issue 10, start time): JDK 17 writes it with
 * {@code -XX:ArchiveClassesAtExit} when a service stops after a run without one, and maps it with
 * {@code -XX:SharedArchiveFile} at every later start, so the classes it holds are neither parsed nor verified again.
 * A stamp next to it (the JVM, the packaged jar's size and time, the other JVM options) says which build it was
 * written for; when the stamp differs — a rebuild, another JDK — the archive is dropped and written again at the next
 * stop. With {@code -Xshare:auto} (the default) a JVM that cannot map it runs without it.
 */
final class ClassDataArchive {
    private ClassDataArchive() {
    }

    static List<String> options(Path dir, String module, Path jar, List<String> otherOptions) {
        try {
            Files.createDirectories(dir);
            Path archive = dir.resolve(module + ".jsa");
            Path stampFile = dir.resolve(module + ".stamp");
            String stamp = stamp(jar, otherOptions);
            if (Files.exists(archive) && Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            Files.deleteIfExists(archive);
            Files.writeString(stampFile, stamp);
            // the dump lists every class it skips as a warning: not for the service's log
            return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the class-data archive of " + module + " in " + dir, e);
        }
    }

    private static String stamp(Path jar, List<String> otherOptions) throws IOException {
        return String.join("\n",
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"),
                jar.toAbsolutePath().toString(),
                Long.toString(Files.size(jar)),
                Long.toString(Files.getLastModifiedTime(jar).toMillis()),
                String.join(" ", otherOptions)) + "\n";
    }
}
