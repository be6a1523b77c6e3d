package com.tradeflow.platform.sentinel;

import com.alibaba.csp.sentinel.command.handler.ModifyParamFlowRulesCommandHandler;
import com.alibaba.csp.sentinel.datasource.WritableDataSource;
import com.alibaba.csp.sentinel.property.SentinelProperty;
import com.alibaba.csp.sentinel.slots.block.authority.AuthorityRule;
import com.alibaba.csp.sentinel.slots.block.authority.AuthorityRuleManager;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import com.alibaba.csp.sentinel.slots.system.SystemRule;
import com.alibaba.csp.sentinel.slots.system.SystemRuleManager;
import com.alibaba.csp.sentinel.transport.util.WritableDataSourceRegistry;
import java.util.List;

/**
 * The five kinds of Sentinel rules the dashboard offers: each has its Nacos data id
 * ({@code <application>-<suffix>}), its rule manager, and the slot through which rules set in the dashboard are
 * written back.
 */
enum RuleKind {
    FLOW("flow-rules", FlowRule.class) {
        @Override
        @SuppressWarnings("unchecked")
        void follow(SentinelProperty<?> property) {
            FlowRuleManager.register2Property((SentinelProperty<List<FlowRule>>) property);
        }

        @Override
        @SuppressWarnings("unchecked")
        void writeBackThrough(WritableDataSource<?> target) {
            WritableDataSourceRegistry.registerFlowDataSource((WritableDataSource<List<FlowRule>>) target);
        }
    },
    DEGRADE("degrade-rules", DegradeRule.class) {
        @Override
        @SuppressWarnings("unchecked")
        void follow(SentinelProperty<?> property) {
            DegradeRuleManager.register2Property((SentinelProperty<List<DegradeRule>>) property);
        }

        @Override
        @SuppressWarnings("unchecked")
        void writeBackThrough(WritableDataSource<?> target) {
            WritableDataSourceRegistry.registerDegradeDataSource((WritableDataSource<List<DegradeRule>>) target);
        }
    },
    PARAM_FLOW("param-flow-rules", ParamFlowRule.class) {
        @Override
        @SuppressWarnings("unchecked")
        void follow(SentinelProperty<?> property) {
            ParamFlowRuleManager.register2Property((SentinelProperty<List<ParamFlowRule>>) property);
        }

        @Override
        @SuppressWarnings("unchecked")
        void writeBackThrough(WritableDataSource<?> target) {
            ModifyParamFlowRulesCommandHandler.setWritableDataSource((WritableDataSource<List<ParamFlowRule>>) target);
        }
    },
    SYSTEM("system-rules", SystemRule.class) {
        @Override
        @SuppressWarnings("unchecked")
        void follow(SentinelProperty<?> property) {
            SystemRuleManager.register2Property((SentinelProperty<List<SystemRule>>) property);
        }

        @Override
        @SuppressWarnings("unchecked")
        void writeBackThrough(WritableDataSource<?> target) {
            WritableDataSourceRegistry.registerSystemDataSource((WritableDataSource<List<SystemRule>>) target);
        }
    },
    AUTHORITY("authority-rules", AuthorityRule.class) {
        @Override
        @SuppressWarnings("unchecked")
        void follow(SentinelProperty<?> property) {
            AuthorityRuleManager.register2Property((SentinelProperty<List<AuthorityRule>>) property);
        }

        @Override
        @SuppressWarnings("unchecked")
        void writeBackThrough(WritableDataSource<?> target) {
            WritableDataSourceRegistry.registerAuthorityDataSource((WritableDataSource<List<AuthorityRule>>) target);
        }
    };

    private final String suffix;
    private final Class<?> ruleType;

    RuleKind(String suffix, Class<?> ruleType) {
        this.suffix = suffix;
        this.ruleType = ruleType;
    }

    /** {@code consumer-web-flow-rules} ... */
    String dataId(String application) {
        return application + "-" + suffix;
    }

    Class<?> ruleType() {
        return ruleType;
    }

    /** The rule manager takes its rules from this property from now on. */
    abstract void follow(SentinelProperty<?> property);

    /** Rules the transport's commands set (the dashboard) are written there. */
    abstract void writeBackThrough(WritableDataSource<?> target);
}
