package io.splice.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** SQL text loaded from the classpath. */
final class SqlResource {

    private SqlResource() {
    }

    /** One statement, without a trailing semicolon so every driver accepts it. */
    static String statement(String path) {
        String sql = withoutComments(read(path)).trim();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).trim() : sql;
    }

    /** A script split into its statements; our scripts hold no semicolons inside literals, so a plain split is safe. */
    static List<String> statements(String path) {
        return Arrays.stream(withoutComments(read(path)).split(";"))
                .map(String::trim)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String withoutComments(String script) {
        return script.lines()
                .filter(line -> !line.trim().startsWith("--"))
                .collect(Collectors.joining("\n"));
    }

    private static String read(String path) {
        try (InputStream in = SqlResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource not on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + path, e);
        }
    }
}
