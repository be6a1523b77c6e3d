package com.tradeflow.web.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.platform.metrics.OutcomeHistory;
import com.tradeflow.platform.metrics.OutcomeHistory.Sample;
import com.tradeflow.web.ops.ServiceInstances.Member;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each instance's figures for the overview ({@link OutcomeHistory} samples), read at each view from the actuator
 * address and port it registered: a web instance's purchases ({@value #PURCHASES}), a provider's Dubbo calls
 * ({@value #CALLS}). Shown: the latest sample, the peak over the samples kept and a small chart of successes per
 * second. An instance whose actuator cannot be reached from here (bound to another host's loopback, say) shows that
 * instead. What the registry says of an instance is taken with care: only the instances of the stack's own services
 * are asked, only at an IP address (never a name or anything with a path in it), only those two paths, and at most
 * {@value #MAX_ANSWER} bytes of the answer are read.
 */
@Component
class InstanceFigures {

    private static final int OK = 200;
    static final String PURCHASES = "/actuator/purchases";
    static final String CALLS = "/actuator/calls";
    /** 60 samples take about 5 KB. */
    private static final int MAX_ANSWER = 64 * 1024;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]+");
    /** The chart's drawing box (SVG user units). */
    private static final int WIDTH = 120;

    private static final int HEIGHT = 24;
    static final String VIEW_BOX = "0 0 " + WIDTH + " " + HEIGHT;

    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    InstanceFigures(@Value("${tradeflow.ops.registry-timeout}") Duration timeout, ObjectMapper json) {
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @param sparkline the chart's points ({@code x,y ...} in the box {@link #viewBox()}), or empty
     * @param error     why there are no figures, else null
     */
    record Figures(String what, Sample latest, double peakPerSecond, String sparkline, String error) {

        public String viewBox() {
            return VIEW_BOX;
        }

        public String summary() {
            if (latest == null) {
                return "no sample yet";
            }
            return String.format(
                    Locale.ROOT,
                    "%.1f %s/s (peak %.1f), %.1f %% failed, p99 %.0f ms",
                    latest.perSecond(),
                    what,
                    peakPerSecond,
                    latest.errorRate() * 100,
                    latest.p99Millis());
        }
    }

    /**
     * The figures of each instance with a management port, by its address.
     *
     * @param path {@link #PURCHASES} or {@link #CALLS}
     * @param what what the figures count ("purchases", "calls")
     */
    Map<String, Figures> of(List<Member> instances, String path, String what) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Member instance : instances) {
            if (instance.managementPort() > 0) {
                figures.put(instance.address(), read(instance, path, what));
            }
        }
        return figures;
    }

    private Figures read(Member instance, String path, String what) {
        String ip = instance.managementIp();
        if (!IPV4.matcher(ip).matches()
                && !(ip.contains(":") && IPV6.matcher(ip).matches())) {
            return failed(what, "actuator registered at " + ip + ", not an IP address: not asked");
        }
        URI uri;
        try {
            uri = new URI("http", null, ip, instance.managementPort(), path, null, null);
        } catch (URISyntaxException e) {
            return failed(what, "actuator registered at " + ip + ": not asked");
        }
        try {
            HttpResponse<InputStream> answer = http.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != OK) {
                    return failed(what, "its actuator answered HTTP " + answer.statusCode());
                }
                byte[] read = body.readNBytes(MAX_ANSWER + 1);
                if (read.length > MAX_ANSWER) {
                    return failed(what, "its actuator's answer is too large");
                }
                return figures(what, json.readValue(read, new TypeReference<List<Sample>>() {}));
            }
        } catch (IOException e) {
            return failed(
                    what,
                    "its actuator (" + ip + ":" + instance.managementPort() + ") is not reachable from " + "here");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(what, "interrupted");
        }
    }

    private static Figures failed(String what, String why) {
        return new Figures(what, null, 0, "", why);
    }

    static Figures figures(String what, List<Sample> samples) {
        if (samples.isEmpty()) {
            return new Figures(what, null, 0, "", null);
        }
        double peak = samples.stream().mapToDouble(Sample::perSecond).max().orElse(0);
        StringBuilder points = new StringBuilder();
        double step = samples.size() == 1 ? 0 : (double) WIDTH / (samples.size() - 1);
        for (int i = 0; i < samples.size(); i++) {
            double height = peak == 0 ? 0 : samples.get(i).perSecond() / peak * HEIGHT;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, HEIGHT - height));
        }
        return new Figures(
                what, samples.get(samples.size() - 1), peak, points.toString().strip(), null);
    }
}
