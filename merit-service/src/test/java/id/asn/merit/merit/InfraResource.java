package id.asn.merit.merit;

import id.asn.merit.devinfra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against the real PostgreSQL and Kafka of dev-infra. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "merit"))
public class InfraResource {
}
