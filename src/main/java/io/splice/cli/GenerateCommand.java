package io.splice.cli;

import java.util.concurrent.Callable;

import io.splice.sample.SampleDataGenerator;
import io.splice.sample.SampleManifest;
import io.splice.sample.SampleSchema;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fills a database with the sample FTTH legacy schema and data (replacing those four tables). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Create the sample legacy tables (projects, addresses, connections, assignments) in a database "
                + "and fill them deterministically, ~2%% bad on purpose. Drops those tables first.")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/legacy")
    String url;

    @Option(names = "--username", defaultValue = "postgres", description = "Database user (default: ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1", description = "1 = 20 projects, 2,000 addresses (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--projects", description = "Number of projects (message groups), independent of the scale.")
    Integer projects;

    @Option(names = "--target-url", description = "Also create the new system's own tables (work orders, the sample's "
            + "SQL target) in this database, e.g. jdbc:postgresql://127.0.0.1:5432/newsystem (same user and password).")
    String targetUrl;

    @Override
    public Integer call() throws Exception {
        // the password only from the environment: never on a command line that ps can show
        String password = System.getenv().getOrDefault("SPLICE_SOURCE_PASSWORD", "");
        SampleDataGenerator generator = new SampleDataGenerator(seed, scale);
        if (projects != null) {
            generator = generator.withProjects(projects);
        }
        SampleManifest sample = generator.generate(new DriverManagerDataSource(url, username, password));
        System.out.printf("Generated %d projects, %d addresses, %d connections, %d assignments; %d planted defects%n",
                sample.projects(), sample.addresses(), sample.connections(), sample.assignments(), sample.defects().size());
        if (targetUrl != null) {
            SampleSchema.createTargetTables(new DriverManagerDataSource(targetUrl, username, password));
            System.out.println("Created the new system's tables in " + targetUrl);
        }
        return 0;
    }
}
