package id.asn.merit.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of processes from {@code /proc/<pid>/stat}: utime + stime of all threads, in clock ticks
 * ({@code getconf CLK_TCK}, 100 on Linux), plus cutime + cstime (children that exited and were waited for). A
 * process "tree" sums every living descendant as well: PostgreSQL's backends are children of the postmaster, and a
 * backend that exits adds its time to the postmaster's cutime, so nothing is counted twice.
 */
final class ProcCpu {
    static final double TICK_MILLIS = 1000.0 / ticksPerSecond();

    /** A named set of processes to sample: a single pid or a pid and its descendants. */
    record Target(String name, long pid, boolean tree) {
    }

    private final List<Target> targets = new ArrayList<>();

    ProcCpu add(String name, long pid, boolean tree) {
        if (pid > 0) {
            targets.add(new Target(name, pid, tree));
        }
        return this;
    }

    List<Target> targets() {
        return targets;
    }

    /** Ticks now, per target name. */
    Map<String, Long> sample() {
        Map<Long, List<Long>> children = null;
        Map<String, Long> out = new LinkedHashMap<>();
        for (Target t : targets) {
            long ticks = ticks(t.pid);
            if (t.tree) {
                if (children == null) {
                    children = childrenByParent();
                }
                List<Long> stack = new ArrayList<>(children.getOrDefault(t.pid, List.of()));
                while (!stack.isEmpty()) {
                    long p = stack.remove(stack.size() - 1);
                    ticks += Math.max(0, ticks(p));
                    stack.addAll(children.getOrDefault(p, List.of()));
                }
            }
            out.put(t.name, ticks);
        }
        return out;
    }

    /** CPU milliseconds per target between two samples. */
    static Map<String, Double> millis(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((k, v) -> out.put(k, (v - before.getOrDefault(k, v)) * TICK_MILLIS));
        return out;
    }

    /** utime + stime + cutime + cstime of one process, or -1 when it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), here 0-based from state
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                long ppid = parent(pid);
                if (ppid > 0) {
                    children.computeIfAbsent(ppid, x -> new ArrayList<>()).add(pid);
                }
            }
        } catch (IOException ignored) {
            // no /proc: no tree
        }
        return children;
    }

    /** Current resident set (VmRSS) in kB, or -1. */
    static long rssKb(long pid) {
        return status(pid, "VmRSS");
    }

    /** Peak resident set since start or the last {@link #resetPeak} (VmHWM) in kB, or -1. */
    static long peakRssKb(long pid) {
        return status(pid, "VmHWM");
    }

    /** Resets VmHWM to the current RSS ({@code echo 5 > /proc/<pid>/clear_refs}); false when not allowed. */
    static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long status(long pid, String key) {
        try {
            Matcher m = Pattern.compile(key + ":\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(s);
        } catch (Exception e) {
            return 100;
        }
    }

    /**
     * Established TCP connections (IPv4 and IPv6) held by process {@code pid} whose remote port is {@code port}: how
     * many connections a client really keeps to a server (matched by socket inode against the process's descriptors).
     */
    static int connectionsTo(long pid, int port) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException ignored) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        int n = 0;
        String hex = String.format(":%04X", port);
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String l : Files.readAllLines(Path.of(file))) {
                    String[] f = l.trim().split("\\s+");
                    if (f.length > 9 && f[2].endsWith(hex) && f[3].equals("01") && inodes.contains(f[9])) {
                        n++;
                    }
                }
            } catch (IOException ignored) {
                // no such table
            }
        }
        return n;
    }
}
