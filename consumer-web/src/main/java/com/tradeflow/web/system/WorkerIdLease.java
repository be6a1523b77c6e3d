package com.tradeflow.web.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A worker id leased from the database ({@code id_worker_leases} in the first order database), so that no two live
 * consumer-web instances mint ids with the same one. Each process is its own holder (host, port and a random part:
 * nothing a second process can share, a restart included). Taken at start: the configured id (waiting up to one
 * lease for an earlier holder's lease to expire, a crashed process of the same instance say), else the lowest free
 * or expired one; none to be had stops the start. Renewed every quarter of its length. The process counts its lease
 * as held until the start of its last successful renewal plus the length, minus a tenth: never past the expiry the
 * database recorded (set later, by the database's clock), so another process can take the id only after this one
 * stopped using it (as long as the hosts' clocks agree within that tenth: ids carry each host's own time). A lapsed
 * lease (the database away for most of a lease, the JVM paused) stops minting until a renewal succeeds; a lease
 * taken over meanwhile is replaced by the lowest free id. Released when the process stops.
 */
public final class WorkerIdLease implements WorkerId, AutoCloseable {

    /** IdGenerator's 10 bits. */
    static final int MAX_WORKER = 1023;

    private static final Logger log = LoggerFactory.getLogger(WorkerIdLease.class);
    private static final int RENEWALS_PER_LEASE = 4;
    private static final int SAFETY_FRACTION = 10;
    /** Concurrent starts can take the id this one chose: look again this many times. */
    private static final int CLAIM_ROUNDS = 5;

    private static final Duration PREFERRED_RETRY = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final String holder;
    private final Duration length;
    private final ScheduledExecutorService renewals;
    private volatile long id;
    private volatile long heldUntilNanos;
    private volatile boolean closed;

    private WorkerIdLease(JdbcTemplate jdbc, String holder, Duration length) {
        this.jdbc = jdbc;
        this.holder = holder;
        this.length = length;
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "worker-id-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes a lease and keeps renewing it.
     *
     * @param holder    this process, unique among all processes that ever hold a lease (host, port, a random part)
     * @param preferred the worker id to take; still held by another process after one lease: the start stops
     * @throws IllegalStateException no worker id could be leased
     */
    public static WorkerIdLease acquire(JdbcTemplate jdbc, String holder, OptionalInt preferred, Duration length) {
        preferred.ifPresent(p -> {
            if (p < 0 || p > MAX_WORKER) {
                throw new IllegalArgumentException("tradeflow.orders.worker-id must be within 0.." + MAX_WORKER);
            }
        });
        if (length.toMillis() < RENEWALS_PER_LEASE * SAFETY_FRACTION) {
            throw new IllegalArgumentException("tradeflow.orders.worker-lease is too short: " + length);
        }
        WorkerIdLease lease = new WorkerIdLease(jdbc, holder, length);
        long started = System.nanoTime();
        lease.id = preferred.isPresent() ? lease.claimWaiting(preferred.getAsInt()) : lease.claimFree();
        lease.heldUntilNanos = lease.deadline(started);
        long every = length.toMillis() / RENEWALS_PER_LEASE;
        lease.renewals.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        log.info("worker id {} leased by {} for {} (renewed every {} ms)", lease.id, holder, length, every);
        return lease;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public boolean held() {
        return System.nanoTime() - heldUntilNanos < 0;
    }

    /** The configured id, once no other live process holds it: an earlier holder's lease may still run out. */
    private long claimWaiting(int wanted) {
        long giveUp = System.nanoTime() + length.toNanos() + PREFERRED_RETRY.toNanos();
        while (!take(wanted)) {
            if (System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException("worker id " + wanted + " (tradeflow.orders.worker-id, "
                        + "ORDER_WORKER_ID) is leased by another live process: "
                        + jdbc.queryForList(
                                "SELECT CONCAT(holder, ' until ', expires_at, ' UTC') FROM id_worker_leases "
                                        + "WHERE worker_id = ?",
                                String.class,
                                wanted)
                        + "; give another one, or none to take a free one");
            }
            log.info("worker id {} is leased by another process; waiting for its lease to end", wanted);
            sleep(PREFERRED_RETRY);
        }
        return wanted;
    }

    private long claimFree() {
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            Set<Long> leased = new HashSet<>();
            List<Long> expired = new ArrayList<>();
            jdbc.query(
                    "SELECT worker_id, expires_at < UTC_TIMESTAMP(3) FROM id_worker_leases ORDER BY worker_id",
                    (RowCallbackHandler) rs -> (rs.getBoolean(2) ? expired : leased).add(rs.getLong(1)));
            for (long candidate : expired) {
                if (take((int) candidate)) {
                    return candidate;
                }
            }
            leased.addAll(expired);
            for (long candidate = 0; candidate <= MAX_WORKER; candidate++) {
                if (!leased.contains(candidate)) {
                    if (take((int) candidate)) {
                        return candidate;
                    }
                    break; // another process was quicker: look again
                }
            }
        }
        throw new IllegalStateException("no free worker id in id_worker_leases (0.." + MAX_WORKER
                + " leased by live processes, or " + CLAIM_ROUNDS + " rounds lost to concurrent starts)");
    }

    /** Takes the id if nobody holds it, or its lease expired. */
    private boolean take(int candidate) {
        try {
            jdbc.update("""
                    INSERT INTO id_worker_leases (worker_id, holder, expires_at)
                    VALUES (?, ?, UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND)""", candidate, holder, micros());
            return true;
        } catch (DuplicateKeyException held) {
            return jdbc.update("""
                    UPDATE id_worker_leases SET holder = ?, expires_at = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND
                    WHERE worker_id = ? AND expires_at < UTC_TIMESTAMP(3)""", holder, micros(), candidate) == 1;
        }
    }

    void renew() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        try {
            int renewed = jdbc.update("""
                    UPDATE id_worker_leases SET expires_at = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND
                    WHERE worker_id = ? AND holder = ?""", micros(), id, holder);
            if (renewed == 1) {
                heldUntilNanos = deadline(started);
                return;
            }
            heldUntilNanos = started;
            log.error(
                    "the lease of worker id {} was taken over (this process was away longer than {}): minting "
                            + "stops until another id is leased",
                    id,
                    length);
            // the configured id, if any, is someone else's now
            long replacement = claimFree();
            id = replacement;
            heldUntilNanos = deadline(started);
            log.warn("worker id {} leased by {} instead", replacement, holder);
        } catch (RuntimeException e) {
            // the executor would stop renewing for good after an exception: log and try at the next tick
            log.warn(
                    "worker id {}: lease not renewed ({}); held for {} ms more",
                    id,
                    e.getMessage(),
                    Math.max(0, TimeUnit.NANOSECONDS.toMillis(heldUntilNanos - System.nanoTime())));
        }
    }

    private long deadline(long startedNanos) {
        return startedNanos + length.toNanos() - length.toNanos() / SAFETY_FRACTION;
    }

    private long micros() {
        return TimeUnit.MILLISECONDS.toMicros(length.toMillis());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker id", e);
        }
    }

    /** Stops minting and renewing (a renewal under way finishes first), then gives the id back. */
    @Override
    public void close() {
        closed = true;
        heldUntilNanos = System.nanoTime();
        renewals.shutdown();
        try {
            if (!renewals.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                renewals.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heldUntilNanos = System.nanoTime();
        try {
            jdbc.update("DELETE FROM id_worker_leases WHERE worker_id = ? AND holder = ?", id, holder);
            log.info("worker id {} released by {}", id, holder);
        } catch (DataAccessException e) {
            log.warn("worker id {} not released ({}): it expires on its own", id, e.getMessage());
        }
    }
}
