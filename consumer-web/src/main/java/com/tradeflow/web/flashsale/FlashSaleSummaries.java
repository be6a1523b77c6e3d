package com.tradeflow.web.flashsale;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Flash sales as operators look at them: units left and tickets by state, from the database's counters. */
@Service
public class FlashSaleSummaries {

    private final FlashSaleRepository sales;

    FlashSaleSummaries(FlashSaleRepository sales) {
        this.sales = sales;
    }

    /**
     * @param saleId  as a string, like the API's (snowflake ids exceed what JSON numbers hold safely)
     * @param left    units neither QUEUED nor PLACED (a FAILED ticket gives its unit back)
     * @param tickets tickets by state (QUEUED, PLACED, FAILED), every state present
     */
    public record Summary(
            String saleId,
            long skuId,
            int quantity,
            long price,
            Instant startsAt,
            Instant endsAt,
            boolean active,
            int left,
            Map<String, Long> tickets) {}

    /** The sales that start latest, newest first. */
    public List<Summary> latest(int limit) {
        Instant now = Instant.now();
        return sales.latest(limit).stream()
                .map(sale -> {
                    Map<String, Long> tickets = sales.ticketCounts(sale.saleId()).entrySet().stream()
                            .collect(Collectors.toMap(
                                    e -> e.getKey().name(), Map.Entry::getValue, Long::sum, LinkedHashMap::new));
                    return new Summary(
                            String.valueOf(sale.saleId()),
                            sale.skuId(),
                            sale.quantity(),
                            sale.price(),
                            sale.startsAt(),
                            sale.endsAt(),
                            sale.activeAt(now),
                            sale.quantity() - sales.taken(sale.saleId()),
                            tickets);
                })
                .toList();
    }
}
