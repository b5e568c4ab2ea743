package org.sparksweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * A driver that a standalone worker launched (cluster deploy mode) on an authenticated cluster
 * gets the secret in its environment, not its configuration; the session must take it from there.
 */
class SessionsTest {
    static SparkConf conf(String... keyValues) {
        SparkConf c = new SparkConf(false);
        for (int i = 0; i < keyValues.length; i += 2) c.set(keyValues[i], keyValues[i + 1]);
        return c;
    }

    @Test
    void anAuthenticatedDriverTakesTheSecretItsWorkerPassedInTheEnvironment() {
        assertEquals("s3cret", Sessions.inheritedAuthSecret(conf("spark.authenticate", "true"), Map.of("_SPARK_AUTH_SECRET", "s3cret")));
    }

    @Test
    void aSecretInTheConfigurationIsLeftAsItIs() {
        assertNull(Sessions.inheritedAuthSecret(conf("spark.authenticate", "true", "spark.authenticate.secret", "given"),
                Map.of("_SPARK_AUTH_SECRET", "other")));
    }

    @Test
    void withoutAuthenticationNoSecretIsSet() {
        assertNull(Sessions.inheritedAuthSecret(conf(), Map.of("_SPARK_AUTH_SECRET", "s3cret")));
        assertNull(Sessions.inheritedAuthSecret(conf("spark.authenticate", "false"), Map.of("_SPARK_AUTH_SECRET", "s3cret")));
        assertNull(Sessions.inheritedAuthSecret(conf("spark.authenticate", "true"), Map.of()));
    }
}
