package io.splice.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tenant's own legacy database, when its records are not in the shared source. The password is never written
 * in a definition: it comes from the environment variable named by {@code passwordEnv} or the file named by
 * {@code passwordFile}.
 */
public record TenantSource(String url, String username, String passwordEnv, String passwordFile) {

    /** The password, or a message saying why it cannot be read (never the password itself). */
    public Secret password() {
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            return value == null ? Secret.missing("environment variable " + passwordEnv + " is not set")
                    : Secret.of(value);
        }
        if (passwordFile != null) {
            try {
                return Secret.of(Files.readString(Path.of(passwordFile)).trim());
            } catch (IOException e) {
                return Secret.missing("file " + passwordFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Secret.of("");
    }

    /** A password, or why there is none; toString never shows the value. */
    public record Secret(String value, String problem) {

        static Secret of(String value) {
            return new Secret(value, null);
        }

        static Secret missing(String problem) {
            return new Secret(null, problem);
        }

        @Override
        public String toString() {
            return problem == null ? "Secret[***]" : "Secret[" + problem + "]";
        }
    }
}
