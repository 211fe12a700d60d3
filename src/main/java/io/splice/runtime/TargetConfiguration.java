package io.splice.runtime;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.splice.db.SourceDatabases;
import io.splice.definition.CompiledMigration;
import io.splice.observe.RecordMetrics;
import io.splice.target.ContentStreams;
import io.splice.target.EntityPermits;
import io.splice.target.SqlTarget;
import io.splice.target.TargetAvailability;
import io.splice.target.TargetProbe;
import io.splice.target.TargetRates;
import io.splice.target.TargetRequest;
import io.splice.target.TargetResponse;
import io.splice.target.auth.ClientCredentialsTokens;
import io.splice.target.auth.TargetAuthentication;
import io.splice.target.auth.TokenRenewal;
import io.splice.tls.TargetTrust;
import org.apache.camel.component.http.HttpComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How records reach the target: the certificates it is trusted by, how calls prove themselves to it, its rates and
 * permits, requests and responses (HTTP and SQL), and whether it answers. Binds targetAuthentication, hostPermits,
 * entityPermits, targetRequest, targetAvailability, targetTokenRenewal, targetResponse and sqlTarget.
 */
final class TargetConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TargetConfiguration.class);

    /** What the run, the operator API and the entity controls use of the target. */
    record Target(TargetRates rates, TargetAvailability availability) {
    }

    private TargetConfiguration() {
    }

    /**
     * splice.target.trust-store for every client that calls the target. camel-http serves https:// URLs with its own
     * component instance, "https", so that is the one that gets the trust store (and the http component's other
     * options, see application.properties).
     */
    static TargetTrust trust(Composition c) {
        Settings settings = c.settings();
        TargetTrust trust = TargetTrust.of(settings.targetTrustStore());
        if (trust.camelParameters() != null) {
            c.context().getComponent("https", HttpComponent.class).setSslContextParameters(trust.camelParameters());
            LOG.info("Calls to the target trust the certificates of {}", settings.targetTrustStore().path());
        }
        return trust;
    }

    static Target bind(Composition c, MigrationConfiguration.Sources sources, SourceDatabases sourceDatabases,
                       TargetTrust trust, RecordMetrics metrics, ObjectMapper json) {
        Settings settings = c.settings();
        CompiledMigration migration = sources.migration();
        TargetRates rates = new TargetRates(migration);
        // how calls prove themselves to the target (splice.target.auth.*, docs/target-authentication.md)
        TargetAuthentication authentication = c.bind("targetAuthentication", authentication(settings, trust));
        c.bind("hostPermits", rates.hostPermits());
        c.bind("entityPermits", new EntityPermits());
        c.bind("targetRequest", new TargetRequest(migration, rates, new ContentStreams(sourceDatabases), metrics,
                authentication, settings.dryRun()));
        // whether each entity's target answers; its bean name is what /api/progress and the progress line ask
        TargetAvailability availability = c.bind("targetAvailability",
                availability(c, migration, trust, sources.targetDb(), authentication));
        c.bind("targetTokenRenewal", new TokenRenewal(authentication, availability));
        c.bind("targetResponse", new TargetResponse(json, settings.retry().maxRetryAfterMillis(), metrics, availability));
        c.bind("sqlTarget", new SqlTarget(migration, rates, settings.dryRun()));
        return new Target(rates, availability);
    }

    /** The target's authentication; an OAuth2 token is fetched now, so wrong client credentials stop the start. */
    private static TargetAuthentication authentication(Settings settings, TargetTrust trust) {
        TargetAuthentication authentication = settings.targetAuth()
                .authentication(settings.targetToken(), trust.httpClient(), Clock.systemUTC());
        LOG.info("Calls to the target authenticate with {}", authentication.describe());
        if (authentication instanceof ClientCredentialsTokens tokens) {
            tokens.fetchAtStart();
        }
        return authentication;
    }

    /**
     * Per entity, a probe of its target (the API's URL, or the target database) for while it does not answer; an
     * HTTP target answers only once its token endpoint gives a token too.
     */
    private static TargetAvailability availability(Composition c, CompiledMigration migration, TargetTrust trust,
                                                   DataSource targetDb, TargetAuthentication authentication) {
        Settings settings = c.settings();
        TargetProbe target = TargetProbe.http(settings.targetUrl(), trust);
        TargetProbe http = () -> authentication.available() && target.answers();
        TargetProbe sql = targetDb == null ? () -> false : TargetProbe.sql(targetDb);
        return new TargetAvailability(entity -> migration.entity(entity).writesSql() ? sql : http,
                settings.outage().failuresInARow(), Duration.ofMillis(settings.outage().probeIntervalMillis()),
                c.context().getExecutorServiceManager().newSingleThreadScheduledExecutor(SpliceConfiguration.class,
                        "target-probe"), Clock.systemUTC());
    }
}
