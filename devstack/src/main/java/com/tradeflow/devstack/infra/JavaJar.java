package com.tradeflow.devstack.infra;

import com.tradeflow.childprocess.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spring Boot jar of this build run as child JVMs, prepared to start fast. The jar is extracted once per build of
 * it (Spring Boot's {@code -Djarmode=tools extract}: classes then load from plain jars instead of jars nested in the
 * jar), and the classes its first process loaded while starting are written to a class data sharing archive (the
 * JDK's dynamic CDS archive, taken with {@code jcmd VM.cds dynamic_dump} once that process is ready); later starts
 * map them from the archive instead of loading and verifying them again. Measured on provider-inventory, 2 cores,
 * C1 only: 14.3 s (17 s of CPU) to start from the jar, 8.8 s (11 s) extracted, 6.0 s (8 s) with the archive.
 * Recording what it loads costs the first start about 6 s more, and the dump about 6 s of CPU, once per build: the
 * e2e suite restarts each provider several times (when the second process recorded, the first restart of
 * provider-account took 38 s instead of 10 s), and a user's next run of the stack starts from the archive.
 * <p>
 * Everything lives in {@code <module>/target/fast-start/}, so a rebuilt jar, or {@code mvn clean}, starts over. When
 * the jar cannot be extracted (not a Spring Boot jar) it runs as it is; when the archive cannot be taken (a JRE
 * without {@code jcmd}) the processes start without one. Both only cost speed, and say so in the log.
 */
public final class JavaJar {

    private static final Logger log = LoggerFactory.getLogger(JavaJar.class);
    private static final ConcurrentMap<Path, JavaJar> PREPARED = new ConcurrentHashMap<>();
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);
    /** The longest a start waits for the archive another process of the jar is recording. */
    private static final Duration ARCHIVE_WAIT = Duration.ofMinutes(3);

    private static final String RECORD = "-XX:+RecordDynamicDumpInfo";
    /** The dump warns about each class it leaves out (thousands of lines in the service's log). */
    private static final String QUIET_DUMP = "-Xlog:cds=off,cds+dynamic=off";

    private final String module;
    private final Path runnable;
    private final Path archive;
    private final Set<Long> recording = new HashSet<>();
    private boolean archiving;

    private JavaJar(String module, Path runnable, Path archive) {
        this.module = module;
        this.runnable = runnable;
        this.archive = archive;
        this.archiving = archive != null;
    }

    /**
     * The jar, extracted unless it was for this build of it (shared by the processes of this JVM that run it).
     *
     * @param module the module that builds the jar, for the message when it is missing
     * @throws IllegalStateException the jar is missing: the module is not built
     */
    public static JavaJar of(String module, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not built: " + jar + " is missing (run mvn package)");
        }
        return PREPARED.compute(
                jar.toAbsolutePath().normalize(),
                (path, known) -> known != null && known.isFor(path) ? known : prepare(module, path));
    }

    /**
     * Starts {@code java <jvm options> -jar <jar>}, mapping the class archive when there is one; call
     * {@link #archiveClassesOf} once the process is ready.
     *
     * @param name the process's name in logs
     * @param env  added to the child's environment (secrets go here, never on the command line, which every local
     *             user can read)
     */
    public ChildProcess start(
            String name, List<String> jvmOptions, Map<String, String> env, Path log, Duration stopGrace)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaBinary());
        command.addAll(jvmOptions);
        // deciding to record and registering the recorder is one step: a start meanwhile waits for its archive
        synchronized (this) {
            awaitArchiveBeingRecorded();
            List<String> sharing = classSharingOptions();
            command.addAll(sharing);
            command.add("-jar");
            command.add(runnable.toString());
            ChildProcess process = ChildProcess.start(name, command, env, log, stopGrace);
            if (sharing.contains(RECORD)) {
                recording.add(process.pid());
            }
            return process;
        }
    }

    /**
     * Writes the classes a ready process loaded to this jar's archive when it was started to record them and there is
     * no archive yet (another process of the jar may have written it). The process pauses while the JVM writes (a
     * few seconds).
     */
    public synchronized void archiveClassesOf(ChildProcess ready) {
        if (!recording.remove(ready.pid()) || Files.exists(archive)) {
            notifyAll();
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ready.pid() + ".partial");
        long began = System.nanoTime();
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            String output = run(
                    List.of(jcmd.toString(), String.valueOf(ready.pid()), "VM.cds", "dynamic_dump", partial.toString()),
                    partial.resolveSibling("jcmd.log"));
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IOException("jcmd wrote no archive: " + output.strip());
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            log.info(
                    "{}: the classes it loads while starting are archived in {} ({} s); later starts map them",
                    module,
                    archive,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
        } catch (IOException | RuntimeException e) {
            archiving = false;
            log.warn(
                    "{}: cannot archive its classes ({}); its processes start without an archive",
                    module,
                    e.getMessage());
            deleteQuietly(partial);
        } finally {
            notifyAll();
        }
    }

    /**
     * A second process of the jar (another instance of a service) started while the first records its classes waits
     * for the archive instead of recording too: a start that records, without an archive, costs about three times the
     * CPU of one that maps it, and on a small machine the two would share the cores for all of it. It starts anyway,
     * recording, when the first process dies before writing the archive or {@link #ARCHIVE_WAIT} has passed.
     */
    private synchronized void awaitArchiveBeingRecorded() {
        long deadline = System.nanoTime() + ARCHIVE_WAIT.toNanos();
        while (archiving && !Files.exists(archive) && stillRecording()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                log.info(
                        "{}: the archive being recorded is not there after {}; this process records too",
                        module,
                        ARCHIVE_WAIT);
                return;
            }
            try {
                // woken when the archive is written; the timeout notices a recording process that died
                wait(Math.min(left, 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean stillRecording() {
        recording.removeIf(
                pid -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return !recording.isEmpty();
    }

    private synchronized List<String> classSharingOptions() {
        if (archive == null) {
            return List.of();
        }
        if (Files.exists(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (!archiving) {
            return List.of();
        }
        // a process started while none records (or after the recorder's wait ran out) records; the first one
        // ready writes the archive
        return List.of(RECORD, QUIET_DUMP);
    }

    private boolean isFor(Path jar) {
        return runnable.equals(jar) || runnable.getParent().equals(extractionDirectory(jar));
    }

    private static JavaJar prepare(String module, Path jar) {
        Path target = extractionDirectory(jar);
        Path extracted = target.resolve(jar.getFileName());
        try {
            if (!Files.isRegularFile(extracted)) {
                extract(jar, target);
            }
            // the archive fits one JVM build and these extracted jars only
            String jvm = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+_-]", "_");
            return new JavaJar(module, extracted, target.resolve("classes-" + jvm + ".jsa"));
        } catch (IOException | RuntimeException e) {
            log.warn("{}: cannot extract {} ({}); it runs as it is, more slowly", module, jar, e.getMessage());
            return new JavaJar(module, jar, null);
        }
    }

    private static void extract(Path jar, Path target) throws IOException {
        Path home = target.getParent();
        Files.createDirectories(home);
        try (Stream<Path> earlier = Files.list(home)) {
            earlier.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith(baseName(jar)))
                    .forEach(JavaJar::deleteQuietly);
        }
        Path partial = home.resolve(target.getFileName() + ".partial");
        run(
                List.of(
                        ChildProcess.javaBinary(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        partial.toString()),
                home.resolve("extract.log"));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("extracted {} to {} for faster starts", jar.getFileName(), target);
    }

    /** One directory per build of the jar (its size and time), so a rebuilt jar is extracted again. */
    private static Path extractionDirectory(Path jar) {
        try {
            return jar.resolveSibling("fast-start")
                    .resolve(baseName(jar) + "-" + Files.size(jar) + "-"
                            + Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(Path jar) {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    /** Runs a JDK tool to its end; its output goes to {@code output} and is returned. */
    private static String run(List<String> command, Path output) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + TOOL_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(Path.of(command.get(0)).getFileName() + " exited with " + process.exitValue() + ": "
                    + text.strip());
        }
        return text;
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("cannot delete {}: {}", path, e.getMessage());
        }
    }
}
