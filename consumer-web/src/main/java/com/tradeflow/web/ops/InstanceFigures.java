package com.tradeflow.web.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.web.ops.PurchaseHistory.Sample;
import com.tradeflow.web.ops.ServiceInstances.Member;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each web instance's purchase figures for the overview, read from its {@code /actuator/purchases}
 * ({@link PurchaseHistory}) on the management port it registered, at each view: the latest sample, the peak over the
 * samples kept and a small chart of purchases per second. An instance whose actuator cannot be reached from here
 * (bound to another host's loopback, say) shows why instead.
 */
@Component
class InstanceFigures {

    private static final int OK = 200;
    /** The chart's drawing box (SVG user units); the page sizes it. */
    private static final double WIDTH = 120;
    private static final double HEIGHT = 24;

    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    InstanceFigures(@Value("${tradeflow.ops.registry-timeout}") Duration timeout, ObjectMapper json) {
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @param sparkline the chart's points ({@code x,y ...} in a {@value #WIDTH} x {@value #HEIGHT} box), or empty
     * @param error     why there are no figures, else null
     */
    record Figures(Sample latest, double peakPerSecond, String sparkline, String error) {

        public String summary() {
            if (latest == null) {
                return "no sample yet";
            }
            return String.format(Locale.ROOT, "%.1f purchases/s (peak %.1f), %.1f %% 5xx, p99 %.0f ms",
                    latest.perSecond(), peakPerSecond, latest.errorRate() * 100, latest.p99Millis());
        }
    }

    /** The figures of each instance with a management port, by its address. */
    Map<String, Figures> of(List<Member> instances) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Member instance : instances) {
            if (instance.managementPort() > 0) {
                figures.put(instance.address(), read(instance));
            }
        }
        return figures;
    }

    private Figures read(Member instance) {
        URI uri = URI.create("http://" + instance.ip() + ":" + instance.managementPort() + "/actuator/purchases");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != OK) {
                return new Figures(null, 0, "", uri + " answered HTTP " + answer.statusCode());
            }
            return figures(json.readValue(answer.body(), new TypeReference<List<Sample>>() { }));
        } catch (IOException e) {
            return new Figures(null, 0, "", uri + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Figures(null, 0, "", "interrupted");
        }
    }

    static Figures figures(List<Sample> samples) {
        if (samples.isEmpty()) {
            return new Figures(null, 0, "", null);
        }
        double peak = samples.stream().mapToDouble(Sample::perSecond).max().orElse(0);
        StringBuilder points = new StringBuilder();
        double step = samples.size() == 1 ? 0 : WIDTH / (samples.size() - 1);
        for (int i = 0; i < samples.size(); i++) {
            double height = peak == 0 ? 0 : samples.get(i).perSecond() / peak * HEIGHT;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, HEIGHT - height));
        }
        return new Figures(samples.get(samples.size() - 1), peak, points.toString().strip(), null);
    }
}
