package io.splice.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start where each connection setting came from ("splice.source.url = jdbc:... from /etc/splice/...") so an
 * operator sees which file, variable or -D won. Secrets are never shown: only whether they are set, and from where.
 */
public final class SettingOrigins {

    private static final Logger LOG = LoggerFactory.getLogger(SettingOrigins.class);

    private static final List<String> SHOWN = List.of("splice.work-dir", "splice.migrations", "splice.source.url",
            "splice.source.username", "splice.ledger.url", "splice.ledger.username", "splice.target.url",
            "splice.target-db.url", "splice.target-db.username", "splice.broker.url", "splice.broker.username");
    private static final List<String> SECRETS = List.of("splice.source.password", "splice.ledger.password",
            "splice.target.token", "splice.target-db.password", "splice.broker.password",
            "splice.target.trust-store-password", "splice.broker.trust-store-password");

    // user:password@ in a URL, and password=/token=/secret= parameters: a URL may carry a credential
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]+:)[^@/\\s]+@");
    private static final Pattern CREDENTIAL_PARAMETER =
            Pattern.compile("(?i)((?:password|passwd|pwd|token|secret|key)[a-z_-]*=)[^&;\\s]*");

    private SettingOrigins() {
    }

    public static void log(SettingSources sources) {
        lines(sources).forEach(line -> LOG.info("{}", line));
    }

    public static void debug(SettingSources sources) {
        if (LOG.isDebugEnabled()) {
            lines(sources).forEach(line -> LOG.debug("{}", line));
        }
    }

    /** One line per connection setting: its value (masked where a URL holds a credential) and its origin. */
    public static List<String> lines(SettingSources sources) {
        List<String> lines = new ArrayList<>();
        for (String key : SHOWN) {
            sources.get(key).ifPresent(setting -> {
                String value = sources.resolved(key);
                if (!value.isEmpty() || !key.startsWith("splice.target-db.")) {
                    lines.add(key + " = " + (value.isEmpty() ? "(empty" + emptyMeans(key) + ")" : masked(value))
                            + " from " + setting.origin());
                }
            });
        }
        for (String key : SECRETS) {
            var file = sources.get(key + "-file").filter(setting -> !setting.value().isBlank());
            var value = sources.get(key).filter(setting -> !setting.value().isBlank());
            if (file.isPresent()) {
                lines.add(key + " is read from the file named by " + key + "-file, from " + file.get().origin());
            } else if (value.isPresent()) {
                lines.add(key + " is set, from " + value.get().origin());
            }
        }
        return lines;
    }

    private static String emptyMeans(String key) {
        return key.equals("splice.broker.url") ? ": the embedded broker" : "";
    }

    static String masked(String value) {
        return CREDENTIAL_PARAMETER.matcher(USER_INFO.matcher(value).replaceAll("$1***@")).replaceAll("$1***");
    }
}
