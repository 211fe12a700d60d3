package io.splice.management;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import io.splice.runtime.SpliceRuntime;
import io.splice.testing.ManagementUsersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagementUsersTest {

    @TempDir
    Path dir;

    @Test
    void aUserIsKnownByTheirPasswordAndHasTheirRole() throws Exception {
        ManagementUsers users = ManagementUsers.read(ManagementUsersFile.write(dir));

        assertThat(users.authenticate("ops", ManagementUsersFile.OPERATOR_PASSWORD)).contains(ManagementRole.OPERATOR);
        assertThat(users.authenticate("watcher", ManagementUsersFile.VIEWER_PASSWORD)).contains(ManagementRole.VIEWER);
        assertThat(users.authenticate("ops", ManagementUsersFile.VIEWER_PASSWORD)).isEmpty();
        assertThat(users.authenticate("nobody", ManagementUsersFile.OPERATOR_PASSWORD)).isEmpty();
        // a second check of the same password comes from the cache and still answers the same
        assertThat(users.authenticate("ops", ManagementUsersFile.OPERATOR_PASSWORD)).contains(ManagementRole.OPERATOR);
        assertThat(users.authenticate("ops", ManagementUsersFile.OPERATOR_PASSWORD + "x")).isEmpty();
    }

    @Test
    void aUsersFileOthersMayReadIsRefusedNamingTheFileAndTheFix() throws Exception {
        Path file = ManagementUsersFile.write(dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ManagementUsers.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void splicesStartIsRefusedWithAUsersFileOthersMayRead() throws Exception {
        Path file = ManagementUsersFile.write(dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));

        assertThatThrownBy(() -> SpliceRuntime.start(List.of(), Map.of("splice.work-dir", dir.toString(),
                "splice.management.users-file", file.toString()))).hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void aPasswordInClearAnUnknownRoleAMalformedLineAndATwiceDefinedUserAreRefusedByLine() throws Exception {
        assertThat(refusal("user.ops=s3cret-ops-pw,operator\n")).contains("line 1").contains("not a BCrypt hash")
                .contains("hash-password");
        assertThat(refusal(ManagementUsersFile.line("ops", "pw", "admin"))).contains("line 1")
                .contains("role 'admin'").contains("viewer and operator");
        assertThat(refusal("# users\nops=secret\n")).contains("line 2").contains("user.<name>=<bcrypt hash>");
        assertThat(refusal(ManagementUsersFile.line("ops", "a", "viewer") + ManagementUsersFile.line("ops", "b", "operator")))
                .contains("line 2").contains("defined twice");
        assertThat(refusal("# nobody\n")).contains("defines no user");
    }

    private String refusal(String content) throws Exception {
        Path file = dir.resolve("users-" + System.nanoTime() + ".properties");
        ManagementUsers.writeOwnerOnly(file, content);
        try {
            ManagementUsers.read(file);
            return "accepted";
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).contains(file.toString());
            return e.getMessage();
        }
    }
}
