package org.opennps.workspace;

import java.util.Locale;
import java.util.Optional;
import org.opennps.shared.Coded;

/**
 * What a member may do in one workspace. Each role includes everything of the roles below it:
 * a viewer reads the dashboard and responses, an agent also works the inbox and its cases, an
 * admin also configures the workspace, an owner also manages members and API keys.
 */
public enum Role implements Coded {
    VIEWER,
    AGENT,
    ADMIN,
    OWNER;

    /** The word, as {@link #code()}: what clients and the database see, also in logs and messages. */
    @Override
    public String toString() {
        return code();
    }

    public boolean atLeast(Role minimum) {
        return compareTo(minimum) >= 0;
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.code().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** A stored role; unknown legacy names read as the least privileged. */
    static Role ofStored(String value) {
        return parse(value).orElse(VIEWER);
    }
}
