package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.redis.RedisGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * The crowd's side of a flash sale, in Redis: units left ({@code tradeflow:flash-sale:<id>:stock}) and tickets per
 * user ({@code ...:buyers}, a hash), checked and taken in one Lua script, so thousands of requests a second decide
 * without touching the database. The counters are rebuilt from the database whenever Redis lacks them (a restarted
 * Redis); the database refuses what Redis let through wrongly, so a rebuild can never oversell. Its Redis calls are
 * the Sentinel resource {@code redis:flash-sales}.
 */
class FlashSaleGate {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleGate.class);

    /** What the script decided. */
    enum Decision {
        TAKEN,
        SOLD_OUT,
        LIMIT_REACHED,
        NOT_LOADED
    }

    /**
     * 1 taken, 0 sold out, -1 counters not in Redis, -2 the user holds ARGV[2] tickets already (said first: it is
     * the answer that stays true).
     */
    private static final String TAKE = """
            local left = redis.call('GET', KEYS[1])
            if not left then return -1 end
            local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
            if held >= tonumber(ARGV[2]) then return -2 end
            if tonumber(left) <= 0 then return 0 end
            redis.call('DECR', KEYS[1])
            redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            redis.call('PEXPIRE', KEYS[2], redis.call('PTTL', KEYS[1]))
            return 1""";
    /**
     * ARGV[2] units back to the sale and ARGV[3] tickets back to user ARGV[1]; nothing when the counters are gone
     * (the rebuild counts from the database).
     */
    private static final String GIVE_BACK = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('INCRBY', KEYS[1], ARGV[2])
            if redis.call('HINCRBY', KEYS[2], ARGV[1], -tonumber(ARGV[3])) <= 0 then
                redis.call('HDEL', KEYS[2], ARGV[1])
            end
            return 1""";
    /** Counters from the database (ARGV[1] left, then user/tickets pairs), unless they are there already. */
    private static final String LOAD = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('DEL', KEYS[2])
            for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            if #ARGV > 2 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
            return 1""";
    /** Counters outlive the sale by this much (reads of the sale, late give-backs), then go. */
    private static final Duration KEEP_AFTER_END = Duration.ofDays(1);

    private final JedisPooled jedis;
    private final RedisGuard redis = new RedisGuard("flash-sales", "flash-sale requests are answered 503", () -> {});

    FlashSaleGate(JedisPooled jedis) {
        this.jedis = jedis;
    }

    /** @throws BusinessException DEPENDENCY_UNAVAILABLE when Redis cannot be used: the sale pauses */
    Decision take(FlashSale sale, long userId) {
        Object result = orPause(
                () -> jedis.eval(
                        TAKE, keys(sale), List.of(String.valueOf(userId), String.valueOf(sale.perUserLimit()))),
                sale);
        long code = (Long) result;
        if (code == 1) {
            return Decision.TAKEN;
        }
        if (code == 0) {
            return Decision.SOLD_OUT;
        }
        return code == -2 ? Decision.LIMIT_REACHED : Decision.NOT_LOADED;
    }

    /**
     * What Redis took for a request that holds no ticket in the end (its order failed, or storing it did): the
     * unit back to the sale and the ticket back to the user. Logged, not thrown, when Redis is away.
     */
    void giveBack(FlashSale sale, long userId) {
        giveBack(sale, userId, 1, 1);
    }

    /**
     * Redis granted a ticket the database refused: the part Redis counted wrongly goes back, the part it counted
     * right (too late) stays. Sold out in the database: the unit stays taken, the user's ticket goes back; the user
     * at the limit in the database: the unit goes back, the user's count stays.
     */
    void correct(FlashSale sale, long userId, FlashSaleRepository.Grant refusal) {
        if (refusal == FlashSaleRepository.Grant.SOLD_OUT) {
            giveBack(sale, userId, 0, 1);
        } else if (refusal == FlashSaleRepository.Grant.LIMIT_REACHED) {
            giveBack(sale, userId, 1, 0);
        }
    }

    private void giveBack(FlashSale sale, long userId, int units, int tickets) {
        try {
            redis.callAlways(() -> jedis.eval(
                    GIVE_BACK,
                    keys(sale),
                    List.of(String.valueOf(userId), String.valueOf(units), String.valueOf(tickets))));
        } catch (RedisGuard.RedisUnavailable e) {
            log.warn(
                    "flash sale {}: {} unit(s) and {} ticket(s) of user {} could not be given back in Redis ({}); "
                            + "its counters are off until Redis is rebuilt",
                    sale.saleId(),
                    units,
                    tickets,
                    userId,
                    e.getMessage());
        }
    }

    /** @return false when the counters were there already (someone else loaded them first) */
    boolean load(FlashSale sale, int left, Map<Long, Integer> buyers) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(left));
        long keep = Math.max(
                1,
                Duration.between(Instant.now(), sale.endsAt().plus(KEEP_AFTER_END))
                        .toMillis());
        args.add(String.valueOf(keep));
        buyers.forEach((user, tickets) -> {
            args.add(String.valueOf(user));
            args.add(String.valueOf(tickets));
        });
        return Long.valueOf(1).equals(orPause(() -> jedis.eval(LOAD, keys(sale), args), sale));
    }

    /** Drops the sale's counters: the next request (or {@link FlashSaleCatalog#rebuild}) loads them again. */
    void clear(FlashSale sale) {
        orPause(() -> jedis.del(keys(sale).toArray(String[]::new)), sale);
    }

    /** Units left as Redis counts them; null when it has no counters for the sale (or is unreachable). */
    Integer left(FlashSale sale) {
        try {
            String left = redis.call(() -> jedis.get(stockKey(sale.saleId())));
            return left == null ? null : Integer.valueOf(left);
        } catch (RedisGuard.RedisUnavailable e) {
            return null;
        }
    }

    private static List<String> keys(FlashSale sale) {
        return List.of(stockKey(sale.saleId()), "tradeflow:flash-sale:" + sale.saleId() + ":buyers");
    }

    private static String stockKey(long saleId) {
        return "tradeflow:flash-sale:" + saleId + ":stock";
    }

    /** Redis away: the sale pauses (503); the guard logs the outage once, not every refused request. */
    private Object orPause(Supplier<Object> call, FlashSale sale) {
        try {
            return redis.call(call);
        } catch (RedisGuard.RedisUnavailable e) {
            throw new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "flash sale " + sale.saleId() + " is paused: its counters cannot be reached; try again shortly");
        }
    }
}
