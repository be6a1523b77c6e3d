package com.tradeflow.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.BranchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class BranchTypeRoutingDataSourceTests {

    private final BranchTypeRoutingDataSource routing = new BranchTypeRoutingDataSource(
            new SimpleDriverDataSource(),
            new SimpleDriverDataSource(),
            new SimpleDriverDataSource(),
            List.of("r0"),
            List.of(new SimpleDriverDataSource()),
            true,
            List.of());

    @AfterEach
    void unbind() {
        RootContext.unbind();
        RootContext.unbindBranchType();
    }

    @Test
    void shouldUseThePlainPoolOutsideGlobalTransactions() {
        assertThat(routing.determineCurrentLookupKey()).isEqualTo(BranchTypeRoutingDataSource.Route.LOCAL);
    }

    @Test
    void shouldUseTheFaceOfTheBoundBranchType() {
        RootContext.bind("127.0.0.1:8091:1");

        RootContext.bindBranchType(BranchType.AT);
        assertThat(routing.determineCurrentLookupKey()).isEqualTo(BranchTypeRoutingDataSource.Route.AT);
        RootContext.bindBranchType(BranchType.XA);
        assertThat(routing.determineCurrentLookupKey()).isEqualTo(BranchTypeRoutingDataSource.Route.XA);
        RootContext.bindBranchType(BranchType.TCC);
        assertThat(routing.determineCurrentLookupKey()).isEqualTo(BranchTypeRoutingDataSource.Route.LOCAL);
    }

    @Test
    void shouldUseTheBoundUsersDatabaseDirectlyWhenGivenItsFaces() {
        BranchTypeRoutingDataSource sharded = new BranchTypeRoutingDataSource(
                new SimpleDriverDataSource(),
                new SimpleDriverDataSource(),
                new SimpleDriverDataSource(),
                List.of("r0", "r1"),
                List.of(new SimpleDriverDataSource(), new SimpleDriverDataSource()),
                true,
                List.of(faces(), faces()));
        RootContext.bind("127.0.0.1:8091:3");
        RootContext.bindBranchType(BranchType.AT);

        assertThat(sharded.determineCurrentLookupKey()).isEqualTo(BranchTypeRoutingDataSource.Route.AT);
        assertThat(ShardScope.call(7, sharded::determineCurrentLookupKey))
                .isEqualTo(new BranchTypeRoutingDataSource.ShardRoute(BranchTypeRoutingDataSource.Route.AT, 1));
        RootContext.bindBranchType(BranchType.TCC);
        assertThat(ShardScope.call(4, sharded::determineCurrentLookupKey))
                .isEqualTo(new BranchTypeRoutingDataSource.ShardRoute(BranchTypeRoutingDataSource.Route.LOCAL, 0));
    }

    @Test
    void shouldIgnoreTheBoundUserWithoutTheFacesOfEachDatabase() {
        assertThat(ShardScope.call(7, routing::determineCurrentLookupKey))
                .isEqualTo(BranchTypeRoutingDataSource.Route.LOCAL);
    }

    private static BranchTypeRoutingDataSource.Faces faces() {
        return new BranchTypeRoutingDataSource.Faces(
                new SimpleDriverDataSource(), new SimpleDriverDataSource(), new SimpleDriverDataSource());
    }

    @Test
    void shouldRefuseAGlobalTransactionWithoutAnExplicitBranchType() {
        // Seata itself would answer its JVM-wide default here
        RootContext.setDefaultBranchType(BranchType.XA);
        RootContext.bind("127.0.0.1:8091:2");

        assertThatThrownBy(routing::determineCurrentLookupKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:8091:2")
                .hasMessageContaining("without an explicit branch type");
    }
}
