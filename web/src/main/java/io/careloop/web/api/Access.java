package io.careloop.web.api;

import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route: everyone (login, health, the OpenAPI document), or the users holding one of
 * {@link #roles}. Declare routes with {@link #to(Permission)}: the roles then come from the one
 * permission matrix ({@link Permission}), and docs/security.md names the permission.
 *
 * @param permission the permission the route needs; null on public routes and on ad-hoc role lists
 */
public record Access(boolean open, Set<Role> roles, Permission permission) {

    public static final Access PUBLIC = new Access(true, EnumSet.noneOf(Role.class), null);
    /** Any signed-in user: their own profile, session and tokens. */
    public static final Access ANY_USER = to(Permission.SELF);

    public static Access to(Permission permission) {
        return new Access(false, permission.roles(), permission);
    }

    /** An ad-hoc role list; prefer {@link #to(Permission)} so the matrix stays in one place. */
    public static Access roles(Role first, Role... more) {
        return new Access(false, EnumSet.of(first, more), null);
    }

    /** What a 403 names: the permission, or the roles. */
    public String describe() {
        return permission != null ? permission.code() : roles.toString();
    }
}
