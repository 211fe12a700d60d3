package io.splice.definition;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.splice.db.SqlErrors;
import io.splice.tls.TargetTrust;
import io.splice.tls.TlsFailures;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The checks that need the systems themselves: every source query and SQL target statement is prepared (never
 * run) by its database, and the target is reached (a warning only: it may come up later).
 */
public final class DatabaseChecks {

    private DatabaseChecks() {
    }

    /** @param targetDatabase null when no SQL target database is configured */
    public static List<DefinitionError> check(MigrationDefinition definition, DataSource source, DataSource targetDatabase) {
        List<DefinitionError> errors = new ArrayList<>();
        Problems problems = new Problems(definition.file(), null, errors);
        List<TenantDefinition> ownSources = definition.tenants().stream().filter(t -> t.source() != null).toList();
        definition.entities().forEach((name, entity) -> {
            Problems entityProblems = problems.forEntity(name);
            if (entity.source() != null) {
                String field = entity.source().query() != null ? "source.query" : "source.table";
                String query = SourceQueries.pageQuery(entity.source());
                prepare(source, query, field, "source", entityProblems);
                for (TenantDefinition tenant : ownSources) {
                    prepare(tenantDatabase(tenant.source()), query, field, "tenant " + tenant.name() + "'s source",
                            entityProblems);
                }
            }
            if (entity.target() != null && entity.target().upload() != null
                    && entity.target().upload().contentQuery() != null) {
                prepare(source, entity.target().upload().contentQuery(), "target.upload.contentQuery", "source",
                        entityProblems);
            }
            if (entity.target() != null && entity.target().sql() != null && entity.target().sql().statement() != null) {
                if (targetDatabase == null) {
                    entityProblems.add("target.sql", "needs the new system's database: set splice.target-db.url");
                } else {
                    prepare(targetDatabase, entity.target().sql().statement(), "target.sql.statement", "target",
                            entityProblems);
                }
            }
        });
        return errors;
    }

    private static DataSource tenantDatabase(TenantSource source) {
        return new DriverManagerDataSource(source.url(), source.username(), source.password().value());
    }

    private static void prepare(DataSource database, String sql, String field, String which, Problems problems) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(SourceQueries.forPreparing(sql))) {
            // PostgreSQL's driver prepares lazily: describing the parameters makes the database parse the statement
            // and resolve its tables and columns (H2 already did on prepare)
            statement.getParameterMetaData();
        } catch (SQLException e) {
            problems.add(field, "the " + which + " database rejects it: " + SqlErrors.reason(e));
        }
    }


    /** A warning when the target cannot be reached at all; any HTTP answer counts as reachable. */
    public static List<DefinitionError> reachTarget(String file, String targetUrl, TargetTrust trust) {
        try {
            trust.httpClient().connectTimeout(Duration.ofSeconds(3)).build().send(HttpRequest.newBuilder(URI.create(targetUrl)).timeout(Duration.ofSeconds(5))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            return List.of();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return List.of(DefinitionError.warning(file, null, "splice.target.url",
                    "the target " + targetUrl + " cannot be reached (" + TlsFailures.describe(e) + "); "
                            + "records will wait and retry when the run starts"));
        }
    }
}
