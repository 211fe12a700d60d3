package io.splice.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Whether the value found in a defect's column really is the kind of bad the defect says. */
final class PlantedValue {

    private static final Pattern POSTCODE = Pattern.compile("^[1-9][0-9]{3} ?[A-Z]{2}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private PlantedValue() {
    }

    static boolean isBad(Connection connection, DefectKind kind, String value) throws SQLException {
        return switch (kind) {
            case MISSING_NAME, MISSING_STREET, MISSING_DUE_DATE, MISSING_FILENAME -> value == null;
            case NEGATIVE_CAPACITY -> value != null && Integer.parseInt(value) < 0;
            case INVALID_STATUS -> "ARCHIVED?".equals(value);
            case INVALID_POSTCODE -> value != null && !POSTCODE.matcher(value).matches();
            case ZERO_HOUSE_NUMBER -> "0".equals(value);
            case NON_NUMERIC_HOUSE_NUMBER -> value != null && !DIGITS.matcher(value).matches();
            case INVALID_KIND -> "FTTX".equals(value);
            case INVALID_WORK_TYPE -> "WELDING".equals(value);
            case ORPHAN_PROJECT -> isOrphan(connection, "SELECT count(*) FROM projects WHERE id = ?", value);
            case ORPHAN_ADDRESS -> isOrphan(connection, "SELECT count(*) FROM addresses WHERE id = ?", value);
            case ORPHAN_CONNECTION -> isOrphan(connection, "SELECT count(*) FROM connections WHERE id = ?", value);
        };
    }

    private static boolean isOrphan(Connection connection, String countParents, String parentId) throws SQLException {
        long id = Long.parseLong(parentId);
        try (PreparedStatement select = connection.prepareStatement(countParents)) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return id >= 900_000L && result.getLong(1) == 0;
            }
        }
    }
}
