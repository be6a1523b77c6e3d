package com.tradeflow.bench.command;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The deployment under test, how to see inside it, and where the results go. */
public final class TargetOptions {

    /** {@code --mysql none}: no database access (no setup, no SQL figures). */
    public static final String NO_DATABASE = "none";
    /** The service whose actuator is asked for CPU by default, when there is no processes file. */
    static final String WEB_SERVICE = "consumer-web";
    /** consumer-web's actuator port unless configured otherwise (its management port, apart from the API's). */
    static final int WEB_MANAGEMENT_PORT = 9080;

    /**
     * Base URLs of the web API: the local stack's consumer-web, a deployment's load balancer, or several
     * consumer-web instances, which the requests are spread over in turn (the load balancer's part).
     */
    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:8080",
            split = ",",
            paramLabel = "URL",
            description = "Base URL of the web API; several (repeated or comma-separated): requests spread over them "
                    + "in turn (default: ${DEFAULT-VALUE}).")
    List<URI> urls;

    /**
     * The local stack's work directory: its {@code processes.properties} names the processes whose CPU is measured
     * from {@code /proc}. Ignored for a URL that is not on this machine.
     */
    @Option(
            names = "--stack-dir",
            defaultValue = ".devstack",
            paramLabel = "DIR",
            description = "The local stack's work directory, with processes.properties (default: ${DEFAULT-VALUE}).")
    Path stackDir;

    /**
     * JDBC URL of the stack's MariaDB/MySQL server: used to set up products and wallets, and to read its statement
     * counters; {@code none} for neither.
     */
    @Option(
            names = "--mysql",
            defaultValue = "jdbc:mariadb://127.0.0.1:3306/?user=root",
            paramLabel = "JDBC_URL",
            description = "JDBC URL of the stack's database server for setup and SQL counters, or 'none' "
                    + "(default: ${DEFAULT-VALUE}).")
    String mysql;

    /**
     * Services whose actuator {@code process.cpu.time} gives their CPU when the stack is not local (no processes
     * file), as {@code name=baseUrl}; default {@code consumer-web=<url's host>:9080}, its management port.
     */
    @Option(
            names = "--actuator",
            paramLabel = "NAME=URL",
            description = "A service's base URL for its actuator process.cpu.time, when the stack is not local "
                    + "(repeatable; default: consumer-web=<url's host>:9080).")
    Map<String, URI> actuators;

    /** Where each run writes its directory of results. */
    @Option(
            names = "--out",
            defaultValue = "bench/results",
            paramLabel = "DIR",
            description = "Results go to <DIR>/<timestamp>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    /**
     * The OpenID Connect issuer the users sign in at (authorization code + PKCE with its sign-in form, as devstack's
     * auth-server has it); default: the local stack's, from {@code <stack-dir>/sign-in.properties}.
     */
    @Option(
            names = "--issuer",
            paramLabel = "URL",
            description =
                    "Issuer the users sign in at (default: the local stack's, from <stack-dir>/sign-in.properties).")
    URI issuer;

    /** The users' password at {@link #issuer}; default: the local stack's demo password. */
    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "The users' password at --issuer (default: the local stack's demo password).")
    String password;

    /** Tokens prepared elsewhere, {@code userId=token} per line, instead of signing in. */
    @Option(
            names = "--tokens",
            paramLabel = "FILE",
            description = "The users' access tokens as userId=token lines, instead of signing them in.")
    Path tokens;

    /** How long a request may take before it counts as "no answer". */
    @Option(
            names = "--timeout",
            defaultValue = "30s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Request timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * The first base URL: where the probes look (a local stack's processes file, the default actuator host). The
     * instances of one stack share its machine.
     */
    URI url() {
        return urls.get(0);
    }

    /** The base URLs for reports. */
    String urlsForReport() {
        return urls.stream().map(URI::toString).collect(Collectors.joining(", "));
    }

    boolean hasDatabase() {
        return !NO_DATABASE.equalsIgnoreCase(mysql.trim());
    }

    Map<String, URI> actuatorsOrDefault() {
        if (actuators != null && !actuators.isEmpty()) {
            return actuators;
        }
        Map<String, URI> web = new LinkedHashMap<>();
        web.put(WEB_SERVICE, URI.create(url().getScheme() + "://" + url().getHost() + ":" + WEB_MANAGEMENT_PORT));
        return web;
    }

    /** The JDBC URL for reports: passwords blanked out. */
    String mysqlForReport() {
        return mysql.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
