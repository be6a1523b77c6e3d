package com.tradeflow.web.flashsale;

import com.tradeflow.api.event.FlashSaleTicketEvent;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.web.outbox.OutboxRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL over the flash sales, their buyers and tickets, in the sales' home database (the first order database, its
 * plain pool): a ticket, the counters it moves and its outbox event commit together there.
 */
class FlashSaleRepository {

    /** What the database said to a ticket that Redis granted. */
    enum Grant {
        GRANTED,
        SOLD_OUT,
        LIMIT_REACHED
    }

    /** A ticket row. */
    record Ticket(
            long ticketId,
            long saleId,
            long userId,
            TicketStatus status,
            Long orderId,
            String reason,
            String detail,
            Instant createdAt,
            Instant updatedAt) {

        /** A ticket just granted, as stored by {@link #grant}. */
        static Ticket queued(FlashSaleTicketEvent event) {
            return new Ticket(
                    event.ticketId(),
                    event.saleId(),
                    event.userId(),
                    TicketStatus.QUEUED,
                    null,
                    null,
                    null,
                    event.occurredAt(),
                    event.occurredAt());
        }

        FlashSaleTicket view() {
            return new FlashSaleTicket(
                    String.valueOf(ticketId),
                    String.valueOf(saleId),
                    userId,
                    status,
                    orderId == null ? null : String.valueOf(orderId),
                    reason,
                    detail,
                    createdAt,
                    updatedAt);
        }
    }

    private static final RowMapper<FlashSale> SALE = (rs, i) -> new FlashSale(
            rs.getLong("sale_id"),
            rs.getLong("sku_id"),
            rs.getInt("quantity"),
            rs.getLong("price"),
            rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("ends_at").toInstant(),
            rs.getInt("per_user_limit"));
    private static final RowMapper<Ticket> TICKET = (rs, i) -> new Ticket(
            rs.getLong("ticket_id"),
            rs.getLong("sale_id"),
            rs.getLong("user_id"),
            TicketStatus.valueOf(rs.getString("status")),
            rs.getObject("order_id", Long.class),
            rs.getString("reason"),
            rs.getString("detail"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());
    private static final int MAX_DETAIL = 255;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutboxRepository outbox;

    FlashSaleRepository(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxRepository outbox) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    void insert(FlashSale sale) {
        jdbc.update(
                """
                INSERT INTO flash_sales (sale_id, sku_id, quantity, price, starts_at, ends_at, per_user_limit)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                sale.saleId(),
                sale.skuId(),
                sale.quantity(),
                sale.price(),
                Timestamp.from(sale.startsAt()),
                Timestamp.from(sale.endsAt()),
                sale.perUserLimit());
    }

    Optional<FlashSale> find(long saleId) {
        return jdbc.query("SELECT * FROM flash_sales WHERE sale_id = ?", SALE, saleId).stream()
                .findFirst();
    }

    /** The sales that start latest (the newest, and those still to come), with their tickets taken. */
    List<FlashSale> latest(int limit) {
        return jdbc.query("SELECT * FROM flash_sales ORDER BY starts_at DESC, sale_id DESC LIMIT ?", SALE, limit);
    }

    /** Tickets QUEUED or PLACED. */
    int taken(long saleId) {
        Integer taken = jdbc.queryForObject("SELECT taken FROM flash_sales WHERE sale_id = ?", Integer.class, saleId);
        return taken == null ? 0 : taken;
    }

    /** Users holding tickets (QUEUED or PLACED) and how many. */
    Map<Long, Integer> buyers(long saleId) {
        Map<Long, Integer> buyers = new LinkedHashMap<>();
        jdbc.query(
                "SELECT user_id, tickets FROM flash_sale_buyers WHERE sale_id = ? AND tickets > 0",
                rs -> {
                    buyers.put(rs.getLong(1), rs.getInt(2));
                },
                saleId);
        return buyers;
    }

    /**
     * The ticket, if the sale has a unit left and the user is under the limit: both counters move, the ticket is
     * QUEUED (granted when the event occurred) and its event written, in one local transaction; otherwise nothing is
     * written.
     */
    Grant grant(FlashSale sale, long userId, FlashSaleTicketEvent queued) {
        return transactions.execute(status -> {
            if (jdbc.update(
                            "UPDATE flash_sales SET taken = taken + 1 WHERE sale_id = ? AND taken < quantity",
                            sale.saleId())
                    == 0) {
                return Grant.SOLD_OUT;
            }
            jdbc.update("""
                    INSERT INTO flash_sale_buyers (sale_id, user_id, tickets) VALUES (?, ?, 1)
                    ON DUPLICATE KEY UPDATE tickets = tickets + 1""", sale.saleId(), userId);
            Integer tickets = jdbc.queryForObject(
                    "SELECT tickets FROM flash_sale_buyers WHERE sale_id = ? AND user_id = ?",
                    Integer.class,
                    sale.saleId(),
                    userId);
            if (tickets == null || tickets > sale.perUserLimit()) {
                status.setRollbackOnly();
                return Grant.LIMIT_REACHED;
            }
            Timestamp granted = Timestamp.from(queued.occurredAt());
            jdbc.update("""
                    INSERT INTO flash_sale_tickets (ticket_id, sale_id, user_id, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, queued.ticketId(), sale.saleId(), userId, TicketStatus.QUEUED.name(), granted, granted);
            outbox.append(queued, jdbc);
            return Grant.GRANTED;
        });
    }

