package io.splice.management;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a management user may do: a viewer reads, an operator reads and acts. */
public enum ManagementRole {
    VIEWER,
    OPERATOR;

    /** Whether a user of this role may do what {@code required} may. */
    public boolean includes(ManagementRole required) {
        return ordinal() >= required.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ManagementRole> named(String label) {
        return Arrays.stream(values()).filter(role -> role.label().equals(label)).findFirst();
    }
}
