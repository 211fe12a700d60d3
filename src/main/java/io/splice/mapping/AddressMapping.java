package io.splice.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/** Legacy {@code addresses} row (joined with its project) → the target's address JSON. */
public class AddressMapping {

    public Map<String, Object> map(Map<String, Object> row) throws MappingException {
        Object id = row.get("id");
        if (row.get("project_code") == null) {
            throw new MappingException("addresses", id, "project_id", "references no project in the source",
                    row.get("project_id"));
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("legacyId", id);
        target.put("projectCode", row.get("project_code"));
        target.put("street", row.get("street"));
        target.put("houseNumber", houseNumber(id, row.get("house_number")));
        target.put("postcode", row.get("postcode"));
        target.put("city", row.get("city"));
        target.put("homesPassed", row.get("homes_passed"));
        return target;
    }

    // the legacy column is text; the target wants a number, and a missing one is for the target to reject
    private static Integer houseNumber(Object id, Object value) throws MappingException {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new MappingException("addresses", id, "house_number", "is not a whole number", value);
        }
    }
}
