package com.tradeflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * {@code <workDir>/processes.properties}: one {@code name=pid} line per process of the running stack, rewritten
 * whenever one starts, stops or is restarted. The bench tool reads it to measure each process's CPU from
 * {@code /proc/<pid>/stat}. Written to a temporary file and moved into place, so a reader never sees half of it.
 */
public final class ProcessesFile {

    /** The file's name inside the stack's work directory. */
    public static final String FILE_NAME = "processes.properties";

    private static final String HEADER =
            "# the TradeFlow local stack's processes, name=pid; rewritten when one " + "(re)starts\n";

    private ProcessesFile() {}

    public static Path in(Path workDir) {
        return workDir.resolve(FILE_NAME);
    }

    /** Writes the processes in the map's order. */
    static void write(Path workDir, Map<String, Long> pids) {
        StringBuilder text = new StringBuilder(HEADER);
        pids.forEach((name, pid) -> text.append(name).append('=').append(pid).append('\n'));
        Path file = in(workDir);
        try {
            Files.createDirectories(workDir);
            Path temporary = Files.createTempFile(workDir, FILE_NAME, ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
