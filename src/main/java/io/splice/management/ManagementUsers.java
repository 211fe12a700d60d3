package io.splice.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The management users: one line {@code user.<name>=<bcrypt hash>,<role>} each (role viewer or operator), from a file
 * only its owner may read. A password is never stored in clear: {@code splice hash-password} makes the hash.
 */
public final class ManagementUsers {

    private static final Pattern LINE = Pattern.compile("user\\.([A-Za-z0-9_.-]{1,64})=(\\S+),(\\S+)");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Map<String, User> users;
    // a BCrypt check costs ~0.1-0.3 s by design; Hawtio polls every few seconds: a verified password is remembered
    // (as a SHA-256 of user and password, never the password) for a while
    private final Cache<String, ManagementRole> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(1_000).build();

    private record User(String hash, ManagementRole role) {
    }

    private ManagementUsers(Map<String, User> users) {
        this.users = users;
    }

    /** Reads and checks the users file; the error names the file, the line and the fix. */
    public static ManagementUsers read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("The management users file " + file + " cannot be read");
        }
        refuseIfOthersMayRead(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("The management users file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + number;
            var match = LINE.matcher(line);
            if (!match.matches()) {
                throw new IllegalArgumentException(where + ": expected user.<name>=<bcrypt hash>,<viewer|operator>");
            }
            String name = match.group(1);
            if (!BCRYPT.matcher(match.group(2)).matches()) {
                throw new IllegalArgumentException(where + ": the password of user " + name
                        + " is not a BCrypt hash; make one with: java -jar splice.jar hash-password");
            }
            ManagementRole role = ManagementRole.named(match.group(3)).orElseThrow(() -> new IllegalArgumentException(
                    where + ": user " + name + " has role '" + match.group(3) + "'; roles are viewer and operator"));
            if (users.putIfAbsent(name, new User(match.group(2), role)) != null) {
                throw new IllegalArgumentException(where + ": user " + name + " is defined twice");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("The management users file " + file + " defines no user");
        }
        return new ManagementUsers(users);
    }

    private static void refuseIfOthersMayRead(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: its ACLs are the operator's to check
        } catch (IOException e) {
            throw new IllegalArgumentException("The management users file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalArgumentException("The management users file " + file + " may be read by others ("
                    + PosixFilePermissions.toString(permissions) + "): chmod 600 " + file);
        }
    }

    /** The user's role when the password is theirs; empty for an unknown user or a wrong password. */
    public Optional<ManagementRole> authenticate(String name, String password) {
        User user = users.get(name);
        if (user == null) {
            return Optional.empty();
        }
        String key = fingerprint(name, password);
        ManagementRole known = verified.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        if (!BCrypt.checkpw(password, user.hash())) {
            return Optional.empty();
        }
        verified.put(key, user.role());
        return Optional.of(user.role());
    }

    /** A password's BCrypt hash for the users file (cost 12: ~0.25 s to check, once per 5 minutes per user). */
    public static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(12));
    }

    /** Writes a file only its owner may read or write (a users file, a password file): created so, never widened. */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String fingerprint(String name, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return java.util.HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
