package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.FlashSaleTicketEvent;
import com.tradeflow.web.system.IdGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user asks for a ticket: Redis decides (one Lua script: a unit left, the user under the limit), the database
 * confirms and stores the ticket with its event (in one local transaction), and the event queues the order. Only
 * the granted requests, at most the sale's quantity plus what failed orders gave back, reach the database.
 */
class EnterFlashSaleService {

    private static final Logger log = LoggerFactory.getLogger(EnterFlashSaleService.class);

    private final FlashSaleCatalog catalog;
    private final FlashSaleGate gate;
    private final FlashSaleRepository sales;
    private final IdGenerator ids;

    EnterFlashSaleService(FlashSaleCatalog catalog, FlashSaleGate gate, FlashSaleRepository sales, IdGenerator ids) {
        this.catalog = catalog;
        this.gate = gate;
        this.sales = sales;
        this.ids = ids;
    }

    /**
     * @return the QUEUED ticket
     * @throws BusinessException NOT_FOUND, SALE_NOT_ACTIVE, SOLD_OUT, LIMIT_REACHED, DEPENDENCY_UNAVAILABLE (Redis
     *                           or the database cannot be used: nothing was granted)
     */
    FlashSaleTicket enter(long saleId, long userId) {
        FlashSale sale = catalog.get(saleId);
        // the database keeps milliseconds: the ticket answered is the ticket stored
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!sale.activeAt(now)) {
            throw new BusinessException(
                    ErrorCode.SALE_NOT_ACTIVE,
                    "flash sale " + saleId + " runs from " + sale.startsAt() + " to " + sale.endsAt());
        }
        // minted before Redis takes a unit: a refusal to mint (no worker id lease) must not leave a unit taken
        long ticketId = ids.next();
        FlashSaleGate.Decision decision = gate.take(sale, userId);
        if (decision == FlashSaleGate.Decision.NOT_LOADED) {
            catalog.rebuild(sale);
            decision = gate.take(sale, userId);
        }
        switch (decision) {
            case TAKEN -> {
                return store(sale, userId, ticketId, now);
            }
            case SOLD_OUT -> throw soldOut(sale);
            case LIMIT_REACHED -> throw limitReached(sale, userId);
            default ->
                throw new BusinessException(
                        ErrorCode.DEPENDENCY_UNAVAILABLE,
                        "flash sale " + saleId + ": its counters could not be loaded into Redis; try again shortly");
        }
    }

    private FlashSaleTicket store(FlashSale sale, long userId, long ticketId, Instant now) {
        FlashSaleTicketEvent queued = new FlashSaleTicketEvent(
                UUID.randomUUID().toString(),
                FlashSaleTicketEvent.QUEUED,
                ticketId,
                sale.saleId(),
                userId,
                sale.skuId(),
                sale.price(),
                now);
        FlashSaleRepository.Grant grant;
        try {
            grant = sales.grant(sale, userId, queued);
        } catch (RuntimeException e) {
            // nothing stored: the unit Redis took goes back
            gate.giveBack(sale, userId);
            throw e;
        }
        return switch (grant) {
            case GRANTED -> {
                log.debug("flash sale {}: ticket {} for user {}", sale.saleId(), ticketId, userId);
                yield FlashSaleRepository.Ticket.queued(queued).view();
            }
            // Redis let it through on counters rebuilt too generously; corrected to agree with the database
            case SOLD_OUT -> {
                gate.correct(sale, userId, grant);
                throw soldOut(sale);
            }
            case LIMIT_REACHED -> {
                gate.correct(sale, userId, grant);
                throw limitReached(sale, userId);
            }
        };
    }

    private static BusinessException soldOut(FlashSale sale) {
        return new BusinessException(ErrorCode.SOLD_OUT, "flash sale " + sale.saleId() + " is sold out");
    }

    private static BusinessException limitReached(FlashSale sale, long userId) {
        return new BusinessException(
                ErrorCode.LIMIT_REACHED,
                "user " + userId + " holds " + sale.perUserLimit() + " ticket(s) of flash sale " + sale.saleId()
                        + ", the most it allows");
    }
}
