package eu.drugsplan.e2e;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Replaces the fixed seed of every property by the system property {@code generated.seed} when it is set, so
 * that a seed jqwik printed for a failure (the {@code seed = ...} line of its report) can be replayed without
 * editing the test: {@code ... verify -Dtest=GeneratedRequestsThroughGatewayTest -Dgenerated.seed=<seed>}.
 * {@code -Dgenerated.tries=<n>} sets the tries of every property (for longer runs by hand).
 */
public final class SeedFromSystemProperty implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("generated.seed", "").trim();
        if (!seed.isEmpty()) {
            context.attributes().setSeed(seed);
        }
        String tries = System.getProperty("generated.tries", "").trim();
        if (!tries.isEmpty()) {
            context.attributes().setTries(Integer.parseInt(tries));
        }
        return property.execute();
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }
}
