package com.tradeflow.web.topup;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.audit.AdminAudit;
import com.tradeflow.web.gateway.GatewayException;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentGatewayClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What operators see of the top-ups and do to them, for the admin endpoints and the console alike. */
@Service
public class TopUpOperations {

    private static final Logger log = LoggerFactory.getLogger(TopUpOperations.class);

    private final TopUpRepository topUps;
    private final TopUpReconciliation reconciliation;
    private final PaymentGatewayClient gateway;
    private final AdminAudit audit;

    TopUpOperations(
            TopUpRepository topUps,
            TopUpReconciliation reconciliation,
            PaymentGatewayClient gateway,
            AdminAudit audit) {
        this.topUps = topUps;
        this.reconciliation = reconciliation;
        this.gateway = gateway;
        this.audit = audit;
    }

    /**
     * What an operator's query found.
     *
     * @param topUp   the top-up after the query (a PENDING one the gateway has settled is settled now)
     * @param gateway the gateway's record of the payment; null when the gateway has none (yet)
     */
    public record QueryAnswer(TopUpView topUp, GatewayPayment gateway) {}

    /** @throws BusinessException DEPENDENCY_UNAVAILABLE when the gateway does not answer */
    private GatewayPayment finishedAtGateway(TopUp topUp) {
        try {
            return gateway.find(topUp.merchantOrderNo()).orElse(null);
        } catch (GatewayException e) {
            throw new BusinessException(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "the gateway did not answer about " + topUp.merchantOrderNo() + ": " + e.getMessage());
        }
    }

    /** Top-ups flagged for review and still PENDING, or contradicted after they finished; oldest first. */
    public List<TopUpView> inReview(int limit) {
        return topUps.inReview(limit).stream().map(TopUpView::of).toList();
    }

    /**
     * Asks the gateway about the top-up now, instead of at the reconciliation job's next check: a PENDING one gets
     * the job's own check (submitted again if the gateway never had it, settled if the gateway has settled it,
     * otherwise checked again later); a finished one is left as it is, and the gateway's record is answered beside
     * it (what a contradiction flagged for review is about). Audited.
     *
     * @throws BusinessException NOT_FOUND for an unknown top-up; DEPENDENCY_UNAVAILABLE when the gateway did not
     *                           answer about a finished one (a PENDING one keeps the error as its last error)
     */
    public QueryAnswer queryGateway(long topUpId, String operator) {
        return audit.record(operator, "topup.query", String.valueOf(topUpId), null, () -> {
            TopUp topUp = topUps.find(topUpId)
                    .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no top-up " + topUpId));
            GatewayPayment payment = topUp.status() == TopUpStatus.PENDING
                    ? reconciliation.checkNow(topUp).orElse(null)
                    : finishedAtGateway(topUp);
            TopUp now = topUps.find(topUpId).orElseThrow();
            log.info(
                    "top-up {} ({}) queried at the gateway by {}: {} here, {} there",
                    topUpId,
                    topUp.merchantOrderNo(),
                    operator,
                    now.status(),
                    payment == null ? "no payment" : payment.status());
            return new QueryAnswer(TopUpView.of(now), payment);
        });
    }
}
