package io.splice.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import io.splice.management.ManagementUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code splice hash-password --user ops --role operator}: a users-file line, the password read without echo. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Prints a line for the management users file (splice.management.users-file): the user, the "
                + "BCrypt hash of the password, the role. The password is read from the terminal without echo, or "
                + "from the first line of standard input; it is never printed.",
                "Example: java -jar splice.jar hash-password --user ops --role operator >> users.properties"})
public class HashPasswordCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, description = "the user's name (letters, digits, . _ -)")
    String user;

    @Option(names = "--role", required = true, description = "viewer (reads) or operator (reads and acts)")
    String role;

    @Override
    public Integer call() throws Exception {
        if (!user.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("--user must be 1 to 64 letters, digits, '.', '_' or '-', was '" + user + "'");
        }
        if (!role.equals("viewer") && !role.equals("operator")) {
            throw new IllegalArgumentException("--role must be viewer or operator, was '" + role + "'");
        }
        String password = password();
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("the password must have at least 12 characters");
        }
        if (password.length() > 72) {
            throw new IllegalArgumentException("the password must have at most 72 characters (BCrypt's limit)");
        }
        System.out.println("user." + user + "=" + ManagementUsers.hash(password) + "," + role);
        return 0;
    }

    private static String password() throws Exception {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for the management user: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
