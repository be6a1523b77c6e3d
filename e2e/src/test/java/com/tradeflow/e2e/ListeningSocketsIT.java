package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.ProcessesFile;
import com.tradeflow.devstack.infra.CoordinatorCluster;
import com.tradeflow.devstack.service.ServiceName;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every server the stack starts listens on loopback, except the ones that cannot (each named here with why), read
 * from the kernel's socket tables ({@code /proc/net/tcp}, {@code tcp6}) and the stack's processes' descriptors.
 */
@ExtendWith(TestStack.class)
class ListeningSocketsIT {

    private static final String LISTEN = "0A";

    @Test
    void shouldListenOnLoopbackExceptWhereTheServerCannot() throws IOException {
        DevStackOptions options = TestStack.stack().options();
        Map<Listener, String> listeners = listeners();
        Map<String, String> open = new TreeMap<>();
        listeners.forEach((listener, process) -> {
            if (!listener.loopback()) {
                open.put(process + ":" + listener.port(), listener.address());
            }
        });

        // Dubbo 3.3 refuses a loopback bind address; the Seata TC 2.0 has no bind option (RocketMQ's HA port,
        // which takes none either, is not opened: rocketmq-server's NoReplicasHaService)
        Set<String> cannot = new HashSet<>(Set.of(
                "provider-inventory:" + options.inventoryDubboPort(),
                "provider-account:" + options.accountDubboPort()));
        CoordinatorCluster coordinators = TestStack.stack().coordinators();
        for (int node = 1; node <= coordinators.size(); node++) {
            cannot.add((node == 1 ? "seata-tc:" : "seata-tc-" + node + ":")
                    + coordinators.node(node).rpcPort());
        }
        assertThat(open.keySet()).as("listening on all interfaces: %s", open).isSubsetOf(cannot);
        // the reading sees a listener on all interfaces when there is one (Dubbo's cannot be moved)
        assertThat(open).containsKey("provider-account:" + options.accountDubboPort());
        assertThat(listeners.values())
                .as("the stack's processes were found")
                .contains("mariadb", "redis", "rocketmq", "consumer-web", "devstack", "zipkin");
        // Sentinel's command API is there, on loopback (platform's LoopbackCommandCenter)
        assertThat(listeners).containsValue("provider-account").anySatisfy((listener, process) -> {
            assertThat(process).isEqualTo("consumer-web");
            assertThat(listener.port()).isEqualTo(options.sentinelPort(ServiceName.WEB));
            assertThat(listener.loopback()).isTrue();
        });
    }

    /** Listening sockets of the stack's processes, to the process's name. */
    private static Map<Listener, String> listeners() throws IOException {
        Map<String, String> processOfInode = new HashMap<>();
        Properties pids = new Properties();
        try (Reader in = Files.newBufferedReader(
                ProcessesFile.in(TestStack.stack().options().workDir()))) {
            pids.load(in);
        }
        for (String name : pids.stringPropertyNames()) {
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pids.getProperty(name), "fd"))) {
                for (Path fd : fds) {
                    String target = readLink(fd);
                    if (target.startsWith("socket:[")) {
                        processOfInode.put(target.substring(8, target.length() - 1), name);
                    }
                }
            }
        }
        Map<Listener, String> listeners = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String process = processOfInode.get(f[9]);
                if (LISTEN.equals(f[3]) && process != null) {
                    String[] local = f[1].split(":");
                    listeners.put(new Listener(local[0], Integer.parseInt(local[1], 16)), process);
                }
            }
        }
        return listeners;
    }

    private static String readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException gone) {
            return "";
        }
    }

    /** A listening address as the kernel prints it: hex, 32-bit words in host (little-endian) order. */
    private record Listener(String hex, int port) {

        boolean loopback() {
            return hex.equals("0100007F")
                    || hex.equals("00000000000000000000000001000000")
                    || hex.equals("0000000000000000FFFF00000100007F");
        }

        String address() {
            return hex.matches("0+") ? "all interfaces" : hex;
        }
    }
}
