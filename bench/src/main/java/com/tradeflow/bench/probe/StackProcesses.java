package com.tradeflow.bench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processes of a local stack, from the {@code processes.properties} that devstack keeps in its work directory:
 * {@code name=pid} lines, in the stack's start order. Read again at every reading, as a restart changes a pid.
 */
public final class StackProcesses {

    public static final String FILE_NAME = "processes.properties";

    private StackProcesses() {}

    public static Path file(Path stackDir) {
        return stackDir.resolve(FILE_NAME);
    }

    /** @return name -> pid in file order; empty when there is no such file */
    public static Map<String, Long> read(Path stackDir) throws IOException {
        Path file = file(stackDir);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static Map<String, Long> parse(String text) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                continue;
            }
            try {
                pids.put(
                        trimmed.substring(0, equals).trim(),
                        Long.parseLong(trimmed.substring(equals + 1).trim()));
            } catch (NumberFormatException notAPid) {
                // a line we do not understand: leave it out
            }
        }
        return pids;
    }
}
