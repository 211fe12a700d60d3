package io.splice.testing;

import java.io.IOException;
import java.nio.file.Path;

import io.splice.management.ManagementUsers;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** A management users file as an operator writes it: BCrypt hashes, owner-only. Cost 4 keeps tests fast. */
public final class ManagementUsersFile {

    public static final String OPERATOR = "ops";
    public static final String OPERATOR_PASSWORD = "s3cret-ops-pw";
    public static final String VIEWER = "watcher";
    public static final String VIEWER_PASSWORD = "s3cret-viewer-pw";

    private ManagementUsersFile() {
    }

    /** An operator {@code ops} and a viewer {@code watcher} with the passwords above. */
    public static Path write(Path dir) throws IOException {
        return write(dir, OPERATOR_PASSWORD);
    }

    /** The same users, the operator's password given. */
    public static Path write(Path dir, String operatorPassword) throws IOException {
        Path file = dir.resolve("users.properties");
        ManagementUsers.writeOwnerOnly(file, line(OPERATOR, operatorPassword, "operator")
                + line(VIEWER, VIEWER_PASSWORD, "viewer"));
        return file;
    }

    public static String line(String user, String password, String role) {
        return "user." + user + "=" + BCrypt.hashpw(password, BCrypt.gensalt(4)) + "," + role + "\n";
    }
}
