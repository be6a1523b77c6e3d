package com.tradeflow.deploy;

import com.tradeflow.deploy.ComposeFile.Mount;
import com.tradeflow.deploy.Placeholders.Interpolation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compose file of this repository must satisfy. Each check returns the problems it found, as sentences
 * naming the service and what is wrong; none means the file passes. Kept apart from the files they read so that
 * {@code ComposeChecksTests} can show each one failing on a broken file.
 */
final class ComposeChecks {

    /** Names of variables that hold secrets: their value must come from the environment. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASSWD|TOKEN|KEY)$|.*SECRET.*|.*_PWD$");

    /** An exact version: three numbers at least (a floating 8.4 or 17-jre moves under you), maybe a v first. */
    private static final Pattern EXACT_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+.*");

    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final String INIT_DIRECTORY = "/docker-entrypoint-initdb.d/";
    private static final Pattern FROM_LINE =
            Pattern.compile("(?im)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");

    private ComposeChecks() {}

    /** Every service names its image with an exact version tag (or a digest), built ones included. */
    static List<String> unpinnedImages(ComposeFile compose, Map<String, String> envFile) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String image = ComposeFile.image(service).orElse(null);
            if (image == null) {
                problems.add(name + ": no image (a built one would be tagged latest)");
                return;
            }
            String problem = pinProblem(interpolate(image, envFile));
            if (problem != null) {
                problems.add(name + ": image " + image + " " + problem);
            }
        });
        return problems;
    }

    /** Every FROM of the Dockerfiles names an exact version (a stage built earlier in the same file aside). */
    static List<String> unpinnedBaseImages(Map<String, String> dockerfiles) {
        List<String> problems = new ArrayList<>();
        dockerfiles.forEach((file, content) -> {
            Set<String> stages = new HashSet<>();
            Matcher from = FROM_LINE.matcher(content);
            int count = 0;
            while (from.find()) {
                count++;
                String image = from.group(1);
                if (!stages.contains(image) && !image.equals("scratch")) {
                    String problem = pinProblem(image);
                    if (problem != null) {
                        problems.add(file + ": FROM " + image + " " + problem);
                    }
                }
                if (from.group(2) != null) {
                    stages.add(from.group(2));
                }
            }
            if (count == 0) {
                problems.add(file + ": no FROM line");
            }
        });
        return problems;
    }

    private static String pinProblem(String image) {
        if (image.contains("@sha256:")) {
            return null;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "has no tag (that is latest)";
        }
        String tag = image.substring(colon + 1);
        if (tag.equals("latest")) {
            return "is tagged latest";
        }
        if (!EXACT_TAG.matcher(tag).matches()) {
            return "has the tag " + tag + ", not an exact version";
        }
        return null;
    }

    /** The value with each interpolation replaced as Compose would, given the .env file's values. */
    private static String interpolate(String value, Map<String, String> envFile) {
        String result = value;
        for (Interpolation interpolation : Placeholders.compose(value)) {
            String set = envFile.getOrDefault(interpolation.name(), "");
            String replacement = set.isEmpty()
                            && interpolation.operator() != null
                            && interpolation.operator().endsWith("-")
                    ? interpolation.argument()
                    : set;
            result = result.replace(placeholderText(interpolation), replacement);
        }
        return result;
    }

    private static String placeholderText(Interpolation interpolation) {
        return "${" + interpolation.name()
                + (interpolation.operator() == null ? "" : interpolation.operator() + interpolation.argument())
                + "}";
    }

    /**
     * Every depends_on names a service of the file with one of Compose's conditions; a service waited for as healthy
     * has a healthcheck, one waited for as completed is a one-shot (never restarted).
     */
    static List<String> dependencyProblems(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = compose.services();
        services.forEach((name, service) -> ComposeFile.dependsOn(service).forEach((target, condition) -> {
            Map<String, Object> dependency = services.get(target);
            if (dependency == null) {
                problems.add(name + ": depends on " + target + ", which is not a service of this file");
            } else if (!CONDITIONS.contains(condition)) {
                problems.add(name + ": waits for " + target + " with an unknown condition " + condition);
            } else if (condition.equals("service_healthy") && !dependency.containsKey("healthcheck")) {
                problems.add(name + ": waits for " + target + " to be healthy, which has no healthcheck");
            } else if (condition.equals("service_completed_successfully")
                    && !"no".equals(String.valueOf(dependency.getOrDefault("restart", "no")))) {
                problems.add(name + ": waits for " + target + " to complete, which is restarted ("
                        + dependency.get("restart") + ")");
            }
        }));
        return problems;
    }

    /**
     * Every service built from one of the modules (build arg MODULE) sets each variable the module needs, given as
     * module to variable names.
     */
    static List<String> missingVariables(ComposeFile compose, Map<String, Set<String>> needed, String why) {
        List<String> problems = new ArrayList<>();
        compose.services()
                .forEach((name, service) -> ComposeFile.buildArg(service, "MODULE")
                        .filter(needed::containsKey)
                        .ifPresent(module -> {
                            Set<String> missing = new TreeSet<>(needed.get(module));
                            missing.removeAll(ComposeFile.environment(service).keySet());
                            if (!missing.isEmpty()) {
                                problems.add(name + " (" + module + "): " + why + ", not set: " + missing);
                            }
                        }));
        return problems;
    }

    /** A secret's value (environment, build argument) is a reference to the environment, never a literal. */
    static List<String> literalSecrets(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Map<String, String> values = new HashMap<>(ComposeFile.environment(service));
            if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
                args.forEach((arg, value) -> values.put(String.valueOf(arg), String.valueOf(value)));
            }
            values.forEach((variable, value) -> {
                if (SECRET_NAME.matcher(variable).matches() && value != null && !isReference(value)) {
                    problems.add(name + ": " + variable + " has a literal value; it must be ${VARIABLE:?...}");
                }
            });
        });
        return problems;
    }

    private static boolean isReference(String value) {
        return Placeholders.isSingleInterpolation(value)
                && Placeholders.compose(value).get(0).carriesNoLiteral();
    }

    /** Published ports listen on the host's loopback only, and no service shares the host's network. */
    static List<String> portsOffLoopback(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if ("host".equals(service.get("network_mode"))) {
                problems.add(name + ": network_mode host puts every port of it on the host's interfaces");
            }
            for (Object port : ComposeFile.ports(service)) {
                if (port instanceof Map<?, ?> longSyntax) {
                    Object hostIp = longSyntax.get("host_ip");
                    if (!isLoopback(hostIp == null ? "" : String.valueOf(hostIp))) {
                        problems.add(name + ": port " + longSyntax + " is published beyond 127.0.0.1");
                    }
                } else {
                    String text = String.valueOf(port);
                    String host = text.startsWith("[") ? text.substring(0, text.indexOf(']') + 1) : text.split(":")[0];
                    if (text.split(":").length < 3 || !isLoopback(host)) {
                        problems.add(name + ": port " + text + " is published beyond 127.0.0.1");
                    }
                }
            }
        });
        return problems;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    /**
     * The MySQL server's first start runs the repository's Seata store schema: mounted read-only from where it
     * lives (not a copy) into the image's init directory, with MYSQL_DATABASE set (the script names no database).
     */
    static List<String> seataStoreNotMounted(ComposeFile compose, Path composeDirectory, Path seataSql) {
        Path expected = seataSql.toAbsolutePath().normalize();
        for (Map.Entry<String, Map<String, Object>> entry : compose.services().entrySet()) {
            Map<String, Object> service = entry.getValue();
            if (!ComposeFile.image(service).orElse("").startsWith("mysql:")) {
                continue;
            }
            for (Mount mount : ComposeFile.mounts(service)) {
                if (mount.isBind()
                        && composeDirectory
                                .resolve(mount.source())
                                .toAbsolutePath()
                                .normalize()
                                .equals(expected)) {
                    List<String> problems = new ArrayList<>();
                    String name = entry.getKey();
                    if (!mount.target().startsWith(INIT_DIRECTORY)
                            || !mount.target().endsWith(".sql")) {
                        problems.add(name + ": mounts the Seata store schema at " + mount.target()
                                + ", not as a .sql file of " + INIT_DIRECTORY);
                    }
                    if (!mount.readOnly()) {
                        problems.add(name + ": mounts the Seata store schema writable (add :ro)");
                    }
                    String database = ComposeFile.environment(service).get("MYSQL_DATABASE");
                    if (database == null || database.isBlank()) {
                        problems.add(name + ": no MYSQL_DATABASE for the init scripts to run in");
                    }
                    return problems;
                }
            }
        }
        return List.of("no mysql service mounts " + expected + " into " + INIT_DIRECTORY);
    }

    /**
     * The .env.example lists every variable the compose file requires, mentions none it does not use, leaves every
     * secret empty; and the compose file writes every interpolation with braces, so that none escapes this check.
     */
    static List<String> envExampleProblems(ComposeFile compose, Map<String, String> listed, Set<String> mentioned) {
        List<String> problems = new ArrayList<>();
        Set<String> required = new TreeSet<>();
        Set<String> used = new HashSet<>();
        for (String value : compose.strings()) {
            if (Placeholders.hasUnbracedInterpolation(value)) {
                problems.add("compose.yaml interpolates without braces in: " + value);
            }
            for (Interpolation interpolation : Placeholders.compose(value)) {
                used.add(interpolation.name());
                if (interpolation.required()) {
                    required.add(interpolation.name());
                }
            }
        }
        required.removeAll(listed.keySet());
        if (!required.isEmpty()) {
            problems.add(".env.example does not list what compose.yaml requires: " + required);
        }
        Set<String> unused = new TreeSet<>(mentioned);
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            problems.add(".env.example mentions what compose.yaml does not use: " + unused);
        }
        listed.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && !value.isEmpty()) {
                problems.add(".env.example gives the secret " + name + " a value; leave it empty");
            }
        });
        return problems;
    }

    /**
     * Each instance of the module keeps its Atomikos XA log: its own transaction-manager name, and the log directory
     * on a named volume no other service mounts.
     */
    static List<String> xaLogProblems(ComposeFile compose, String module) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tmNames = new HashMap<>();
        Map<String, List<String>> mountedBy = new HashMap<>();
        compose.services()
                .forEach((name, service) -> ComposeFile.mounts(service)
                        .forEach(mount -> mountedBy
                                .computeIfAbsent(mount.source(), source -> new ArrayList<>())
                                .add(name)));
        Set<String> named = new HashSet<>(compose.volumeNames());
        compose.services().forEach((name, service) -> {
            if (!ComposeFile.buildArg(service, "MODULE").orElse("").equals(module)) {
                return;
            }
            Map<String, String> environment = ComposeFile.environment(service);
            String tmName = environment.get("TRADEFLOW_XA_TM_NAME");
            if (tmName == null || tmName.isBlank()) {
                problems.add(name + ": no TRADEFLOW_XA_TM_NAME of its own");
            } else if (tmNames.containsKey(tmName)) {
                problems.add(name + ": TRADEFLOW_XA_TM_NAME " + tmName + " is also " + tmNames.get(tmName) + "'s");
            } else {
                tmNames.put(tmName, name);
            }
            String logDir = environment.get("TRADEFLOW_XA_LOG_DIR");
            if (logDir == null || logDir.isBlank()) {
                problems.add(name + ": no TRADEFLOW_XA_LOG_DIR (the default lies in the container)");
                return;
            }
            Mount volume = ComposeFile.mounts(service).stream()
                    .filter(mount -> logDir.equals(mount.target()) || logDir.startsWith(mount.target() + "/"))
                    .findFirst()
                    .orElse(null);
            if (volume == null || !named.contains(volume.source())) {
                problems.add(name + ": TRADEFLOW_XA_LOG_DIR " + logDir + " is not on a named volume");
            } else if (mountedBy.get(volume.source()).size() > 1) {
                problems.add(name + ": its XA log volume " + volume.source() + " is mounted by "
                        + mountedBy.get(volume.source()));
            }
        });
        return problems;
    }

    /** Each module runs as several instances. */
    static List<String> tooFewInstances(ComposeFile compose, Set<String> modules, int instances) {
        Map<String, Integer> counts = new HashMap<>();
        compose.services()
                .values()
                .forEach(service -> ComposeFile.buildArg(service, "MODULE")
                        .ifPresent(module -> counts.merge(module, 1, Integer::sum)));
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            if (counts.getOrDefault(module, 0) < instances) {
                problems.add(module + ": " + counts.getOrDefault(module, 0) + " instance(s), fewer than " + instances);
            }
        }
        return problems;
    }

    /** Every image that is not built here (a third party's), with its tag, is named in the text (the README). */
    static List<String> imagesNotNamed(ComposeFile compose, Set<String> moreImages, String readme) {
        Set<String> images = new LinkedHashSet<>(moreImages);
        compose.services().values().stream()
                .filter(service -> !service.containsKey("build"))
                .forEach(service -> ComposeFile.image(service).ifPresent(images::add));
        List<String> problems = new ArrayList<>();
        images.stream()
                .filter(image -> !readme.contains(image))
                .forEach(image -> problems.add("deploy/README.md does not name " + image));
        return problems;
    }

    /** The images the Dockerfiles start FROM. */
    static Set<String> baseImages(Map<String, String> dockerfiles) {
        Set<String> images = new LinkedHashSet<>();
        dockerfiles.values().forEach(content -> {
            Matcher from = FROM_LINE.matcher(content);
            while (from.find()) {
                images.add(from.group(1));
            }
        });
        return images;
    }
}
