package fi.hyte.localstack.process;

/** Whether a child is ready to serve. Called repeatedly from a scheduler thread; must return within a few seconds. */
@FunctionalInterface
public interface HealthCheck {

    boolean isHealthy();
}
