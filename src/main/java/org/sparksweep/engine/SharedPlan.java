package org.sparksweep.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A sweep's {@link TrialPlan} shipped to each executor once, not with every task: deserialising the
 * plan (the search space, the record schema, the data spec) costs a task a millisecond or more,
 * which is a tenth of a 10 ms trial. The plan travels as Java-serialised bytes in a broadcast (so
 * it does not depend on {@code spark.serializer}; Kryo cannot handle records) and is deserialised
 * once per executor JVM; a task carries only the broadcast's handle.
 */
final class SharedPlan implements Serializable {
    /** Plans deserialised in this JVM, by broadcast id; a few, the most recently used. */
    private static final Map<Long, TrialPlan> PLANS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TrialPlan> eldest) {
            return size() > 8;
        }
    };

    private final Broadcast<byte[]> bytes;

    private SharedPlan(Broadcast<byte[]> bytes) {
        this.bytes = bytes;
    }

    static SharedPlan of(SparkContext sc, TrialPlan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(plan);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise the plan of sweep " + plan.sweep(), e);
        }
        return new SharedPlan(JavaSparkContext.fromSparkContext(sc).broadcast(out.toByteArray()));
    }

    /** The plan, deserialised on the first call in this JVM. */
    TrialPlan get() {
        synchronized (PLANS) {
            TrialPlan plan = PLANS.get(bytes.id());
            if (plan == null) {
                plan = read(bytes.value());
                PLANS.put(bytes.id(), plan);
            }
            return plan;
        }
    }

    private static TrialPlan read(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, TrialPlan.class.getClassLoader());
            }
        }) {
            return (TrialPlan) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not read the sweep's plan sent by the driver", e);
        }
    }

    /** Executors drop their copies (a task still starting fetches it again from the driver). */
    void release() {
        bytes.unpersist(false);
        synchronized (PLANS) {
            PLANS.remove(bytes.id());
        }
    }
}
