package id.asn.merit.devinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the JVM's real PostgreSQL (a fresh database per start) and real Kafka
 * broker, and makes it trust the test key pair. Arg {@code database}: the database name prefix.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String databasePrefix = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.getOrDefault("database", databasePrefix);
    }

    @Override
    public Map<String, String> start() {
        TestInfra infra = TestInfra.get();
        String database = infra.freshDatabase(databasePrefix);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", infra.publicKey().toUri().toString());
        config.put("mp.jwt.verify.issuer", DevJwt.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // the servers live for the whole test JVM; TestInfra stops them at exit
    }
}
