package io.splice.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A key pair and self-signed certificate made at run time by the running JDK's keytool, in a test's temporary
 * directory (never committed): {@code keyStore} for the server (the sandbox target, the broker's acceptor),
 * {@code trustStore} holding only the certificate for Splice. Both PKCS12 with the same password.
 */
public record SelfSignedCertificate(Path keyStore, Path trustStore, String password) {

    /** For localhost and 127.0.0.1, the names Splice uses to reach a test's servers. */
    public static SelfSignedCertificate forLocalhost(Path dir) throws IOException, InterruptedException {
        return create(dir, "localhost", "dns:localhost,ip:127.0.0.1");
    }

    /** @param subjectAlternativeNames keytool's SAN list, e.g. dns:localhost,ip:127.0.0.1 */
    public static SelfSignedCertificate create(Path dir, String commonName, String subjectAlternativeNames)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String password = "test-" + Long.toHexString(System.nanoTime());
        Path keyStore = dir.resolve(commonName + "-keys.p12");
        Path certificate = dir.resolve(commonName + ".crt");
        Path trustStore = dir.resolve(commonName + "-trust.p12");
        keytool("-genkeypair", "-alias", "splice", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + commonName, "-ext", "SAN=" + subjectAlternativeNames, "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-alias", "splice", "-keystore", keyStore.toString(), "-storepass", password,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "splice", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", password);
        return new SelfSignedCertificate(keyStore, trustStore, password);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
