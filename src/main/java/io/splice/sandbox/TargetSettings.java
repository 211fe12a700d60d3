package io.splice.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The new system's settings a migration plan switches off before loading and restores afterwards:
 * which workflows are active and whether it sends e-mail. Thread-safe.
 */
final class TargetSettings {

    static final List<String> KNOWN_WORKFLOWS = List.of("wf-1", "wf-2", "wf-3");

    private final Set<String> activeWorkflows = new LinkedHashSet<>(List.of("wf-1", "wf-3"));
    private boolean emailEnabled = true;

    /** The active workflows in the order the system lists its workflows, whatever order they were set in. */
    synchronized List<String> activeWorkflows() {
        return KNOWN_WORKFLOWS.stream().filter(activeWorkflows::contains).toList();
    }

    /** The first id that names no workflow, or empty once the active set was replaced by these ids. */
    synchronized Optional<String> replaceActiveWorkflows(List<String> ids) {
        Optional<String> unknown = ids.stream().filter(id -> !KNOWN_WORKFLOWS.contains(id)).findFirst();
        if (unknown.isEmpty()) {
            activeWorkflows.clear();
            activeWorkflows.addAll(ids);
        }
        return unknown;
    }

    synchronized boolean emailEnabled() {
        return emailEnabled;
    }

    synchronized void setEmailEnabled(boolean enabled) {
        emailEnabled = enabled;
    }
}
