package io.splice.management;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which role a request on the management port needs, by path and method; a request no rule names is refused to
 * everyone (deny by default). Jolokia's own policies (jolokia/*.xml) then decide per MBean, by role.
 */
public final class AccessPolicy {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    /** One row of the table in docs: a path (exact, or a prefix ending in /), the methods, the role. */
    public record Rule(String path, Set<String> methods, ManagementRole role, String what) {
        boolean matches(String method, String requestPath) {
            boolean pathMatches = path.endsWith("/")
                    ? requestPath.startsWith(path) || requestPath.equals(path.substring(0, path.length() - 1))
                    : requestPath.equals(path);
            return pathMatches && methods.contains(method);
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule("/observe/health/", READS, ManagementRole.VIEWER, "health checks"),
            new Rule("/observe/metrics", READS, ManagementRole.VIEWER, "Prometheus metrics"),
            new Rule("/observe/jolokia/", Set.of("GET", "POST"), ManagementRole.VIEWER,
                    "Jolokia (Hawtio): reads for viewers, the allowed operations for operators (jolokia/*.xml)"),
            new Rule("/api/", READS, ManagementRole.VIEWER, "the operator API's reads: runs, progress, dead letters"),
            new Rule("/api/", Set.of("POST", "PUT", "DELETE", "PATCH"), ManagementRole.OPERATOR,
                    "the operator API's actions: runs, pause, resume, rate, concurrency, replay, discard"));

    private AccessPolicy() {
    }

    /** The role the request needs; empty when no rule allows it to anyone. */
    public static Optional<ManagementRole> required(String method, String path) {
        if (path == null || path.contains("/../") || path.endsWith("/..") || path.contains("//")) {
            return Optional.empty();
        }
        return RULES.stream().filter(rule -> rule.matches(method, path)).map(Rule::role)
                .min(Enum::compareTo);
    }
}
