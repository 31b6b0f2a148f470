package eu.drugsplan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one suite that every end-to-end class of a test JVM drives: started by the first class that asks for it,
 * stopped once when the JUnit Platform's launcher session closes ({@link SharedSuiteSession}). Starting the
 * four services takes about half a minute, which each class paid again before.
 * <p>
 * A static holder rather than a value in a Jupiter root store: the e2e module runs two test engines in one
 * launcher session (Jupiter, and jqwik for {@link GeneratedRequestsThroughGatewayTest}); a root store closes
 * when its engine finishes, so the second engine would have started the suite once more.
 * <p>
 * The classes share the databases and topics, so each uses reporters and areas of its own or compares only
 * with the ids it created; none may depend on another class having run before it.
 */
final class SharedSuite {

    private static Suite suite;
    /** A start that failed is not retried by every following class (each would wait for the same timeout). */
    private static RuntimeException failedStart;

    private SharedSuite() {
    }

    /** The running shared suite, started on the first call. */
    static synchronized Suite get() {
        if (failedStart != null) {
            throw new IllegalStateException("the shared suite did not start; see the first failure", failedStart);
        }
        if (suite == null) {
            try {
                suite = Suite.start();
            } catch (IOException e) {
                failedStart = new UncheckedIOException(e);
                throw failedStart;
            } catch (RuntimeException e) {
                failedStart = e;
                throw e;
            }
            // a JVM that ends without closing its launcher session (an interrupted run) leaves no service behind
            Runtime.getRuntime().addShutdownHook(new Thread(SharedSuite::stop, "shared-suite-stop"));
        }
        return suite;
    }

    /** Stops the shared suite if it runs; a later {@link #get()} starts a new one. */
    static synchronized void stop() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
    }
}
