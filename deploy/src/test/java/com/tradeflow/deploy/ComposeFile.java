package com.tradeflow.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A compose file as Docker Compose reads it: anchors, aliases and merge keys resolved (SnakeYAML does that as
 * Compose does), no interpolation. Accessors for the parts the checks look at, in both of Compose's notations where
 * it has two (environment as map or list, depends_on as map or list, ports and volumes short or long).
 */
record ComposeFile(Map<String, Object> root) {

    static ComposeFile load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static ComposeFile parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        // Compose refuses a key twice in one mapping; so do the checks
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(options).load(yaml);
        return new ComposeFile(map(root, "the file"));
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(root.get("services"), "services").forEach((name, service) -> services.put(name, map(service, name)));
        return services;
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    /** Declared top-level volumes (named volumes). */
    List<String> volumeNames() {
        Object volumes = root.get("volumes");
        return volumes == null ? List.of() : List.copyOf(map(volumes, "volumes").keySet());
    }

    /** Every string anywhere in the file (x- blocks included), for the interpolations they hold. */
    List<String> strings() {
        List<String> strings = new ArrayList<>();
        collectStrings(root, strings);
        return strings;
    }

    private static void collectStrings(Object node, List<String> strings) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectStrings(value, strings));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectStrings(value, strings));
        } else if (node instanceof String text) {
            strings.add(text);
        }
    }

    // --- one service ---

    static Optional<String> image(Map<String, Object> service) {
        return Optional.ofNullable((String) service.get("image"));
    }

    /** The value of {@code build.args.<name>}, if the service is built here. */
    static Optional<String> buildArg(Map<String, Object> service, String name) {
        if (!(service.get("build") instanceof Map<?, ?> build) || !(build.get("args") instanceof Map<?, ?> args)) {
            return Optional.empty();
        }
        Object value = args.get(name);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** Its environment; a name without a value (taken from Compose's own environment) maps to null. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) ->
                    environment.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(
                        equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** The services it waits for, with the condition (Compose's list form means {@code service_started}). */
    static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Object declared = service.get("depends_on");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, settings) -> dependencies.put(
                    String.valueOf(name),
                    settings instanceof Map<?, ?> s && s.get("condition") != null
                            ? String.valueOf(s.get("condition"))
                            : "service_started"));
        } else if (declared instanceof List<?> list) {
            list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
        }
        return dependencies;
    }

    static List<Object> ports(Map<String, Object> service) {
        return service.get("ports") instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    /** A volume or bind mount: source (a named volume, or a path), target, and whether it is read-only. */
    record Mount(String source, String target, boolean readOnly) {
        boolean isBind() {
            return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        }
    }

    static List<Mount> mounts(Map<String, Object> service) {
        List<Mount> mounts = new ArrayList<>();
        if (!(service.get("volumes") instanceof List<?> list)) {
            return mounts;
        }
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> longSyntax) {
                mounts.add(new Mount(
                        String.valueOf(longSyntax.get("source")),
                        String.valueOf(longSyntax.get("target")),
                        Boolean.TRUE.equals(longSyntax.get("read_only"))));
            } else {
                String[] parts = String.valueOf(entry).split(":");
                mounts.add(new Mount(
                        parts[0],
                        parts.length > 1 ? parts[1] : parts[0],
                        parts.length > 2 && List.of(parts[2].split(",")).contains("ro")));
            }
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " is not a mapping");
        }
        return (Map<String, Object>) node;
    }
}
