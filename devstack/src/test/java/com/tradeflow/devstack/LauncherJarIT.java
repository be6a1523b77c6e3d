package com.tradeflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * {@code devstack/target/devstack.jar}, as packaged: it runs this module's main class from the runtime jars its
 * manifest names, each of which the build copied to {@code target/lib}; a name that does not match its file would
 * only fail when a user runs the jar.
 */
class LauncherJarIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void shouldNameAMainClassAndOnlyRuntimeJarsThatAreInLib() throws IOException {
        try (JarFile jar = new JarFile(TARGET.resolve("devstack.jar").toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(DevStackMain.class.getName());
            assertThat(jar.getEntry(DevStackMain.class.getName().replace('.', '/') + ".class"))
                    .as("the module's classes are in the jar")
                    .isNotNull();

            List<String> classPath = Arrays.asList(
                    manifest.getValue(Attributes.Name.CLASS_PATH).trim().split("\\s+"));
            assertThat(classPath)
                    .as("nacos-devserver, MariaDB, RocketMQ's launcher and the rest")
                    .hasSizeGreaterThan(20)
                    .allSatisfy(entry -> {
                        assertThat(entry).startsWith("lib/");
                        assertThat(TARGET.resolve(entry)).as(entry).isRegularFile();
                    });
        }
    }
}
