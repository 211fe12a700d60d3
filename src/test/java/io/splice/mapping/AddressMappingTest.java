package io.splice.mapping;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressMappingTest {

    private final AddressMapping mapping = new AddressMapping();

    @Test
    void mapsALegacyRowToTheTargetsFieldsWithAWholeNumberHouseNumber() throws Exception {
        Map<String, Object> target = mapping.map(row(" 12 ", "PRJ-0003"));

        assertThat(target).containsExactly(Map.entry("legacyId", 7), Map.entry("projectCode", "PRJ-0003"),
                Map.entry("street", "Kerkstraat"), Map.entry("houseNumber", 12), Map.entry("postcode", "1234 AB"),
                Map.entry("city", "Utrecht"), Map.entry("homesPassed", 2));
    }

    @Test
    void aMissingHouseNumberIsLeftForTheTargetToReject() throws Exception {
        assertThat(mapping.map(row(null, "PRJ-0003"))).containsEntry("houseNumber", null);
    }

    @Test
    void aNonNumericHouseNumberNamesTheRecordFieldAndValue() {
        assertThatThrownBy(() -> mapping.map(row("12-14", "PRJ-0003")))
                .isInstanceOfSatisfying(MappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo("mapping house_number: is not a whole number");
                    assertThat(e.getMessage()).isEqualTo("addresses 7: field house_number is not a whole number (value: 12-14)");
                });
    }

    @Test
    void anOrphanProjectIsAMappingFailure() {
        assertThatThrownBy(() -> mapping.map(row("3", null)))
                .isInstanceOf(MappingException.class)
                .hasMessage("addresses 7: field project_id references no project in the source (value: 900004)");
    }

    private static Map<String, Object> row(String houseNumber, String projectCode) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 7);
        row.put("project_id", projectCode == null ? 900004 : 3);
        row.put("project_code", projectCode);
        row.put("street", "Kerkstraat");
        row.put("house_number", houseNumber);
        row.put("postcode", "1234 AB");
        row.put("city", "Utrecht");
        row.put("homes_passed", 2);
        return row;
    }
}
