package com.tradeflow.platform.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.authority.AuthorityRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowItem;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.system.SystemRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleJsonTests {

    @Test
    void shouldReadFlowRulesInTheDashboardsFormatIgnoringItsOwnFields() {
        String dashboard = "[{\"id\":7,\"app\":\"consumer-web\",\"ip\":\"127.0.0.1\",\"port\":8721,"
                + "\"gmtCreate\":1700000000000,\"resource\":\"POST:/api/orders\",\"limitApp\":\"default\","
                + "\"grade\":1,\"count\":20.0,\"strategy\":0,\"controlBehavior\":0,\"clusterMode\":false}]";
        List<FlowRule> rules = RuleJson.parse(dashboard, FlowRule.class);
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.getResource()).isEqualTo("POST:/api/orders");
            assertThat(r.getGrade()).isEqualTo(RuleConstant.FLOW_GRADE_QPS);
            assertThat(r.getCount()).isEqualTo(20.0);
            assertThat(r.getLimitApp()).isEqualTo("default");
        });
    }

    @Test
    void shouldUnwrapHotParameterRulesTheDashboardWrapsAndKeepTheirHotItems() {
        String dashboard = "[{\"app\":\"consumer-web\",\"rule\":{\"resource\":\"order-placement-by-sku\","
                + "\"paramIdx\":0,\"grade\":1,\"count\":5,\"paramFlowItemList\":[{\"object\":\"3\","
                + "\"classType\":\"long\",\"count\":1}]}}]";
        List<ParamFlowRule> rules = RuleJson.parse(dashboard, ParamFlowRule.class);
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.getResource()).isEqualTo("order-placement-by-sku");
            assertThat(r.getParamIdx()).isZero();
            assertThat(r.getCount()).isEqualTo(5);
            assertThat(r.getParamFlowItemList())
                    .extracting(ParamFlowItem::getObject)
                    .containsExactly("3");
        });
    }

    @Test
    void shouldReadBackWhatItWritesForEveryKind() {
        FlowRule flow = new FlowRule("GET:/api/products/{skuId}").setCount(2).setGrade(RuleConstant.FLOW_GRADE_QPS);
        DegradeRule degrade = new DegradeRule("dubbo:consumer:com.tradeflow.api.inventory.InventoryService")
                .setGrade(RuleConstant.DEGRADE_GRADE_RT)
                .setCount(1000)
                .setSlowRatioThreshold(0.5)
                .setTimeWindow(5)
                .setMinRequestAmount(5)
                .setStatIntervalMs(10000);
        ParamFlowRule param =
                new ParamFlowRule("order-placement-by-sku").setParamIdx(0).setCount(3);
        SystemRule system = new SystemRule();
        system.setMaxThread(50);
        AuthorityRule authority = new AuthorityRule();
        authority.setResource("POST:/api/orders");
        authority.setLimitApp("blocked-app");
        authority.setStrategy(RuleConstant.AUTHORITY_BLACK);

        assertThat(RuleJson.parse(RuleJson.write(List.of(flow)), FlowRule.class))
                .containsExactly(flow);
        assertThat(RuleJson.parse(RuleJson.write(List.of(degrade)), DegradeRule.class))
                .containsExactly(degrade);
        assertThat(RuleJson.parse(RuleJson.write(List.of(param)), ParamFlowRule.class))
                .containsExactly(param);
        assertThat(RuleJson.parse(RuleJson.write(List.of(system)), SystemRule.class))
                .singleElement()
                .satisfies(r -> assertThat(r.getMaxThread()).isEqualTo(50));
        assertThat(RuleJson.parse(RuleJson.write(List.of(authority)), AuthorityRule.class))
                .containsExactly(authority);
    }

    @Test
    void shouldTakeMissingOrBlankContentAsNoRulesAndRefuseAnythingButAnArray() {
        assertThat(RuleJson.parse(null, FlowRule.class)).isEmpty();
        assertThat(RuleJson.parse("  ", FlowRule.class)).isEmpty();
        assertThat(RuleJson.parse("[]", FlowRule.class)).isEmpty();
        assertThatThrownBy(() -> RuleJson.parse("{\"resource\":\"x\"}", FlowRule.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON array");
        assertThatThrownBy(() -> RuleJson.parse("[{\"count\":\"lots\"}]", FlowRule.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FlowRule");
    }
}
