package io.splice.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same schema and rows on H2 in PostgreSQL mode, the embedded default. */
class SampleDataGeneratorH2Test {

    private final JdbcDataSource h2 = new JdbcDataSource();

    @BeforeEach
    void openInMemoryDatabase() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        // A name of its own: every test class shares one JVM, and mem databases live as long as it
        h2.setURL("jdbc:h2:mem:splice_smp_" + HexFormat.of().formatHex(suffix)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void shutDown() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void generatesTheManifestedRowsAndDefects() throws SQLException {
        SampleManifest manifest = new SampleDataGenerator(42L, 1.0).generate(h2);

        for (String table : SampleTables.ALL) {
            assertThat(TableDump.of(h2, table)).as(table).hasSize(manifest.rows(table));
        }
        LegacyDataAudit.Findings findings = LegacyDataAudit.of(h2);
        assertThat(findings.anomalies()).isEmpty();
        assertThat(findings.defects()).containsExactlyInAnyOrderElementsOf(manifest.defects());
    }

    @Test
    void holdsTheSameRowsAsPostgresForTheSameSeed() throws SQLException {
        SampleDataGenerator generator = new SampleDataGenerator(9L, 0.25);
        try (ScratchPostgresDatabase postgres = ScratchPostgresDatabase.create()) {
            generator.generate(postgres.dataSource());
            generator.generate(h2);

            assertThat(TableDump.all(h2)).isEqualTo(TableDump.all(postgres.dataSource()));
        }
    }

    @Test
    void theSchemaCanBeCreatedTwice() throws SQLException {
        new SampleDataGenerator(1L, 0.1).generate(h2);
        SampleSchema.create(h2);

        for (String table : SampleTables.ALL) {
            assertThat(TableDump.of(h2, table)).as(table).isEmpty();
        }
    }
}
