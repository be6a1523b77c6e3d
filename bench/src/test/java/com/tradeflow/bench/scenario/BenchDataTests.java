package com.tradeflow.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BenchDataTests {

    private static final SplittableRandom RANDOM = new SplittableRandom(42);

    @Test
    void shouldPickUsersAndSkusInTheirRanges() {
        BenchData data = new BenchData(5001, 50, 5001, 20, false);
        assertThat(data.lastUser()).isEqualTo(5050);
        assertThat(data.lastSku()).isEqualTo(5020);
        IntStream.range(0, 1000).forEach(i -> {
            assertThat(data.user(RANDOM)).isBetween(5001L, 5050L);
            assertThat(data.sku(RANDOM)).isBetween(5001L, 5020L);
        });
    }

    @Test
    void shouldPutEveryPurchaseOnTheFirstSkuWhenHot() {
        BenchData hot = new BenchData(1, 10, 7, 100, true);
        IntStream.range(0, 100).forEach(i -> assertThat(hot.sku(RANDOM)).isEqualTo(7));
    }

    @Test
    void shouldPairUsersWithinAShardOrAcrossShards() {
        BenchData data = new BenchData(5001, 50, 1, 1, false);
        assertThat(data.usersInShard(0)).isEqualTo(25);
        assertThat(data.usersInShard(1)).isEqualTo(25);
        IntStream.range(0, 1000).forEach(i -> {
            long from = data.user(RANDOM);
            long same = data.otherUser(RANDOM, from, true);
            long other = data.otherUser(RANDOM, from, false);
            assertThat(same).isNotEqualTo(from).isBetween(5001L, 5050L);
            assertThat(BenchData.shard(same)).isEqualTo(BenchData.shard(from));
            assertThat(BenchData.shard(other)).isNotEqualTo(BenchData.shard(from));
            assertThat(other).isBetween(5001L, 5050L);
        });
    }

    @Test
    void shouldSayWhenAShardHasNoSecondUser() {
        BenchData two = new BenchData(1, 2, 1, 1, false);
        assertThatThrownBy(() -> two.otherUser(RANDOM, 1, true)).isInstanceOf(IllegalStateException.class);
        assertThat(two.otherUser(RANDOM, 1, false)).isEqualTo(2);
    }

    @Test
    void shouldRefuseEmptyRanges() {
        assertThatThrownBy(() -> new BenchData(0, 1, 1, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenchData(1, 0, 1, 1, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
