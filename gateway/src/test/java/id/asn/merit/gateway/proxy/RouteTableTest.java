package id.asn.merit.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {
    static final RouteTable TABLE = new RouteTable(List.of(
            new RouteTable.Route("/api/v1/employees", "employee-service", URI.create("http://e:1")),
            new RouteTable.Route("/api/v1/employee-imports", "employee-service", URI.create("http://e:1")),
            new RouteTable.Route("/api/v1/employees/special", "other-service", URI.create("http://o:2"))));

    static String owner(String path) {
        return TABLE.find(path).map(RouteTable.Route::service).orElse(null);
    }

    @Test
    void aPrefixMatchesItselfAndWhatFollowsASlashOrQuestionMark() {
        assertEquals("employee-service", owner("/api/v1/employees"));
        assertEquals("employee-service", owner("/api/v1/employees/1985/placements"));
        assertEquals("employee-service", owner("/api/v1/employees?page=1"));
        assertEquals("employee-service", owner("/api/v1/employee-imports/7"));
    }

    @Test
    void aPrefixDoesNotMatchInsideASegment() {
        assertTrue(TABLE.find("/api/v1/employeesX").isEmpty());
        assertTrue(TABLE.find("/api/v1/employee").isEmpty());
        assertTrue(TABLE.find("/api/v1").isEmpty());
    }

    @Test
    void theLongestPrefixWins() {
        assertEquals("other-service", owner("/api/v1/employees/special/1"));
        assertEquals("employee-service", owner("/api/v1/employees/specialist"));
    }
}
