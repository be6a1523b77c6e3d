package com.tradeflow.auth.client;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * {@code <workDir>/sign-in.properties}: where the running local stack's issuer is and the demo users' and admin's
 * passwords. devstack writes it when its auth-server is up and deletes it when it stops; its {@code token} command
 * and the bench tool read it to sign users in (as a browser would, {@link DemoLogin}). Readable by its owner only.
 */
public final class SignInFile {

    public static final String FILE_NAME = "sign-in.properties";
    public static final String ISSUER = "issuer";
    public static final String DEMO_PASSWORD = "demo-password";
    public static final String ADMIN_PASSWORD = "admin-password";

    private SignInFile() {}

    public static Path in(Path workDir) {
        return workDir.resolve(FILE_NAME);
    }

    public static void write(Path workDir, String issuer, String demoPassword, String adminPassword) {
        Properties values = new Properties();
        values.setProperty(ISSUER, issuer);
        values.setProperty(DEMO_PASSWORD, demoPassword);
        values.setProperty(ADMIN_PASSWORD, adminPassword);
        Path file = in(workDir);
        try {
            Files.createDirectories(workDir);
            Path temporary = Files.createTempFile(
                    workDir,
                    FILE_NAME,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "the TradeFlow local stack's sign-in: issuer and passwords");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @throws IllegalStateException no stack has written it (none running from this directory) */
    public static Properties read(Path workDir) {
        Path file = in(workDir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    file + " is missing: is the local stack running (java -jar " + "devstack/target/devstack.jar)?");
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }
}
