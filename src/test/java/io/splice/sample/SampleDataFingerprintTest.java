package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The four original tables hold exactly the rows they held before planboards and documents were added. */
class SampleDataFingerprintTest {

    /** SHA-256 of the TableDump of projects, addresses, connections and assignments for seed 42, scale 1. */
    private static final String ORIGINAL_TABLES_SEED_42 =
            "3ae3568111702672b4e2179fd126f8e29d5057f8c48473adc4383f881924489a";

    private static final List<String> ORIGINAL_TABLES = List.of(SampleTables.PROJECTS, SampleTables.ADDRESSES,
            SampleTables.CONNECTIONS, SampleTables.ASSIGNMENTS);

    @Test
    void theOriginalTablesAreUnchangedForTheSameSeed() throws SQLException, NoSuchAlgorithmException {
        JdbcDataSource h2 = new JdbcDataSource();
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        h2.setURL("jdbc:h2:mem:splice_smp_" + HexFormat.of().formatHex(suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        try {
            new SampleDataGenerator(42L, 1.0).generate(h2);

            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String table : ORIGINAL_TABLES) {
                for (String row : TableDump.of(h2, table)) {
                    sha256.update((row + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(ORIGINAL_TABLES_SEED_42);
        } finally {
            try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
