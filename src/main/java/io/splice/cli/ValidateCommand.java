package io.splice.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import com.zaxxer.hikari.HikariDataSource;
import io.splice.db.PooledDataSources;
import io.splice.definition.MigrationLoading;
import io.splice.runtime.Settings;
import io.splice.tls.TargetTrust;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks the migration definition the way every start does, without starting anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the migration definition: fields, dependencies, references, mappings, the SQL against "
                + "the source (and target) database, and whether the target can be reached.",
                "Right after `demo` it checks the demo's settings (work/demo/demo.properties) unless --config says otherwise.",
                "Exit status 0 when it is valid (warnings allowed), 1 when it has errors, 2 when it cannot check."})
public class ValidateCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Settings settings = options.lookingAt("validate", "source", System.err);
        java.util.Optional<java.nio.file.Path> missing = DemoSettings.missingH2File(settings.source().url());
        if (missing.isPresent()) {
            // opening it would create an empty source database
            System.err.println("splice validate: " + DemoSettings.hint(missing.get()));
            return ExitStatus.NOT_STARTED;
        }
        try (HikariDataSource source = PooledDataSources.open("source", settings.source());
             HikariDataSource targetDb = settings.targetDatabase() == null ? null
                     : PooledDataSources.open("target-db", settings.targetDatabase())) {
            MigrationLoading.Result result = MigrationLoading.check(settings.migrations(), settings.migration(),
                    source, targetDb, settings.targetUrl(), TargetTrust.of(settings.targetTrustStore()));
            result.problems().forEach(out::println);
            if (!result.valid()) {
                out.printf("%s: nothing would start.%n", counted(result.errors().size(), "error", "errors"));
                return 1;
            }
            out.printf("Migration %s (%s) is valid: %s, %s%s.%n", result.definition().migration(),
                    result.definition().file(), counted(result.definition().entities().size(), "entity", "entities"),
                    counted(Math.max(1, result.definition().tenants().size()), "tenant", "tenants"),
                    result.warnings().isEmpty() ? "" : ", " + counted(result.warnings().size(), "warning", "warnings"));
            return 0;
        }
    }

    private static String counted(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
