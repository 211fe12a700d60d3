package io.splice.ledger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.splice.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk up a hierarchy's chain of BLOCKED records (one recursive query), on both ledgers: it finds the cycle a
 * record closes, and nothing for a chain that only waits, however it ends.
 */
class HierarchyCycleWalkTest {

    private static final String TENANT = "default";
    private static final String ENTITY = "categories";

    private TestDatabase postgres;

    @AfterEach
    void drop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void onPostgresqlTheWalkFindsCyclesAndOnlyThem() throws Exception {
        postgres = TestDatabase.create("ledger");
        walks(postgres.dataSource());
    }

    @Test
    void onH2TheWalkFindsCyclesAndOnlyThem() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:walk_" + ThreadLocalRandom.current().nextInt(1_000_000)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        walks(h2);
    }

    private static void walks(DataSource ledger) {
        LedgerSchema.migrate(ledger);
        Blocking blocking = new Blocking(ledger);
        Hierarchy hierarchy = blocking.hierarchy();
        // given 1 ← 2 ← 3 waiting (1 is QUEUED), 4 → 5 → 6 → 4 a cycle where 4 has just been blocked by 5, and 7 → 5
        queued(ledger, "1");
        blocked(blocking, "2", "1");
        blocked(blocking, "3", "2");
        blocked(blocking, "5", "6");
        blocked(blocking, "6", "4");
        blocked(blocking, "4", "5");
        blocked(blocking, "7", "5");

        // then 4 closes a cycle, named from 4 back to 4; 3 only waits, and so does 7 (its chain loops without it)
        assertThat(hierarchy.cycleThrough(TENANT, ENTITY, "4", "5", 100)).containsExactly("4", "5", "6", "4");
        assertThat(hierarchy.cycleThrough(TENANT, ENTITY, "3", "2", 100)).isEmpty();
        assertThat(hierarchy.cycleThrough(TENANT, ENTITY, "7", "5", 100)).isEmpty();
        // a record that is its own parent needs no query; a cycle longer than the bound is not seen
        assertThat(hierarchy.cycleThrough(TENANT, ENTITY, "8", "8", 100)).containsExactly("8", "8");
        assertThat(hierarchy.cycleThrough(TENANT, ENTITY, "4", "5", 1)).isEmpty();

        // when the cycle is marked, each of its records says so, and the others keep their reasons
        hierarchy.markCycle(TENANT, ENTITY, List.of("4", "5", "6"), "reference cycle: categories 4 → 5 → 6 → 4",
                List.of("m4", "m5", "m6"));
        JdbcTemplate jdbc = new JdbcTemplate(ledger);
        assertThat(jdbc.queryForList("select source_key, reason from splice_record where reason like 'reference cycle%' "
                + "order by source_key")).extracting(row -> row.get("source_key") + " " + row.get("reason"))
                .containsExactly("4 reference cycle: categories 4 → 5 → 6 → 4", "5 reference cycle: categories 4 → 5 → 6 → 4",
                        "6 reference cycle: categories 4 → 5 → 6 → 4");
    }

    private static void queued(DataSource ledger, String key) {
        new Ledger(ledger).markQueued(TENANT, ENTITY, "run-1", Map.of(key, key));
    }

    private static void blocked(Blocking blocking, String key, String parent) {
        blocking.markBlocked("run-1", List.of(new Blocking.Block(new BlockedRecord(TENANT, ENTITY, key, key, "{}"),
                new ParentState(ENTITY, parent, "QUEUED", null, null), "parent categories not migrated yet (QUEUED)",
                ENTITY + " " + key + " waits for " + parent)));
    }
}
