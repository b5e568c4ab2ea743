package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;
import scala.reflect.ClassTag$;

/**
 * Trial results cross from executors to the driver as bytes, so a cluster configured with
 * {@code spark.serializer=KryoSerializer} (which cannot serialise Java records) carries them unchanged.
 */
class TrialResultTransportTest {

    @Test
    void resultsSurviveTheTripThroughKryo() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("layers", 2L);
        values.put("learningRate", 0.01);
        values.put("updater", "nesterovs");
        values.put("batchNorm", true);
        ArrayList<TrialResult> results = new ArrayList<>(List.of(
                new TrialResult("0123456789abcdef", 7, new TrialConfig(values), 3, TrialStatus.COMPLETED,
                        Map.of("accuracy", 0.95), 0.95, null, Instant.ofEpochSecond(1, 2000), Instant.ofEpochSecond(5), 4.0, "host", "1"),
                new TrialResult("fedcba9876543210", 8, new TrialConfig(Map.of()), 3, TrialStatus.FAILED,
                        Map.of(), null, "boom", Instant.ofEpochSecond(6), Instant.ofEpochSecond(7), 1.0, "host", "2")));

        byte[] payload = TrialDispatcher.serialize(results);
        SerializerInstance kryo = new KryoSerializer(new SparkConf()).newInstance();
        ByteBuffer wire = kryo.serialize(payload, ClassTag$.MODULE$.apply(byte[].class));
        byte[] received = kryo.deserialize(wire, ClassTag$.MODULE$.apply(byte[].class));

        assertArrayEquals(payload, received);
        assertEquals(results, TrialDispatcher.deserialize(received));
    }
}
