package id.asn.merit.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson reads and writes the services' records and beans through generated lambdas instead of reflection
 * (Jackson's Blackbird module, issue 10): a list page of 50 rows spent about a seventh of the service's CPU in
 * {@code Method.invoke} of record accessors. What is written and read does not change, only how the properties are
 * reached; a class Blackbird cannot reach is left to reflection by Blackbird itself.
 */
@Singleton
public class JsonAccessors implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}
