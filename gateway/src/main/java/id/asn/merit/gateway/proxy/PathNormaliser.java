package id.asn.merit.gateway.proxy;

/**
 * The path the gateway routes by and forwards: RFC 3986 §5.2.4 remove_dot_segments applied to the raw path, with
 * percent-encoded dots ({@code %2e}, {@code %2E}) counted as dots and empty segments ({@code //}) collapsed. So
 * {@code /api/v1/employees/../merit-policies/current} is routed (and forwarded) as {@code /api/v1/merit-policies/current},
 * and no prefix check can be walked around. Other percent-escapes are left as they are (the service decodes them).
 */
public final class PathNormaliser {
    private PathNormaliser() {
    }

    /**
     * The normalised path, the same instance when nothing needed changing (the usual case, no allocation), or
     * null when the path climbs above the root (more {@code ..} than segments before them) or is not absolute.
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return null;
        }
        if (isClean(raw)) {
            return raw;
        }
        String[] parts = raw.split("/", -1);
        String[] out = new String[parts.length];
        int n = 0;
        boolean trailingSlash = false;
        for (int i = 1; i < parts.length; i++) {
            String seg = parts[i];
            boolean last = i == parts.length - 1;
            String dots = seg.length() <= 6 ? decodeDots(seg) : seg;
            if (seg.isEmpty()) {
                trailingSlash = last && n > 0;
            } else if (dots.equals(".")) {
                trailingSlash = last;
            } else if (dots.equals("..")) {
                if (n == 0) {
                    return null;
                }
                n--;
                trailingSlash = last;
            } else {
                out[n++] = seg;
                trailingSlash = false;
            }
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < n; i++) {
            sb.append('/').append(out[i]);
        }
        if (n == 0 || trailingSlash) {
            sb.append('/');
        }
        return sb.toString();
    }

    /** No "//", no "." or ".." segment, no percent-encoded dot. */
    static boolean isClean(String p) {
        int len = p.length();
        for (int i = 0; i < len; i++) {
            char c = p.charAt(i);
            if (c == '%' && i + 2 < len && p.charAt(i + 1) == '2' && (p.charAt(i + 2) == 'e' || p.charAt(i + 2) == 'E')) {
                return false;
            }
            if (c == '/' && i + 1 < len) {
                char next = p.charAt(i + 1);
                if (next == '/') {
                    return false;
                }
                if (next == '.') {
                    int j = i + 2;
                    if (j < len && p.charAt(j) == '.') {
                        j++;
                    }
                    if (j == len || p.charAt(j) == '/') {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static String decodeDots(String seg) {
        return seg.replace("%2e", ".").replace("%2E", ".");
    }
}
