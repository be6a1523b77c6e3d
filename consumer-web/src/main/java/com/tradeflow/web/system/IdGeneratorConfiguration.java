package com.tradeflow.web.system;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.OptionalInt;

/** The id generator, with its worker id leased in the first order database ({@link WorkerIdLease}). */
@Configuration(proxyBeanMethods = false)
class IdGeneratorConfiguration {

    @Bean(destroyMethod = "close")
    WorkerIdLease workerIdLease(BranchTypeRoutingDataSource dataSource,
            @Value("${tradeflow.orders.worker-id:}") String workerId,
            @Value("${tradeflow.orders.worker-lease}") Duration length,
            @Value("${server.port}") int port) {
        return WorkerIdLease.acquire(new JdbcTemplate(dataSource.physicalPools().get(0)), host() + ":" + port,
                preferred(workerId), length);
    }

    private static OptionalInt preferred(String workerId) {
        if (workerId.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(workerId.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tradeflow.orders.worker-id (ORDER_WORKER_ID) must be a number 0.."
                    + WorkerIdLease.MAX_WORKER + ", not '" + workerId + "'", e);
        }
    }

    @Bean
    IdGenerator idGenerator(WorkerIdLease lease) {
        return new IdGenerator(lease);
    }

    /** This machine's name (a pod's, a host's): with the port, the same instance across its restarts. */
    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
