package id.asn.merit.platform;

import id.asn.merit.devinfra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of platform runs against the real PostgreSQL and Kafka of dev-infra. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
public class InfraResource {
}
