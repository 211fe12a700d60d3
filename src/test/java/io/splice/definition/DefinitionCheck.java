package io.splice.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import io.splice.testing.AnsweringTarget;
import io.splice.testing.ShopDefinition;
import io.splice.testing.ShopSource;
import io.splice.tls.TargetTrust;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks a definition the way {@code validate} and every start do ({@link MigrationLoading#check}): against
 * {@link ShopSource}'s tables and a target that answers, so any problem reported comes from the definition. A test
 * class registers one ({@code @RegisterExtension static final DefinitionCheck check = new DefinitionCheck();}): the
 * source and the target live for the class.
 */
final class DefinitionCheck implements BeforeAllCallback, AfterAllCallback {

    static final String UNREACHABLE_TARGET = "http://127.0.0.1:1";

    private ShopSource source;
    private AnsweringTarget target;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        source = ShopSource.create();
        target = AnsweringTarget.start();
    }

    /** Every problem, as the operator reads it, with the definition written as shop.yaml in {@code dir}. */
    List<String> problems(Path dir, String definition) throws IOException {
        return problems(dir, definition, source.dataSource());
    }

    /** The same, against another source database. */
    List<String> problems(Path dir, String definition, DataSource sourceDatabase) throws IOException {
        write(dir, ShopDefinition.FILE, definition);
        return MigrationLoading.check(List.of(dir.toString()), null, sourceDatabase, null, target.url(),
                TargetTrust.jvmDefault())
                .problems().stream().map(DefinitionError::toString).toList();
    }

    MigrationLoading.Result check(Path dir, String targetUrl) {
        return MigrationLoading.check(List.of(dir.toString()), null, source.dataSource(), null, targetUrl,
                TargetTrust.jvmDefault());
    }

    static void write(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        try {
            target.close();
        } finally {
            source.close();
        }
    }
}
