package org.sparksweep.trainer;

import java.util.Map;
import org.sparksweep.plugin.Registry;

/** The trainers on the classpath, by name. Loaded once per JVM (driver and each executor). */
public final class Trainers {
    private static final Registry<Trainer> REGISTRY = new Registry<>(Trainer.class, "trainer", Trainer::name);

    private Trainers() {}

    public static Trainer get(String name) {
        return REGISTRY.get(name);
    }

    public static Map<String, Trainer> all() {
        return REGISTRY.all();
    }
}
