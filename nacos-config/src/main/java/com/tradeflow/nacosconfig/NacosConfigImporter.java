package com.tradeflow.nacosconfig;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Publishes the configs under {@code nacos/} (listed in {@code nacos/index.txt}) to a Nacos server, the local
 * dev server or a real cluster. Idempotent: a config whose content is already there is left alone; a Sentinel rule
 * config that exists is never overwritten (see {@link #DEFAULTS_ONLY}).
 *
 * <pre>java -cp nacos-config.jar com.tradeflow.nacosconfig.NacosConfigImporter --server-addr HOST:PORT
 *     [--namespace NS] [--username U --password P] [--dry-run]</pre>
 */
public final class NacosConfigImporter {

    private static final String ROOT = "nacos/";
    private static final long READ_TIMEOUT_MILLIS = 5000;

    /** What happened to one config. KEPT: a default that differs from what is there, left as it is. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        KEPT,
        WOULD_CREATE,
        WOULD_UPDATE
    }

    /**
     * Groups whose configs are defaults: published when missing, never overwritten. Sentinel rules set through the
     * dashboard are written to Nacos by the services; a re-import must not undo them.
     */
    static final Set<String> DEFAULTS_ONLY = Set.of("SENTINEL_GROUP");

    /** One config and what the import did with it. */
    public record Result(String group, String dataId, Outcome outcome) {}

    private NacosConfigImporter() {}

    public static void main(String[] args) throws NacosException {
        Properties properties = new Properties();
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server-addr" -> properties.setProperty(PropertyKeyConst.SERVER_ADDR, value(args, ++i));
                case "--namespace" -> properties.setProperty(PropertyKeyConst.NAMESPACE, value(args, ++i));
                case "--username" -> properties.setProperty(PropertyKeyConst.USERNAME, value(args, ++i));
                case "--password" -> properties.setProperty(PropertyKeyConst.PASSWORD, value(args, ++i));
                case "--dry-run" -> dryRun = true;
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: --server-addr HOST:PORT [--namespace NS] [--username U --password P]"
                            + " [--dry-run]");
                    System.exit(2);
                }
            }
        }
        if (!properties.containsKey(PropertyKeyConst.SERVER_ADDR)) {
            System.err.println("--server-addr is required");
            System.exit(2);
        }
        for (Result result : importAll(properties, dryRun)) {
            System.out.printf("%-13s %s/%s%n", result.outcome(), result.group(), result.dataId());
        }
        System.exit(0);
    }

    /** Imports every config; with {@code dryRun}, only reports what it would change. */
    public static List<Result> importAll(Properties nacos, boolean dryRun) throws NacosException {
        ConfigService config = NacosFactory.createConfigService(nacos);
        try {
            List<Result> results = new ArrayList<>();
            for (String entry : index()) {
                int slash = entry.indexOf('/');
                String group = entry.substring(0, slash);
                String dataId = entry.substring(slash + 1);
                String content = read(ROOT + entry);
                String current = config.getConfig(dataId, group, READ_TIMEOUT_MILLIS);
                Outcome outcome;
                if (content.equals(current)) {
                    outcome = Outcome.UNCHANGED;
                } else if (current != null && DEFAULTS_ONLY.contains(group)) {
                    outcome = Outcome.KEPT;
                } else if (dryRun) {
                    outcome = current == null ? Outcome.WOULD_CREATE : Outcome.WOULD_UPDATE;
                } else {
                    if (!config.publishConfig(dataId, group, content, type(dataId))) {
                        throw new NacosException(NacosException.SERVER_ERROR, "Nacos refused " + group + "/" + dataId);
                    }
                    outcome = current == null ? Outcome.CREATED : Outcome.UPDATED;
                }
                results.add(new Result(group, dataId, outcome));
            }
            return results;
        } finally {
            config.shutDown();
        }
    }

    static List<String> index() {
        List<String> entries = new ArrayList<>();
        for (String line : read(ROOT + "index.txt").split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                entries.add(trimmed);
            }
        }
        return entries;
    }

    private static String type(String dataId) {
        int dot = dataId.lastIndexOf('.');
        return dot < 0
                ? "text"
                : switch (dataId.substring(dot + 1)) {
                    case "json" -> "json";
                    case "yml", "yaml" -> "yaml";
                    case "properties" -> "properties";
                    default -> "text";
                };
    }

    private static String read(String resource) {
        try (InputStream in = NacosConfigImporter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }
}
