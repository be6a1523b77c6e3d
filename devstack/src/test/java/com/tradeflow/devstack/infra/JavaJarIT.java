package com.tradeflow.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.childprocess.ChildProcess;
import com.tradeflow.childprocess.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spring Boot jar of this build (auth-server, built before this module) started as the stack starts its
 * services: extracted once, its classes archived by its first process, mapped by the next (which, started meanwhile,
 * waits for the archive).
 */
class JavaJarIT {

    private static final Path BUILT = Path.of("..", "tools", "auth-server", "target", "auth-server.jar");
    private static final Duration START = Duration.ofSeconds(90);
    /** How long the test watches a second start wait for the first one's archive. */
    private static final Duration SECOND_START_HELD = Duration.ofSeconds(2);
    /** As the test stack runs its JVMs: C1 only, for the start's CPU (about half of C2's on 2 cores). */
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path module;

    @Test
    void shouldArchiveTheClassesOfTheFirstProcessAndMapThemInTheNext() throws Exception {
        Path jar = Files.copy(BUILT, module.resolve("auth-server.jar"));
        JavaJar runnable = JavaJar.of("auth-server", jar);
        Path extracted = onlyDirectory(module.resolve("fast-start"));
        assertThat(extracted.resolve("auth-server.jar")).isRegularFile();
        assertThat(extracted.resolve("lib")).isDirectory();

        try (ChildProcess first = start(runnable, "first", List.of())) {
            // another instance started while the first records: it waits for the archive instead of recording too
            // (each class the JVM takes from the dynamic archive is logged with the source "shared objects file (top)")
            CompletableFuture<ChildProcess> second = CompletableFuture.supplyAsync(
                    () -> startUnchecked(runnable, "second", List.of("-Xlog:class+load=info")));
            Thread.sleep(SECOND_START_HELD.toMillis());
            // a process is spawned with its log; one not held would be starting by now, not yet ready
            assertThat(module.resolve("second.log"))
                    .as("no second process until the first one's classes are archived")
                    .doesNotExist();

            runnable.archiveClassesOf(first);
            assertThat(archives(extracted)).hasSize(1);
            try (ChildProcess started = second.get(START.toSeconds(), TimeUnit.SECONDS)) {
                runnable.archiveClassesOf(started);
                assertThat(Files.readString(started.log()))
                        .contains("com.tradeflow.auth.AuthServerApplication source: shared objects file (top)");
            }
        }
        assertThat(archives(extracted)).as("written once").hasSize(1);
    }

    @Test
    void shouldExtractARebuiltJarAgainAndDropTheEarlierExtraction() throws IOException {
        Path jar = Files.copy(BUILT, module.resolve("auth-server.jar"));
        JavaJar.of("auth-server", jar);
        Path earlier = onlyDirectory(module.resolve("fast-start"));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        JavaJar.of("auth-server", jar);

        Path rebuilt = onlyDirectory(module.resolve("fast-start"));
        assertThat(rebuilt).isNotEqualTo(earlier);
        assertThat(rebuilt.resolve("auth-server.jar")).isRegularFile();
    }

    private ChildProcess startUnchecked(JavaJar runnable, String name, List<String> jvmOptions) {
        try {
            return start(runnable, name, jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChildProcess start(JavaJar runnable, String name, List<String> jvmOptions) throws IOException {
        int port = FreePorts.pick();
        ChildProcess process = runnable.start(
                name,
                Stream.concat(QUICK_START.stream(), jvmOptions.stream()).toList(),
                Map.of(
                        "AUTH_PORT",
                        String.valueOf(port),
                        "AUTH_DEMO_PASSWORD",
                        "demo-password",
                        "AUTH_ADMIN_PASSWORD",
                        "admin-password"),
                module.resolve(name + ".log"),
                Duration.ofSeconds(10));
        process.awaitReady(
                HttpProbe.answering(
                        URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration"),
                        response -> response.statusCode() == 200),
                START);
        return process;
    }

    private static Path onlyDirectory(Path parent) throws IOException {
        try (Stream<Path> all = Files.list(parent)) {
            List<Path> directories = all.filter(Files::isDirectory).toList();
            assertThat(directories).hasSize(1);
            return directories.get(0);
        }
    }

    private static List<Path> archives(Path extracted) throws IOException {
        try (Stream<Path> all = Files.list(extracted)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
