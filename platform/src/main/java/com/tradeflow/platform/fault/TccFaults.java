package com.tradeflow.platform.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.BranchStatus;
import org.apache.seata.core.model.BranchType;
import org.apache.seata.integration.tx.api.fence.hook.TccHook;
import org.apache.seata.rm.DefaultResourceManager;
import org.apache.seata.rm.tcc.api.BusinessActionContext;

/**
 * Test-only TCC faults (registered only when faults are enabled):
 * <ul>
 *   <li>{@code tcc.<action>.before-try}: holds a try before Seata's fence sees it, while the fault is armed: the
 *   branch is registered but its try has not arrived (the coordinator's cancel then finds no try);</li>
 *   <li>re-delivery of phase two: every confirm and cancel this service received is remembered (the last
 *   {@value #REMEMBERED} global transactions) and can be delivered again through Seata's resource manager,
 *   exactly as the coordinator would when its first delivery's answer was lost.</li>
 * </ul>
 */
public final class TccFaults implements TccHook {

    private static final int REMEMBERED = 1000;

    private final FaultSwitches switches;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Delivery>> deliveries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Delivery>> eldest) {
            return size() > REMEMBERED;
        }
    };

    TccFaults(FaultSwitches switches) {
        this.switches = switches;
    }

    /** A phase-two delivery as the coordinator sent it. */
    record Delivery(String xid, long branchId, String action, boolean commit, String applicationData) {}

    /** What a re-delivery answered. */
    public record Redelivery(long branchId, String action, String phase, BranchStatus status) {}

    @Override
    public void beforeTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {
        switches.holdWhileArmed("tcc." + actionName + ".before-try");
    }

    @Override
    public void afterTccPrepare(String xid, Long branchId, String actionName, BusinessActionContext context) {}

    @Override
    public void beforeTccCommit(String xid, Long branchId, String actionName, BusinessActionContext context) {
        remember(xid, branchId, actionName, true, context);
    }

    @Override
    public void afterTccCommit(String xid, Long branchId, String actionName, BusinessActionContext context) {}

    @Override
    public void beforeTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {
        remember(xid, branchId, actionName, false, context);
    }

    @Override
    public void afterTccRollback(String xid, Long branchId, String actionName, BusinessActionContext context) {}

    /** Delivers again every phase two this service received for the global transaction. */
    public List<Redelivery> redeliver(String xid) throws TransactionException {
        List<Delivery> earlier;
        synchronized (deliveries) {
            earlier = List.copyOf(deliveries.getOrDefault(xid, List.of()));
        }
        List<Redelivery> answers = new ArrayList<>();
        DefaultResourceManager rm = DefaultResourceManager.get();
        for (Delivery d : earlier) {
            BranchStatus status = d.commit()
                    ? rm.branchCommit(BranchType.TCC, d.xid(), d.branchId(), d.action(), d.applicationData())
                    : rm.branchRollback(BranchType.TCC, d.xid(), d.branchId(), d.action(), d.applicationData());
            answers.add(new Redelivery(d.branchId(), d.action(), d.commit() ? "confirm" : "cancel", status));
        }
        return answers;
    }

    private void remember(String xid, Long branchId, String action, boolean commit, BusinessActionContext context) {
        String applicationData;
        try {
            applicationData = json.writeValueAsString(Map.of("actionContext", context.getActionContext()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the action context of " + xid, e);
        }
        Delivery delivery = new Delivery(xid, branchId, action, commit, applicationData);
        synchronized (deliveries) {
            List<Delivery> of = deliveries.computeIfAbsent(xid, k -> new ArrayList<>());
            if (!of.contains(delivery)) {
                of.add(delivery);
            }
        }
    }
}
