package eu.drugsplan.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a Jupiter test class the {@link SharedSuite}: a {@link Suite} parameter of a {@code @BeforeAll} (or of any
 * test method) is the shared suite, started on first use. Register it with
 * {@code @ExtendWith(SharedSuiteExtension.class)}; the suite is stopped at the end of the launcher session, not
 * by the class.
 */
final class SharedSuiteExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedSuite.get();
    }
}
