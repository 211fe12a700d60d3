package io.splice.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target's validation rules as a table per collection; collections without rules accept any JSON object,
 * so other schemas can be migrated into the sandbox too.
 */
public final class ValidationRules {

    private static final List<String> PROJECT_STATUSES = List.of("PLANNED", "IN_PROGRESS", "COMPLETED", "CANCELLED");

    private final Map<String, List<FieldRule>> rulesByCollection;

    private ValidationRules(Map<String, List<FieldRule>> rulesByCollection) {
        this.rulesByCollection = Map.copyOf(rulesByCollection);
    }

    /** The rules of the new system's fibre-rollout API. */
    public static ValidationRules standard() {
        return new ValidationRules(Map.of(
                "projects", List.of(
                        FieldRule.matching("code", "^PRJ-\\d{4,}$", "must match PRJ-0000"),
                        FieldRule.required("name"),
                        FieldRule.oneOf("status", PROJECT_STATUSES)),
                "addresses", List.of(
                        // The parent's id in this system, as answered when the project was created
                        FieldRule.required("projectId"),
                        FieldRule.required("street"),
                        FieldRule.integerAtLeast("houseNumber", 1),
                        FieldRule.matching("postcode", "^[1-9][0-9]{3} ?[A-Z]{2}$", "must match 9999 AA"),
                        FieldRule.required("city")),
                "connections", List.of(
                        FieldRule.required("addressId"),
                        FieldRule.oneOf("kind", List.of("FTTH", "FTTB")),
                        FieldRule.oneOf("status", List.of("PLANNED", "CONNECTED", "CANCELLED"))),
                "planboards", List.of(
                        FieldRule.required("projectId"),
                        FieldRule.matching("week", "^\\d{4}-W\\d{2}$", "must match 2025-W07"),
                        FieldRule.integerAtLeast("capacity", 0)),
                "assignments", List.of(
                        FieldRule.required("connectionId"),
                        FieldRule.oneOf("workType", List.of("SURVEY", "CIVIL", "SPLICING", "ACTIVATION")),
                        FieldRule.isoDate("dueOn"))));
    }

    /** Whether the collection has rules at all; unvalidated collections accept any object. */
    public boolean hasRulesFor(String collection) {
        return rulesByCollection.containsKey(collection);
    }

    /** The first failing rule, in the table's order, for a posted JSON object. */
    public Optional<ValidationFailure> validate(String collection, JsonNode record) {
        for (FieldRule rule : rulesByCollection.getOrDefault(collection, List.of())) {
            Optional<ValidationFailure> failure = rule.apply(record);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }
}
