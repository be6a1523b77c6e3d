package com.tradeflow.web.ops;

import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.NamingFactory;
import com.alibaba.nacos.api.naming.NamingService;
import com.alibaba.nacos.api.naming.pojo.Instance;
import com.tradeflow.platform.registry.OperationsMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the registry (Nacos) knows of each service of the stack, for the overview: every instance with its address
 * and whether the registry holds it healthy. A service with no instance is down as far as callers can tell. Asked
 * at each view (no subscription: the console is looked at now and then); the Nacos client is made at the first.
 */
@Component
class ServiceInstances implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);
    private static final String GROUP_SEPARATOR = "@";
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");

    private final String nacosAddr;
    private final List<String> services;
    private NamingService naming;

    ServiceInstances(
            @Value("${tradeflow.registration.nacos-addr}") String nacosAddr,
            @Value("${tradeflow.ops.registry-services}") List<String> services) {
        this.nacosAddr = nacosAddr;
        this.services = services;
    }

    /**
     * One instance as the registry holds it, with what it says of itself ({@link OperationsMetadata}): where its
     * actuator listens ({@code managementIp}: its own address unless it bound the actuator to another one;
     * {@code managementPort} 0: it does not say) and its build ({@code version}, null: it does not say).
     */
    record Member(
            String address, String ip, String managementIp, int managementPort, String version, boolean healthy) {}

    /** A service's instances; {@code error} when the registry could not be asked. */
    record Listing(String service, String group, List<Member> instances, String error) {

        public boolean down() {
            return error == null && instances.stream().noneMatch(Member::healthy);
        }
    }

    List<Listing> list() {
        List<Listing> listings = new ArrayList<>();
        for (String entry : services) {
            String service =
                    entry.contains(GROUP_SEPARATOR) ? entry.substring(0, entry.indexOf(GROUP_SEPARATOR)) : entry;
            String group = entry.contains(GROUP_SEPARATOR)
                    ? entry.substring(entry.indexOf(GROUP_SEPARATOR) + 1)
                    : "DEFAULT_GROUP";
            try {
                List<Member> members = naming().getAllInstances(service, group, false).stream()
                        .map(ServiceInstances::member)
                        .sorted(Comparator.comparing(Member::address))
                        .toList();
                listings.add(new Listing(service, group, members, null));
            } catch (NacosException | RuntimeException e) {
                log.warn(
                        "the console could not ask Nacos {} for {} ({}): {}",
                        nacosAddr,
                        service,
                        group,
                        e.getMessage());
                listings.add(new Listing(service, group, List.of(), "the registry did not answer: " + e.getMessage()));
            }
        }
        return listings;
    }

    static Member member(Instance instance) {
        Map<String, String> metadata = instance.getMetadata();
        String port = metadata.getOrDefault(OperationsMetadata.MANAGEMENT_PORT, "0");
        String bound = metadata.get(OperationsMetadata.MANAGEMENT_ADDRESS);
        // an actuator bound to every interface is reached at the instance's own address
        String managementIp = bound == null || bound.isBlank() || WILDCARDS.contains(bound) ? instance.getIp() : bound;
        return new Member(
                instance.getIp() + ":" + instance.getPort(),
                instance.getIp(),
                managementIp,
                PORT.matcher(port).matches() ? Integer.parseInt(port) : 0,
                metadata.get(OperationsMetadata.VERSION),
                instance.isHealthy());
    }

    private synchronized NamingService naming() throws NacosException {
        if (naming == null) {
            Properties properties = new Properties();
            properties.setProperty(PropertyKeyConst.SERVER_ADDR, nacosAddr);
            naming = NamingFactory.createNamingService(properties);
        }
        return naming;
    }

    @Override
    public synchronized void destroy() throws NacosException {
        if (naming != null) {
            naming.shutDown();
        }
    }
}
