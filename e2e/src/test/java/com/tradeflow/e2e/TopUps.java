package com.tradeflow.e2e;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What top-ups left in the databases: consumer-web's top-ups and notifications, provider-account's credits. */
final class TopUps {

    private static final List<String> ORDER_DBS = List.of("tradeflow_order_0", "tradeflow_order_1");
    private static final List<String> ACCOUNT_DBS = List.of("tradeflow_account_0", "tradeflow_account_1");

    private final Databases db;

    TopUps(Databases db) {
        this.db = db;
    }

    /** merchantOrderNo -> top-up row. */
    Map<String, Map<String, Object>> topUps() {
        return rows(ORDER_DBS, "SELECT * FROM top_ups")
                .collect(java.util.stream.Collectors.toMap(r -> (String) r.get("merchant_order_no"), r -> r));
    }

    Map<String, Object> topUp(String merchantOrderNo) {
        return topUps().get(merchantOrderNo);
    }

    /** Stored notifications of one payment. */
    List<Map<String, Object>> notifications(String merchantOrderNo) {
        return rows(
                        ORDER_DBS,
                        "SELECT * FROM payment_notifications WHERE merchant_order_no = '" + merchantOrderNo + "'")
                .toList();
    }

    long notificationCount() {
        return ORDER_DBS.stream()
                .mapToLong(d -> db.number(d, "SELECT COUNT(*) FROM payment_notifications"))
                .sum();
    }

    /** merchantOrderNo -> credited rows of provider-account (at most one each, by its primary key). */
    List<Map<String, Object>> credits() {
        return rows(ACCOUNT_DBS, "SELECT * FROM wallet_top_ups").toList();
    }

    long creditedAmount() {
        return ACCOUNT_DBS.stream()
                .mapToLong(d -> db.number(d, "SELECT COALESCE(SUM(amount), 0) FROM wallet_top_ups"))
                .sum();
    }

    /** TOP_UP movements in the wallet ledger (one per credit). */
    long ledgerTopUps() {
        return ACCOUNT_DBS.stream()
                .mapToLong(d -> db.number(d, "SELECT COUNT(*) FROM wallet_ledger WHERE type = 'TOP_UP'"))
                .sum();
    }

    private Stream<Map<String, Object>> rows(List<String> dbs, String sql) {
        return dbs.stream().flatMap(d -> db.rows(d, sql).stream());
    }
}
