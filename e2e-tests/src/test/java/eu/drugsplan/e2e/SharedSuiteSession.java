package eu.drugsplan.e2e;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the {@link SharedSuite} when the launcher session closes, after every engine of the test JVM has run
 * (registered in META-INF/services; Surefire opens one session per test JVM since 3.5.4).
 */
public final class SharedSuiteSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedSuite.stop();
    }
}