    Optional<Ticket> findTicket(long ticketId) {
        return jdbc.query("SELECT * FROM flash_sale_tickets WHERE ticket_id = ?", TICKET, ticketId).stream()
                .findFirst();
    }

    /**
     * This delivery works on the ticket until {@code until}: it is QUEUED and no other delivery's claim is running.
     *
     * @return false when it is not QUEUED any more, or another delivery holds it
     */
    boolean claim(long ticketId, Instant until) {
        return jdbc.update("""
                UPDATE flash_sale_tickets SET claimed_until = ?
                WHERE ticket_id = ? AND status = 'QUEUED' AND (claimed_until IS NULL OR claimed_until < NOW(3))
                """, Timestamp.from(until), ticketId) == 1;
    }

    /** The claim ends without an outcome (a passing refusal): the next delivery may claim it at once. */
    void release(long ticketId) {
        jdbc.update(
                "UPDATE flash_sale_tickets SET claimed_until = NULL WHERE ticket_id = ? AND status = 'QUEUED'",
                ticketId);
    }

    /** Tickets QUEUED since before {@code before}: their orders should have been placed long ago. */
    long queuedSince(long saleId, Instant before) {
        Long stuck = jdbc.queryForObject("""
                SELECT COUNT(*) FROM flash_sale_tickets
                WHERE sale_id = ? AND status = 'QUEUED' AND created_at < ?
                """, Long.class, saleId, Timestamp.from(before));
        return stuck == null ? 0 : stuck;
    }

    /** QUEUED -> PLACED. @return false when it was not QUEUED (placed or failed before) */
    boolean markPlaced(long ticketId, long orderId) {
        return jdbc.update("""
                UPDATE flash_sale_tickets SET status = 'PLACED', order_id = ? WHERE ticket_id = ? AND status = 'QUEUED'
                """, orderId, ticketId) == 1;
    }

    /**
     * QUEUED -> FAILED, and its unit and the user's ticket go back to the sale, in one local transaction.
     *
     * @return false when it was not QUEUED (nothing changed)
     */
    boolean fail(Ticket ticket, String reason, String detail) {
        Boolean failed = transactions.execute(status -> {
            if (jdbc.update("""
                    UPDATE flash_sale_tickets SET status = 'FAILED', reason = ?, detail = ?
                    WHERE ticket_id = ? AND status = 'QUEUED'""", reason, truncate(detail), ticket.ticketId()) == 0) {
                return false;
            }
            jdbc.update("UPDATE flash_sales SET taken = taken - 1 WHERE sale_id = ?", ticket.saleId());
            jdbc.update(
                    "UPDATE flash_sale_buyers SET tickets = tickets - 1 WHERE sale_id = ? AND user_id = ?",
                    ticket.saleId(),
                    ticket.userId());
            return true;
        });
        return Boolean.TRUE.equals(failed);
    }

    Map<TicketStatus, Long> ticketCounts(long saleId) {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query(
                "SELECT status, COUNT(*) FROM flash_sale_tickets WHERE sale_id = ? GROUP BY status",
                rs -> {
                    counts.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2));
                },
                saleId);
        return counts;
    }

    /** A ticket's last change, for the reconciliation's paging. */
    record TicketChange(long saleId, Timestamp updatedAt) {}

    /** Sales whose tickets changed after {@code position} (the reconciliation's paged read). */
    ChangedRows.Pages<TicketChange> ticketsChangedAfter(String position, long settleMillis, int limit) {
        return ChangedRows.readEach(
                List.of(jdbc),
                position,
                "SELECT sale_id, updated_at FROM flash_sale_tickets WHERE",
                "updated_at",
                settleMillis,
                limit,
                (rs, i) -> new TicketChange(rs.getLong("sale_id"), rs.getTimestamp("updated_at")),
                TicketChange::updatedAt);
    }

    /** Sales with a ticket still QUEUED since before {@code before}. */
    List<Long> salesWithTicketsQueuedBefore(Instant before, int limit) {
        return jdbc.queryForList("""
                SELECT DISTINCT sale_id FROM flash_sale_tickets WHERE status = 'QUEUED' AND created_at < ?
                LIMIT ?""", Long.class, Timestamp.from(before), limit);
    }

    List<Ticket> placedTickets(long saleId) {
        return jdbc.query("SELECT * FROM flash_sale_tickets WHERE sale_id = ? AND status = 'PLACED'", TICKET, saleId);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
