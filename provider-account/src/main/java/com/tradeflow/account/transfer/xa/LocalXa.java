package com.tradeflow.account.transfer.xa;

import com.atomikos.icatch.config.UserTransactionServiceImp;
import com.atomikos.icatch.jta.UserTransactionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's JTA transaction manager for local XA: Atomikos, with its transaction log on disk. Atomikos keeps its
 * state in statics, so there is one per JVM; ShardingSphere's XA transaction type reaches it through
 * {@link LocalXaTransactionManager}. Started before the XA data sources, closed after them. Recovery runs from
 * the start: committing transactions of a crashed run (their decision is in the log) are committed on every
 * database once their timeout has passed; prepared branches without a decision are rolled back after
 * {@link LocalXaSettings#maxTimeout()}.
 */
public final class LocalXa implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalXa.class);
    private static volatile LocalXa current;

    private final LocalXaSettings settings;
    private final UserTransactionServiceImp service;
    private final UserTransactionManager transactionManager;

    private LocalXa(
            LocalXaSettings settings, UserTransactionServiceImp service, UserTransactionManager transactionManager) {
        this.settings = settings;
        this.service = service;
        this.transactionManager = transactionManager;
    }

    /** Starts the manager (and its recovery) from its log in {@code settings.logDir()}. */
    public static synchronized LocalXa start(LocalXaSettings settings) {
        if (current != null) {
            throw new IllegalStateException("local XA is already running as " + current.settings.tmUniqueName());
        }
        try {
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the XA log directory " + settings.logDir(), e);
        }
        UserTransactionServiceImp service = new UserTransactionServiceImp(atomikosProperties(settings));
        service.init();
        UserTransactionManager transactionManager = new UserTransactionManager();
        // the service above is started and stopped here, not by the first and last transaction
        transactionManager.setStartupTransactionService(false);
        transactionManager.setForceShutdown(false);
        try {
            transactionManager.init();
            transactionManager.setTransactionTimeout(
                    (int) settings.transactionTimeout().toSeconds());
        } catch (SystemException e) {
            service.shutdown(true);
            throw new IllegalStateException("cannot start the XA transaction manager: " + e.getMessage(), e);
        }
        log.info("local XA transaction manager {} started, log in {}", settings.tmUniqueName(), settings.logDir());
        current = new LocalXa(settings, service, transactionManager);
        return current;
    }

    /** The running manager; fails when none was started (a data source of XA type built too early). */
    static LocalXa current() {
        LocalXa running = current;
        if (running == null) {
            throw new IllegalStateException(
                    "local XA is not started: LocalXa.start must run before an XA data " + "source is built");
        }
        return running;
    }

    TransactionManager transactionManager() {
        return transactionManager;
    }

    public LocalXaSettings settings() {
        return settings;
    }

    private static Properties atomikosProperties(LocalXaSettings settings) {
        Properties props = new Properties();
        props.setProperty("com.atomikos.icatch.tm_unique_name", settings.tmUniqueName());
        props.setProperty(
                "com.atomikos.icatch.log_base_dir",
                settings.logDir().toAbsolutePath().toString());
        props.setProperty("com.atomikos.icatch.log_base_name", "tmlog");
        props.setProperty("com.atomikos.icatch.enable_logging", "true");
        props.setProperty(
                "com.atomikos.icatch.default_jta_timeout",
                String.valueOf(settings.transactionTimeout().toMillis()));
        props.setProperty(
                "com.atomikos.icatch.max_timeout",
                String.valueOf(settings.maxTimeout().toMillis()));
        props.setProperty(
                "com.atomikos.icatch.recovery_delay",
                String.valueOf(settings.recoveryInterval().toMillis()));
        props.setProperty("com.atomikos.icatch.max_actives", String.valueOf(settings.maxActive()));
        // phase two in the committing thread: the caller learns the outcome, and a crash test can stop it there
        props.setProperty("com.atomikos.icatch.threaded_2pc", "false");
        // leave it to recovery to finish what a shutdown interrupts, as after a crash
        props.setProperty("com.atomikos.icatch.force_shutdown_on_vm_exit", "false");
        // no "please register" banner in every start-up log
        props.setProperty("com.atomikos.icatch.registered", "true");
        return props;
    }

    /** Stops the manager; transactions still running are left to recovery after the next start. */
    @Override
    public synchronized void close() {
        transactionManager.close();
        service.shutdown(true);
        current = null;
        log.info("local XA transaction manager {} stopped", settings.tmUniqueName());
    }
}
