package io.splice.definition;

import java.util.List;
import java.util.stream.Collectors;

/** The migration definition has errors: nothing starts. The message lists every error, one per line. */
public class InvalidDefinitionException extends Exception {

    private final transient List<DefinitionError> errors;

    public InvalidDefinitionException(List<DefinitionError> errors) {
        super("The migration definition has " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                + ", nothing was started:\n" + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<DefinitionError> errors() {
        return errors;
    }
}
