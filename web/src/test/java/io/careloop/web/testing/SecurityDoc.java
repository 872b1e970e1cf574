package io.careloop.web.testing;

import io.careloop.engine.user.Permission;
import io.careloop.engine.user.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the two tables of docs/security.md, the permission matrix and the route table, so tests
 * hold the code to what the documentation promises.
 */
public final class SecurityDoc {

    /** The permission a route table row names for public routes. */
    public static final String PUBLIC = "public";
    private static final Pattern ROUTE_ROW = Pattern.compile("^\\| `([A-Z]+) (\\S+)` \\| ([a-z.-]+) \\|\\s*$");
    private static final List<Role> COLUMNS = List.of(Role.AGENT, Role.SUPERVISOR, Role.SPECIALIST, Role.INTEGRATOR, Role.ADMIN);

    private final Map<String, String> routes = new LinkedHashMap<>();
    private final Map<Permission, Set<Role>> matrix = new EnumMap<>(Permission.class);

    private SecurityDoc(List<String> lines) {
        for (String line : lines) {
            Matcher m = ROUTE_ROW.matcher(line);
            if (m.matches()) {
                routes.put(m.group(1) + " " + m.group(2), m.group(3));
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length == 7 && isPermission(cells[1].trim())) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    if (cells[i + 2].trim().equals("yes")) {
                        roles.add(COLUMNS.get(i));
                    }
                }
                matrix.put(Permission.fromCode(cells[1].trim()), roles);
            }
        }
    }

    public static SecurityDoc read() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/security.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/security.md not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return new SecurityDoc(Files.readAllLines(dir.resolve("docs/security.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The permission code the route table gives {@code method path} (exact row, else the longest {@code /**} row). */
    public Optional<String> permissionOf(String method, String path) {
        String exact = routes.get(method + " " + path);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> e : routes.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("/**") && key.startsWith(method + " ")) {
                String prefix = key.substring(method.length() + 1, key.length() - 3);
                if ((path.equals(prefix) || path.startsWith(prefix + "/")) && prefix.length() > bestLength) {
                    best = e.getValue();
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public Map<Permission, Set<Role>> matrix() {
        return matrix;
    }

    private static boolean isPermission(String cell) {
        for (Permission p : Permission.values()) {
            if (p.code().equals(cell)) {
                return true;
            }
        }
        return false;
    }
}
