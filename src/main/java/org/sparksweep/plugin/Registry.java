package org.sparksweep.plugin;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Named plug-ins found with {@link ServiceLoader}, loaded once per JVM. Built-in trainers, data
 * sources and strategies register exactly like a user's would; nothing is instantiated from a class
 * name taken from a spec.
 */
public final class Registry<T> {
    private final Class<T> type;
    private final String kind;
    private final Function<T, String> nameOf;
    private volatile Map<String, T> byName;

    public Registry(Class<T> type, String kind, Function<T, String> nameOf) {
        this.type = type;
        this.kind = kind;
        this.nameOf = nameOf;
    }

    /** The plug-in with this name, or an error listing the known names. */
    public T get(String name) {
        T t = load().get(name);
        if (t == null) throw new IllegalArgumentException("no " + kind + " named '" + name + "'; known: " + load().keySet());
        return t;
    }

    /** All of them, sorted by name. */
    public Map<String, T> all() {
        return load();
    }

    private Map<String, T> load() {
        Map<String, T> m = byName;
        if (m != null) return m;
        synchronized (this) {
            if (byName == null) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) loader = type.getClassLoader();
                TreeMap<String, T> found = new TreeMap<>();
                for (T t : ServiceLoader.load(type, loader)) {
                    T previous = found.put(nameOf.apply(t), t);
                    if (previous != null && previous.getClass() != t.getClass()) {
                        throw new IllegalStateException("two " + kind + "s are named '" + nameOf.apply(t) + "': "
                                + previous.getClass().getName() + " and " + t.getClass().getName());
                    }
                }
                byName = java.util.Collections.unmodifiableSortedMap(found);
            }
            return byName;
        }
    }
}
