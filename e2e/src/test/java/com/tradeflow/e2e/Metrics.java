package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.devstack.service.ServiceInstance;
import com.tradeflow.devstack.service.ServiceName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service instance's {@code /actuator/prometheus}, on its management port, as an operator's scraper reads it. */
final class Metrics {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Metrics() {}

    static String scrape(ServiceName service) throws Exception {
        return scrape(ServiceInstance.first(service));
    }

    static String scrape(ServiceInstance instance) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + TestStack.stack().ports(instance).management() + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(instance.name()).isEqualTo(200);
        return response.body();
    }

    static Optional<Double> value(ServiceInstance instance, String metric, String... labels) throws Exception {
        return value(scrape(instance), metric, labels);
    }

    static Optional<Double> value(ServiceName service, String metric, String... labels) throws Exception {
        return value(scrape(service), metric, labels);
    }

    /** The sum of the samples of the metric whose labels include all of these, if any. */
    static Optional<Double> value(String scrape, String metric, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$");
        double[] values = scrape.lines()
                .map(sample::matcher)
                .filter(Matcher::matches)
                .filter(m -> Arrays.stream(labels)
                        .allMatch(l -> m.group(1) != null && m.group(1).contains(l)))
                .mapToDouble(m -> Double.parseDouble(m.group(2)))
                .toArray();
        return values.length == 0
                ? Optional.empty()
                : Optional.of(Arrays.stream(values).sum());
    }
}
