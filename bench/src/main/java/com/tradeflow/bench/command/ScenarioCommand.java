package com.tradeflow.bench.command;

import com.tradeflow.bench.load.IdempotencyKeys;
import com.tradeflow.bench.load.LoadPlan;
import com.tradeflow.bench.scenario.BenchData;
import com.tradeflow.bench.scenario.Scenario;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** What every load scenario's subcommand shares: target, load and data options, and the run itself. */
abstract class ScenarioCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    LoadOptions load;

    @Mixin
    DataOptions data;

    /**
     * The scenario over this data; {@code runPrefix} makes its Idempotency-Keys unique to the run.
     *
     * @throws IllegalArgumentException when the options do not make a scenario (shown as a usage error)
     */
    abstract Scenario scenario(BenchData data, String runPrefix);

    /** The modes asked for, in run order. */
    abstract List<String> modes();

    /** Whether all purchases go to one sku. */
    boolean hotSku() {
        return false;
    }

    @Override
    public Integer call() throws Exception {
        BenchData benchData;
        Scenario scenario;
        LoadPlan plan;
        try {
            benchData = data.data(hotSku());
            scenario = scenario(benchData, IdempotencyKeys.newRunPrefix());
            plan = load.plan();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new ScenarioRunner(spec.commandLine().getOut()).run(this, scenario, benchData, plan);
    }
}
