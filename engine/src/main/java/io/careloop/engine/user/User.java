package io.careloop.engine.user;

import java.util.List;
import java.util.Set;

/**
 * A signed-in person (or the owner of an API token) as the rest of CareLoop sees them.
 *
 * @param queues the queues of the teams they belong to
 */
public record User(long id, String username, String displayName, Set<Role> roles, List<String> teams,
                   List<String> queues) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
