package org.courriel.deploy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.courriel.deploy.cli.socket.AdminSocketLocation;
import org.yaml.snakeyaml.Yaml;

/**
 * Finds the admin socket of the server that uses the same data directory, without starting Spring: the
 * {@code courriel.data-dir} (and {@code courriel.admin.socket.path}) of the command line, the JVM's system
 * properties, the environment ({@code COURRIEL_DATA_DIR}), then the {@code application.yml}/{@code .properties}
 * of {@code SPRING_CONFIG_ADDITIONAL_LOCATION}'s directories, {@code ./config/} and {@code ./}, in that order of
 * precedence, else {@code ./data}: the places the server reads them from in the usual set-ups.
 */
public final class ServerLocator {

    private static final String DATA_DIR = "courriel.data-dir";
    private static final String SOCKET_PATH = "courriel.admin.socket.path";

    private ServerLocator() {
    }

    public static Path socket(AdminCommandLine command, Map<String, String> environment) {
        List<Map<String, Object>> files = configFiles(environment);
        String path = first(command.springArgument(SOCKET_PATH), System.getProperty(SOCKET_PATH),
                environment.get("COURRIEL_ADMIN_SOCKET_PATH"), fromFiles(files, SOCKET_PATH));
        return AdminSocketLocation.of(path, dataDir(command, environment, files));
    }

    /** The data directory a server started here would use, made absolute. */
    public static Path dataDir(AdminCommandLine command, Map<String, String> environment) {
        return Path.of(dataDir(command, environment, configFiles(environment))).toAbsolutePath().normalize();
    }

    private static String dataDir(AdminCommandLine command, Map<String, String> environment,
            List<Map<String, Object>> files) {
        return first(command.springArgument(DATA_DIR), System.getProperty(DATA_DIR),
                environment.get("COURRIEL_DATA_DIR"), fromFiles(files, DATA_DIR), "data");
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    /** The configuration files, the one that wins first. */
    private static List<Map<String, Object>> configFiles(Map<String, String> environment) {
        List<Path> dirs = new ArrayList<>();
        String additional = environment.get("SPRING_CONFIG_ADDITIONAL_LOCATION");
        if (additional != null) {
            for (String location : additional.split(",")) {
                String dir = location.strip().replaceFirst("^optional:", "").replaceFirst("^file:", "");
                if (!dir.isEmpty() && !dir.startsWith("classpath:")) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        dirs.add(Path.of("config"));
        dirs.add(Path.of("."));
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path dir : dirs) {
            for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
                Map<String, Object> file = read(dir.resolve(name));
                if (file != null) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (file.toString().endsWith(".properties")) {
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                return (Map<String, Object>) (Map<?, ?>) p;
            }
            try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                Object doc = new Yaml().load(reader);
                return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            }
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or not YAML: the server would say so when it starts; look elsewhere
        }
    }

    private static String fromFiles(List<Map<String, Object>> files, String key) {
        for (Map<String, Object> file : files) {
            Object value = lookup(file, key);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }

    /** {@code a.b.c} in a flat properties map or in nested YAML maps. */
    private static Object lookup(Map<String, Object> map, String key) {
        if (map.containsKey(key)) {
            return map.get(key);
        }
        int dot = key.indexOf('.');
        while (dot > 0) {
            Object child = map.get(key.substring(0, dot));
            if (child instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Object found = lookup((Map<String, Object>) nested, key.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = key.indexOf('.', dot + 1);
        }
        return null;
    }
}
