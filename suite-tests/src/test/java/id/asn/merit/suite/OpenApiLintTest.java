package id.asn.merit.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of fault the front-end linters found in the merged document is caught by {@link OpenApiLint}. */
class OpenApiLintTest {
    private static final String GOOD = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "security":[{"bearerAuth":[]}],
             "paths":{"/api/v1/things/{code}":{"get":{"operationId":"getThing","description":"One thing.",
                "security":[{"bearerAuth":["read"]}],
                "responses":{"200":{"description":"ok","content":{"application/json":{
                  "schema":{"$ref":"#/components/schemas/Thing"},
                  "examples":{"one":{"value":{"code":"A","count":2,"note":null,"tags":["x"],"kind":"BIG"}}}}}}}}}},
             "components":{"securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer"}},
               "schemas":{"Thing":{"type":"object","required":["code"],"properties":{
                 "code":{"type":"string"},"count":{"type":"integer"},"note":{"type":["string","null"]},
                 "tags":{"type":"array","items":{"type":"string"}},"kind":{"type":"string","enum":["BIG","SMALL"]}}}}}}
            """;

    @Test
    void aCleanDocumentHasNoFindings() {
        assertEquals(List.of(), OpenApiLint.check(OpenApiLint.parse(GOOD)));
    }

    @Test
    void aSecurityRequirementNamingAnUndefinedSchemeIsFound() {
        List<String> findings = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("{\"bearerAuth\":[\"read\"]}", "{\"jwt\":[\"read\"]}")));
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("security: GET /api/v1/things/{code}/security: names scheme 'jwt'"), findings.get(0));
    }

    @Test
    void anExampleWhoseFieldHasTheWrongTypeIsFound() {
        List<String> wrongType = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("\"count\":2", "\"count\":\"2\"")));
        assertEquals(1, wrongType.size(), wrongType.toString());
        assertTrue(wrongType.get(0).contains("$.count is string"), wrongType.get(0));

        List<String> nullNotAllowed = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("\"code\":\"A\"", "\"code\":null")));
        assertTrue(nullNotAllowed.get(0).contains("$.code is null"), nullNotAllowed.toString());

        List<String> badEnum = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("\"kind\":\"BIG\"", "\"kind\":\"HUGE\"")));
        assertTrue(badEnum.get(0).contains("not one of"), badEnum.toString());

        List<String> badItem = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("\"tags\":[\"x\"]", "\"tags\":[1]")));
        assertTrue(badItem.get(0).contains("$.tags[0] is integer"), badItem.toString());

        List<String> missing = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("\"code\":\"A\",", "")));
        assertTrue(missing.get(0).contains("lacks required property code"), missing.toString());
    }

    @Test
    void anArraySchemaWithoutItemsIsFound() {
        List<String> findings = OpenApiLint.check(OpenApiLint.parse(GOOD.replace(
                "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "\"tags\":{\"type\":\"array\"}")));
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("array-items: #/components/schemas/Thing/properties/tags"), findings.get(0));
    }

    @Test
    void anOperationWithoutDescriptionIsFound() {
        List<String> findings = OpenApiLint.check(OpenApiLint.parse(GOOD.replace("\"description\":\"One thing.\",", "")));
        assertEquals(List.of("description: GET /api/v1/things/{code}: the operation has no description"), findings);
    }
}
