package io.splice.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.splice.broker.BrokerSettings;
import io.splice.db.DatabaseSettings;
import io.splice.definition.MigrationDefaults;
import io.splice.target.auth.TargetAuthSettings;
import io.splice.tls.TrustStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Typed, validated view of the {@code splice.*} properties the Java side needs.
 * A bad value fails start-up with a message naming the property and what is expected.
 */
public record Settings(Path workDir, String tenant, DatabaseSettings source, DatabaseSettings ledger, DatabaseSettings targetDatabase,
                       BrokerSettings broker, String targetUrl, String targetToken, TrustStore targetTrustStore,
                       List<String> migrations, String migration, MigrationDefaults defaults, Extract extract,
                       boolean dryRun, Outage outage, Retry retry, Reconcile reconcile, Run run, boolean apiEnabled,
                       TargetAuthSettings targetAuth) {

    /** A dry run's ledger: its own schema of the ledger database, emptied at the start of every dry run. */
    public static final String DRY_RUN_LEDGER_SCHEMA = "splice_dry_run";

    /** The ledger's schema: the connection's default, or a dry run's own. */
    public String ledgerSchema() {
        return dryRun ? DRY_RUN_LEDGER_SCHEMA : null;
    }



    /**
     * @param skippingPageSizeMax how large pages of nothing but MIGRATED records may grow
     * @param maxQueued           the backlog the extract keeps at most in an entity's queue
     */
    public record Extract(int skippingPageSizeMax, int maxQueued) {
    }

    /**
     * @param failuresInARow      transient failures in a row of an entity's calls after which its records wait for the
     *                            target instead of spending their retries
     * @param probeIntervalMillis how often the target is asked while they wait
     */
    public record Outage(int failuresInARow, int probeIntervalMillis) {
    }

    /**
     * @param maximumRedeliveries the retries of a record's transient failures before it is dead-lettered
     * @param maxRetryAfterMillis how long a target's Retry-After is honoured at most
     */
    public record Retry(int maximumRedeliveries, long maxRetryAfterMillis) {
    }

    /**
     * @param samplePercent the share of MIGRATED records whose request body the ledger keeps for the read-back
     * @param readBackMax   how many of them the run's report reads back per entity
     */
    public record Reconcile(int samplePercent, int readBackMax) {
    }

    /**
     * @param parallelTenants tenants whose runs go side by side
     * @param staleAfter      how old another host's heartbeat may be before its run counts as dead
     */
    public record Run(int parallelTenants, Duration staleAfter) {
    }

    public static Settings from(CamelContext context) {
        Reader r = new Reader(context.getPropertiesComponent());
        checkSendOptions(r);
        String tenant = r.required("splice.tenant");
        return new Settings(
                Path.of(r.required("splice.work-dir")),
                tenant,
                database(r, "splice.source"),
                database(r, "splice.ledger"),
                r.optional("splice.target-db.url").isEmpty() ? null : database(r, "splice.target-db"),
                new BrokerSettings(r.optional("splice.broker.url"), r.optional("splice.broker.username"),
                        r.secret("splice.broker.password"), r.required("splice.broker.config"),
                        r.positiveInt("splice.broker.in-vm-id", 0), trustStore(r, "splice.broker.trust-store"),
                        r.positiveInt("splice.broker.send-retries", 0)),
                r.required("splice.target.url"),
                r.secret("splice.target.token"),
                trustStore(r, "splice.target.trust-store"),
                Arrays.stream(r.required("splice.migrations").split(",")).map(String::trim)
                        .filter(location -> !location.isEmpty()).toList(),
                r.optional("splice.migration"),
                new MigrationDefaults(tenant, r.positiveInt("splice.extract.page-size", 1),
                        r.positiveInt("splice.extract.pages-per-second", 1), r.positiveInt("splice.load.concurrency", 1),
                        r.positiveInt("splice.load.rate", 1), r.positiveInt("splice.target.rate", 1)),
                new Extract(r.positiveInt("splice.extract.skipping-page-size-max", 1),
                        r.positiveInt("splice.extract.max-queued", 1)),
                r.bool("splice.dry-run"),
                new Outage(r.positiveInt("splice.outage.failures-in-a-row", 1),
                        r.positiveInt("splice.outage.probe-interval-millis", 10)),
                new Retry(r.positiveInt("splice.retry.maximum-redeliveries", 0),
                        r.positiveLong("splice.retry.max-retry-after-millis", 0)),
                new Reconcile(r.percent("splice.reconcile.sample-percent"), r.positiveInt("splice.reconcile.read-back-max", 0)),
                new Run(r.positiveInt("splice.run.parallel-tenants", 1),
                        Duration.ofMillis(r.positiveLong("splice.run.stale-after-millis", 1))),
                r.bool("splice.api.enabled"),
                // splice.target.auth.*: read and checked, naming the property, when the authentication is built
                new TargetAuthSettings(r::optional));
    }

    /** The options every send to a queue keeps: the producers' factory, persistent messages, no reply awaited. */
    static final List<String> SEND_OPTIONS_KEPT = List.of("connectionFactory=#jmsProducerConnectionFactory",
            "deliveryPersistent=true", "exchangePattern=InOnly");

    /**
     * splice.broker.send-options (the routes' jms sends) may gain options, never lose or change those at-least-once
     * rests on: a non-persistent message is lost with the broker.
     */
    private static void checkSendOptions(Reader r) {
        String key = "splice.broker.send-options";
        String value = r.required(key);
        List<String> options = Arrays.asList(value.split("&"));
        for (String kept : SEND_OPTIONS_KEPT) {
            String name = kept.substring(0, kept.indexOf('=') + 1);
            if (!options.stream().filter(option -> option.startsWith(name)).toList().equals(List.of(kept))) {
                throw new IllegalArgumentException("Property " + key + " must keep " + kept + " (once), was '"
                        + value + "'");
            }
        }
    }

    private static DatabaseSettings database(Reader r, String prefix) {
        return new DatabaseSettings(r.required(prefix + ".url"), r.optional(prefix + ".username"),
                r.secret(prefix + ".password"), r.positiveInt(prefix + ".pool-size", 1));
    }

    private static TrustStore trustStore(Reader r, String key) {
        return TrustStore.of(key, r.optional(key), r.secret(key + "-password"));
    }

    private record Reader(PropertiesComponent properties) {

        String optional(String key) {
            return properties.resolveProperty(key).map(String::trim).orElse("");
        }

        /** A secret: the property itself (e.g. from the environment), or the contents of the file named by key-file. */
        String secret(String key) {
            String file = optional(key + "-file");
            if (file.isEmpty()) {
                return optional(key);
            }
            try {
                return Files.readString(Path.of(file)).trim();
            } catch (IOException e) {
                throw new IllegalArgumentException("Property " + key + "-file names " + file + ", which cannot be read: "
                        + e.getClass().getSimpleName());
            }
        }

        boolean bool(String key) {
            String value = optional(key);
            if (value.isEmpty() || value.equalsIgnoreCase("false")) {
                return false;
            }
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            throw new IllegalArgumentException("Property " + key + " must be true or false, was '" + value + "'");
        }

        String required(String key) {
            String value = optional(key);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("Property " + key + " is required but not set");
            }
            return value;
        }

        int positiveInt(String key, int minimum) {
            String value = required(key);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < minimum) {
                    throw new IllegalArgumentException(
                            "Property " + key + " must be at least " + minimum + ", was " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Property " + key + " must be a whole number, was '" + value + "'");
            }
        }

        long positiveLong(String key, long minimum) {
            String value = required(key);
            try {
                long parsed = Long.parseLong(value);
                if (parsed < minimum) {
                    throw new IllegalArgumentException(
                            "Property " + key + " must be at least " + minimum + ", was " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Property " + key + " must be a whole number, was '" + value + "'");
            }
        }

        int percent(String key) {
            int parsed = positiveInt(key, 0);
            if (parsed > 100) {
                throw new IllegalArgumentException("Property " + key + " must be 0 to 100, was " + parsed);
            }
            return parsed;
        }
    }
}
