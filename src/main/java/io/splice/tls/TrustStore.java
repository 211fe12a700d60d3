package io.splice.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * A PKCS12 trust store named by a setting ({@code <property>} and its secret {@code <property>-password}); an empty
 * path means the JVM's default trust. Opened at start, so a missing file or a wrong password stops Splice with a
 * message naming the setting instead of a handshake failure on the first record.
 *
 * @param property the setting that names the file, e.g. splice.target.trust-store
 */
public record TrustStore(String property, Path path, String password) {

    public static TrustStore none(String property) {
        return new TrustStore(property, null, "");
    }

    public static TrustStore of(String property, String path, String password) {
        return path == null || path.isBlank() ? none(property) : new TrustStore(property, Path.of(path), password);
    }

    public boolean configured() {
        return path != null;
    }

    /** The store's certificates; fails with the setting's name when it cannot be read or holds none. */
    public KeyStore load() {
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw problem("cannot be opened with " + property + "-password: " + e.getMessage());
            }
            throw problem("cannot be read as a PKCS12 trust store: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw problem("cannot be read as a PKCS12 trust store: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (certificates(store) == 0) {
            throw problem("holds no certificate (a PKCS12 file read without its password, " + property
                    + "-password, shows none)");
        }
        return store;
    }

    private static int certificates(KeyStore store) {
        try {
            return (int) Collections.list(store.aliases()).stream().filter(alias -> isCertificate(store, alias)).count();
        } catch (GeneralSecurityException e) {
            return 0;
        }
    }

    private static boolean isCertificate(KeyStore store, String alias) {
        try {
            return store.getCertificate(alias) != null;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("Property " + property + " names " + path + ", which " + what);
    }

    /** Keeps the password out of logs and failure messages. */
    @Override
    public String toString() {
        return "TrustStore[" + property + "=" + (path == null ? "(JVM default)" : path) + ", password=***]";
    }
}
