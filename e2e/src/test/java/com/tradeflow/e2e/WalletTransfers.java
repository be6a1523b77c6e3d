package com.tradeflow.e2e;

import java.util.List;
import java.util.Map;

/** Transfers through the web API, and what the account databases hold of them. */
final class WalletTransfers {

    /** provider-account's Atomikos names its XA ids after its tm-unique-name, account-<HTTP port>. */
    private static final String LOCAL_XA_PREFIX = "account-";

    private final Api api;
    private final Databases db;

    WalletTransfers(Api api, Databases db) {
        this.api = api;
        this.db = db;
    }

    /** The transfer asked by the payer {@code from}. */
    Api.Reply transfer(long from, long to, long amount, String key) {
        return api.as(from)
                .post(
                        "/api/transfers",
                        "{\"fromUserId\":" + from + ",\"toUserId\":" + to + ",\"amount\":" + amount + "}",
                        key);
    }

    /** The transfer as {@code user}, its payer or payee, reads it. */
    Api.Reply get(long user, String transferId) {
        return api.as(user).get("/api/transfers/" + transferId);
    }

    /** The balance as stored, in the user's shard. */
    long storedBalance(long user) {
        return db.number(shard(user), "SELECT balance FROM wallets WHERE user_id = " + user);
    }

    /** The transfer's ledger rows, both shards: direction to user id. */
    Map<String, Long> ledger(String transferId) {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String shard : List.of("tradeflow_account_0", "tradeflow_account_1")) {
            db.rows(shard, "SELECT direction, user_id FROM wallet_transfers WHERE transfer_id = '" + transferId + "'")
                    .forEach(r -> rows.put((String) r.get("direction"), ((Number) r.get("user_id")).longValue()));
        }
        return rows;
    }

    /** Ledger rows naming any of the users, both shards. */
    long ledgerRowsOf(long firstUser, long lastUser) {
        String where = " WHERE user_id BETWEEN " + firstUser + " AND " + lastUser;
        return db.number("tradeflow_account_0", "SELECT COUNT(*) FROM wallet_transfers" + where)
                + db.number("tradeflow_account_1", "SELECT COUNT(*) FROM wallet_transfers" + where);
    }

    /** What the user's ledger rows add up to: received minus paid. */
    long ledgerNet(long user) {
        return db.number(
                shard(user),
                "SELECT COALESCE(SUM(CASE direction WHEN 'IN' THEN amount ELSE -amount END), 0)"
                        + " FROM wallet_transfers WHERE user_id = " + user);
    }

    /** Sum of the users' stored balances. */
    long totalBalance(long firstUser, long lastUser) {
        String sql =
                "SELECT COALESCE(SUM(balance), 0) FROM wallets WHERE user_id BETWEEN " + firstUser + " AND " + lastUser;
        return db.number("tradeflow_account_0", sql) + db.number("tradeflow_account_1", sql);
    }

    /** Branches of provider-account's local XA transactions prepared and not finished (the server lists all). */
    long localXaPrepared() {
        return db.rows("tradeflow_account_0", "XA RECOVER").stream()
                .filter(r -> Databases.xaData(r).startsWith(LOCAL_XA_PREFIX))
                .count();
    }

    /** Every prepared, unfinished XA branch on the server (Seata's and Atomikos's alike). */
    long xaPreparedAll() {
        return db.rows("tradeflow_account_0", "XA RECOVER").size();
    }

    /** A server-wide statement counter, e.g. {@code Com_xa_prepare}. */
    long statusCounter(String name) {
        Object value = db.rows("tradeflow_account_0", "SHOW GLOBAL STATUS LIKE '" + name + "'")
                .get(0)
                .get("Value");
        return Long.parseLong(String.valueOf(value));
    }

    static String shard(long user) {
        return "tradeflow_account_" + user % 2;
    }
}
