package io.splice.definition;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a definition file (or a file it names) is read from: the file system or, for the bundled sample, the
 * classpath. Relative names resolve beside the file that names them.
 */
public record DefinitionLocation(String scheme, String path) {

    public static DefinitionLocation parse(String location) {
        if (location.startsWith("classpath:")) {
            return new DefinitionLocation("classpath", location.substring("classpath:".length()));
        }
        String file = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return new DefinitionLocation("file", Path.of(file).toAbsolutePath().normalize().toString());
    }

    public static DefinitionLocation of(Path file) {
        return new DefinitionLocation("file", file.toAbsolutePath().normalize().toString());
    }

    /** The file name, as errors show it. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public DefinitionLocation sibling(String relative) {
        if (scheme.equals("file")) {
            return of(Path.of(path).resolveSibling(relative));
        }
        int slash = path.lastIndexOf('/');
        return new DefinitionLocation(scheme, slash < 0 ? relative : path.substring(0, slash + 1) + relative);
    }

    public String read() throws IOException {
        if (scheme.equals("file")) {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        }
        try (InputStream in = DefinitionLocation.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new NoSuchFileException("classpath:" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return scheme.equals("file") ? path : scheme + ":" + path;
    }
}
