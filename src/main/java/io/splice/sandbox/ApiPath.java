package io.splice.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed /api/v1 path: a collection, optionally followed by a record id.
 *
 * @param id null when the path names the collection itself
 */
record ApiPath(String collection, String id) {

    static final String PREFIX = "/api/v1/";

    private static final Pattern SHAPE = Pattern.compile("^/api/v1/([A-Za-z0-9_-]+)(?:/([A-Za-z0-9_.-]+))?$");

    static Optional<ApiPath> parse(String path) {
        Matcher matcher = SHAPE.matcher(path);
        return matcher.matches() ? Optional.of(new ApiPath(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    boolean namesCollection() {
        return id == null;
    }
}
