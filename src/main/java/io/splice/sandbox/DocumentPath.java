package io.splice.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed /api/v1/projects/{projectId}/documents/{filename} path; the filename arrives URL-decoded. */
record DocumentPath(String projectId, String filename) {

    private static final Pattern SHAPE = Pattern.compile("^/api/v1/projects/([A-Za-z0-9_.-]+)/documents/([^/]+)$");

    static Optional<DocumentPath> parse(String path) {
        Matcher matcher = SHAPE.matcher(path);
        return matcher.matches() ? Optional.of(new DocumentPath(matcher.group(1), matcher.group(2))) : Optional.empty();
    }
}
