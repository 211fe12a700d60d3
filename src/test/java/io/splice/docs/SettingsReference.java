package io.splice.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * docs/settings-reference.md, made from config/application.properties: every setting with its default and the
 * comment above it, so the table cannot drift from the file Splice reads. DocsMatchCodeTest compares the two;
 * {@code -Dsplice.docs.regenerate=true} on that test writes the file anew.
 */
final class SettingsReference {

    static final Path PROPERTIES = Path.of("config/application.properties");
    static final Path REFERENCE = Path.of("docs/settings-reference.md");

    private SettingsReference() {
    }

    static String render(Path properties) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Settings reference\n\n")
                .append("Generated from [config/application.properties](../config/application.properties) by ")
                .append("`DocsMatchCodeTest` (`mvn -B test -Dtest=DocsMatchCodeTest -Dsplice.docs.regenerate=true`); ")
                .append("edit the properties file's comments, not this page. How the layers combine (`--config`, the ")
                .append("environment, `-D`) and the secrets: [settings.md](settings.md).\n");
        List<String> comment = new ArrayList<>();
        for (String line : Files.readAllLines(properties)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("## ")) {
                out.append("\n## ").append(trimmed.substring(3)).append("\n\n| Setting | Default | Why |\n|---|---|---|\n");
                comment.clear();
            } else if (trimmed.startsWith("#")) {
                comment.add(trimmed.replaceFirst("^#+ ?", ""));
            } else if (trimmed.isEmpty()) {
                comment.clear();
            } else if (trimmed.contains("=")) {
                String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
                String value = trimmed.substring(trimmed.indexOf('=') + 1).strip();
                out.append("| `").append(key).append("` | ")
                        .append(value.isEmpty() ? "(empty)" : "`" + value.replace("|", "\\|") + "`").append(" | ")
                        .append(String.join(" ", comment).replace("|", "\\|")).append(" |\n");
                comment.clear();
            }
        }
        return out.toString();
    }
}
