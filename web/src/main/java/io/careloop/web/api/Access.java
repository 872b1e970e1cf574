package io.careloop.web.api;

import io.careloop.engine.user.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route: everyone (login, health, the OpenAPI document), any signed-in user, or
 * the users holding one of {@link #roles}.
 */
public record Access(boolean open, Set<Role> roles) {

    public static final Access PUBLIC = new Access(true, EnumSet.noneOf(Role.class));
    public static final Access ANY_USER = new Access(false, EnumSet.allOf(Role.class));

    public static Access roles(Role first, Role... more) {
        return new Access(false, EnumSet.of(first, more));
    }
}
