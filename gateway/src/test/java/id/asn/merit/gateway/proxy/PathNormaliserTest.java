package id.asn.merit.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class PathNormaliserTest {
    @Test
    void removesDotSegmentsAsRfc3986() {
        assertEquals("/a/g", PathNormaliser.normalise("/a/b/c/./../../g"));
        assertEquals("/mid/6", PathNormaliser.normalise("/mid/content=5/../6"));
        assertEquals("/a/", PathNormaliser.normalise("/a/b/.."));
        assertEquals("/a/b/", PathNormaliser.normalise("/a/b/."));
        assertEquals("/", PathNormaliser.normalise("/a/.."));
        assertEquals("/a/b", PathNormaliser.normalise("/a//b"));
        assertEquals("/a/b", PathNormaliser.normalise("/a/%2e%2E/a/%2e/b"));
        assertEquals("/a/..b/.c", PathNormaliser.normalise("/a/..b/.c"), "dots inside a segment are a name");
    }

    @Test
    void aCleanPathIsReturnedAsItIs() {
        String p = "/api/v1/employees/198503152010011001";
        assertSame(p, PathNormaliser.normalise(p));
        assertSame("/a/b%2fc", PathNormaliser.normalise("/a/b%2fc"));
    }

    @Test
    void climbingAboveTheRootOrARelativePathIsRefused() {
        assertNull(PathNormaliser.normalise("/.."));
        assertNull(PathNormaliser.normalise("/a/../.."));
        assertNull(PathNormaliser.normalise("/%2e%2e/x"));
        assertNull(PathNormaliser.normalise("a/b"));
        assertNull(PathNormaliser.normalise(""));
    }
}
