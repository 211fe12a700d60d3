package io.splice.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The sandbox serves https with this PKCS12 key store (its private key and certificate), e.g. a self-signed one a
 * test made, so Splice's TLS to the target can be tried against a real server.
 */
public record SandboxTls(Path keyStore, String password) {

    public SandboxTls {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    SSLContext sslContext() throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("The sandbox cannot serve https with " + keyStore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SandboxTls[keyStore=" + keyStore + ", password=***]";
    }
}
