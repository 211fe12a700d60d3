package io.splice.plan;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a run's target stages saved to restore the target with ($saved in a restore call's body). A value is kept
 * until it has been restored: a resumed run that prepares the target again must not save the state it set itself.
 */
public final class SavedValues {

    private final Map<String, Object> values;
    private final Set<String> restored;

    public SavedValues() {
        this(new LinkedHashMap<>(), new LinkedHashSet<>());
    }

    public SavedValues(Map<String, Object> values, Set<String> restored) {
        this.values = new LinkedHashMap<>(values);
        this.restored = new LinkedHashSet<>(restored);
    }

    /** Whether a call that saves under this name must run (nothing unrestored kept under it). */
    public synchronized boolean needs(String name) {
        return !values.containsKey(name) || restored.contains(name);
    }

    public synchronized void put(String name, Object value) {
        values.put(name, value);
        restored.remove(name);
    }

    public synchronized void markRestored(Iterable<String> names) {
        names.forEach(restored::add);
    }

    public synchronized Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }

    public synchronized Set<String> restored() {
        return new LinkedHashSet<>(restored);
    }
}
