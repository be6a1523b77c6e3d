package com.tradeflow.platform.books;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads the rows of one database changed after a time, oldest change first, for reconciliation: only rows whose
 * change is at least {@code settle} old (the statement's time is stamped before its transaction commits, so a
 * younger row may still be joined by older ones), and a page ends where every row of its last timestamp is in, so
 * that the next page starts strictly after it without losing rows that share a timestamp. Positions are the
 * database's own timestamps, never compared with another clock.
 */
public final class ChangedRows {

    private ChangedRows() {}

    /**
     * @param rows         oldest change first
     * @param completeUpTo every settled row changed up to this time has been read; the next page starts after it
     * @param more         the page was cut at {@code limit}: more rows are waiting
     */
    public record Page<T>(List<T> rows, Timestamp completeUpTo, boolean more) {}

    /**
     * The pages of several databases read together, and the one position string they go on from.
     *
     * @param rows the rows of every database, database by database, oldest change first in each
     * @param next the position to read on from (pass it back as is)
     * @param more some database's page was cut at {@code limit}
     */
    public record Pages<T>(List<T> rows, String next, boolean more) {}

    /**
     * {@link #read} on each database (by index) from its part of {@code position}: at most {@code limit} rows per
     * database.
     *
     * @throws BusinessException VALIDATION_FAILED: not a position of these databases
     */
    public static <T> Pages<T> readEach(
            List<JdbcTemplate> databases,
            String position,
            String select,
            String time,
            long settleMillis,
            int limit,
            RowMapper<T> mapper,
            Function<T, Timestamp> timeOfRow) {
        List<Timestamp> from = positions(position, databases.size());
        List<T> rows = new ArrayList<>();
        List<Timestamp> next = new ArrayList<>();
        boolean more = false;
        for (int db = 0; db < databases.size(); db++) {
            Page<T> page = read(databases.get(db), select, time, from.get(db), settleMillis, limit, mapper, timeOfRow);
            rows.addAll(page.rows());
            next.add(page.completeUpTo());
            more |= page.more();
        }
        return new Pages<>(rows, position(next), more);
    }

    /**
     * @param select    {@code SELECT ... FROM ... WHERE} and any condition followed by {@code AND}; the time
     *                  conditions, order and limit are appended
     * @param time      the column of the row's last change, as named in {@code select}
     * @param after     exclusive; {@code new Timestamp(0)} from the start
     * @param timeOfRow the value of {@code time} in a mapped row
     */
    public static <T> Page<T> read(
            JdbcTemplate jdbc,
            String select,
            String time,
            Timestamp after,
            long settleMillis,
            int limit,
            RowMapper<T> mapper,
            Function<T, Timestamp> timeOfRow) {
        List<T> rows = jdbc.query(
                select + " " + time + " > ? AND " + time + " < TIMESTAMPADD(MICROSECOND, ?, NOW(3)) ORDER BY " + time
                        + " LIMIT ?",
                mapper,
                after,
                -settleMillis * 1000,
                limit);
        if (rows.size() < limit) {
            return new Page<>(rows, rows.isEmpty() ? after : timeOfRow.apply(rows.get(rows.size() - 1)), false);
        }
        Timestamp cut = timeOfRow.apply(rows.get(rows.size() - 1));
        List<T> before = new ArrayList<>();
        for (T row : rows) {
            if (timeOfRow.apply(row).before(cut)) {
                before.add(row);
            }
        }
        if (!before.isEmpty()) {
            return new Page<>(before, timeOfRow.apply(before.get(before.size() - 1)), true);
        }
        // a whole page shares one timestamp: take all its rows, however many, or the position could never move
        return new Page<>(jdbc.query(select + " " + time + " = ?", mapper, cut), cut, true);
    }

    /** The separator of the databases' positions in a position string. */
    private static final String SEPARATOR = "|";

    /**
     * The position of each database in a position string from {@link #position} (null or empty: the start of
     * each). Written as the databases' local date-time, so the same on every JVM whatever its time zone.
     *
     * @throws BusinessException VALIDATION_FAILED: not a position of {@code databases} databases
     */
    public static List<Timestamp> positions(String position, int databases) {
        List<Timestamp> positions = new ArrayList<>();
        if (position == null || position.isEmpty()) {
            for (int i = 0; i < databases; i++) {
                positions.add(new Timestamp(0));
            }
            return positions;
        }
        String[] parts = position.split("\\" + SEPARATOR, -1);
        try {
            if (parts.length != databases) {
                throw new IllegalArgumentException(parts.length + " part(s)");
            }
            for (String part : parts) {
                positions.add(Timestamp.valueOf(part));
            }
            return positions;
        } catch (IllegalArgumentException e) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED,
                    "not a position of this service (" + databases + " database(s)): " + e.getMessage());
        }
    }

    /** The position string of these databases' positions, by index. */
    public static String position(List<Timestamp> positions) {
        return positions.stream().map(Timestamp::toString).collect(Collectors.joining(SEPARATOR));
    }

    /** @throws BusinessException VALIDATION_FAILED: {@code limit} outside 1 .. {@code max} */
    public static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "limit must be 1 to " + max + ": " + limit);
        }
    }

    /** @throws BusinessException VALIDATION_FAILED: more than {@code max} ids */
    public static void requireAtMost(List<?> ids, int max) {
        if (ids.size() > max) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "at most " + max + " ids at a time");
        }
    }
}
