package com.tradeflow.nacos.devserver.http;

import com.alibaba.nacos.api.naming.pojo.Instance;
import com.tradeflow.nacos.devserver.config.ConfigItem;
import com.tradeflow.nacos.devserver.config.ConfigKey;
import com.tradeflow.nacos.devserver.config.ConfigStore;
import com.tradeflow.nacos.devserver.naming.NamingRegistry;
import com.tradeflow.nacos.devserver.remote.ConnectionRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A plain, read-only HTML page: namespaces, services with their instances, configs, connections. */
public final class ConsolePage {

    /** Config contents are cut on the page; the API serves them whole. */
    private static final int CONTENT_PREVIEW_CHARS = 300;

    private final NamingRegistry registry;
    private final ConfigStore configs;
    private final ConnectionRegistry connections;

    public ConsolePage(NamingRegistry registry, ConfigStore configs, ConnectionRegistry connections) {
        this.registry = registry;
        this.configs = configs;
        this.connections = connections;
    }

    public void registerWith(HttpApiServer server) {
        HttpApiServer.Route page = call -> Reply.html(render());
        server.route("GET", "/", page);
        server.route("GET", "/nacos", page);
        server.route("GET", "/nacos/", page);
        server.route("GET", "/nacos/index.html", page);
        server.route("GET", "/nacos/v1/console/health/liveness", call -> Reply.text(200, "OK"));
        server.route("GET", "/nacos/v1/console/health/readiness", call -> Reply.text(200, "OK"));
    }

    String render() {
        Map<String, Map<String, List<Instance>>> services = registry.snapshot();
        Map<ConfigKey, ConfigItem> all = configs.all();
        TreeSet<String> namespaces = new TreeSet<>(services.keySet());
        all.keySet().forEach(k -> namespaces.add(k.namespace()));
        namespaces.add("public");

        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>nacos-devserver</title>")
                .append(
                        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0 1.5em}")
                .append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
                .append("pre{margin:0;white-space:pre-wrap;max-width:60em}.down{color:#b00}</style></head><body>")
                .append("<h1>nacos-devserver</h1><p>Local development registry and config server (read-only view). ")
                .append(connections.size())
                .append(" gRPC connections, ")
                .append(registry.serviceCount())
                .append(" services, ")
                .append(registry.instanceCount())
                .append(" instances, ")
                .append(all.size())
                .append(" configs.</p>");
        for (String namespace : namespaces) {
            html.append("<h2>Namespace ").append(esc(namespace)).append("</h2><h3>Services</h3>");
            Map<String, List<Instance>> byService = services.getOrDefault(namespace, Map.of());
            if (byService.isEmpty()) {
                html.append("<p>none</p>");
            } else {
                html.append("<table><tr><th>service</th><th>instance</th><th>cluster</th><th>healthy</th>")
                        .append("<th>weight</th><th>metadata</th></tr>");
                byService.forEach((service, instances) -> {
                    if (instances.isEmpty()) {
                        html.append("<tr><td>")
                                .append(esc(service))
                                .append("</td><td colspan=5>no instances</td></tr>");
                    }
                    for (Instance i : instances) {
                        html.append("<tr><td>")
                                .append(esc(service))
                                .append("</td><td>")
                                .append(esc(i.getIp()))
                                .append(':')
                                .append(i.getPort())
                                .append("</td><td>")
                                .append(esc(i.getClusterName()))
                                .append("</td><td")
                                .append(i.isHealthy() ? ">yes" : " class=down>no")
                                .append("</td><td>")
                                .append(i.getWeight())
                                .append("</td><td><pre>")
                                .append(esc(String.valueOf(i.getMetadata())))
                                .append("</pre></td></tr>");
                    }
                });
                html.append("</table>");
            }
            html.append("<h3>Configs</h3>");
            boolean any = false;
            for (Map.Entry<ConfigKey, ConfigItem> e : all.entrySet()) {
                if (!e.getKey().namespace().equals(namespace)) {
                    continue;
                }
                if (!any) {
                    html.append("<table><tr><th>group</th><th>dataId</th><th>md5</th><th>content</th></tr>");
                    any = true;
                }
                String content = e.getValue().content();
                String preview = content.length() > CONTENT_PREVIEW_CHARS
                        ? content.substring(0, CONTENT_PREVIEW_CHARS) + " ..."
                        : content;
                html.append("<tr><td>")
                        .append(esc(e.getKey().group()))
                        .append("</td><td>")
                        .append(esc(e.getKey().dataId()))
                        .append("</td><td>")
                        .append(e.getValue().md5())
                        .append("</td><td><pre>")
                        .append(esc(preview))
                        .append("</pre></td></tr>");
            }
            html.append(any ? "</table>" : "<p>none</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
