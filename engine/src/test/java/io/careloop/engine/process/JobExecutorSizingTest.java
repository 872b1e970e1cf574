package io.careloop.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.config.SettingsLoader;
import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

/** The job executor is sized from CARELOOP_JOB_EXECUTOR_* (docs/operations.md), with the documented defaults. */
class JobExecutorSizingTest {

    private static final String NO_FILE = "target/no-such-careloop.properties";

    @Test
    void withoutSettingsTheExecutorHasTheDocumentedDefaults() {
        DefaultJobExecutor e = EngineSetup.jobExecutor(SettingsLoader.jobExecutor(Map.of("CARELOOP_CONFIG", NO_FILE)));

        assertThat(e.getCorePoolSize()).isEqualTo(4);
        assertThat(e.getMaxPoolSize()).isEqualTo(8);
        assertThat(e.getQueueSize()).isEqualTo(16);
        assertThat(e.getMaxJobsPerAcquisition()).isEqualTo(16);
        assertThat(e.getLockTimeInMillis()).isEqualTo(600_000);
        assertThat(e.getWaitTimeInMillis()).isEqualTo(1_000);
        assertThat(e.getMaxWait()).isEqualTo(1_000);
    }

    @Test
    void environmentVariablesSizeTheExecutor() {
        DefaultJobExecutor e = EngineSetup.jobExecutor(SettingsLoader.jobExecutor(Map.of(
                "CARELOOP_CONFIG", NO_FILE,
                "CARELOOP_JOB_EXECUTOR_CORE_THREADS", "6",
                "CARELOOP_JOB_EXECUTOR_MAX_THREADS", "12",
                "CARELOOP_JOB_EXECUTOR_QUEUE_SIZE", "48",
                "CARELOOP_JOB_EXECUTOR_MAX_JOBS_PER_ACQUISITION", "24",
                "CARELOOP_JOB_EXECUTOR_LOCK_TIME", "PT20M",
                "CARELOOP_JOB_EXECUTOR_WAIT_TIME", "PT1S",
                "CARELOOP_JOB_EXECUTOR_MAX_WAIT", "PT10S")));

        assertThat(e.getCorePoolSize()).isEqualTo(6);
        assertThat(e.getMaxPoolSize()).isEqualTo(12);
        assertThat(e.getQueueSize()).isEqualTo(48);
        assertThat(e.getMaxJobsPerAcquisition()).isEqualTo(24);
        assertThat(e.getLockTimeInMillis()).isEqualTo(1_200_000);
        assertThat(e.getWaitTimeInMillis()).isEqualTo(1_000);
        assertThat(e.getMaxWait()).isEqualTo(10_000);
    }

    @Test
    void aSizeThatCannotWorkIsRefusedAtStartWithTheSettingNamed() {
        assertThatThrownBy(() -> SettingsLoader.jobExecutor(Map.of("CARELOOP_CONFIG", NO_FILE,
                "CARELOOP_JOB_EXECUTOR_CORE_THREADS", "8", "CARELOOP_JOB_EXECUTOR_MAX_THREADS", "4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("core-threads <= max-threads");
        assertThatThrownBy(() -> SettingsLoader.jobExecutor(Map.of("CARELOOP_CONFIG", NO_FILE,
                "CARELOOP_JOB_EXECUTOR_LOCK_TIME", "PT1S")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lock-time");
        assertThatThrownBy(() -> SettingsLoader.jobExecutor(Map.of("CARELOOP_CONFIG", NO_FILE,
                "CARELOOP_JOB_EXECUTOR_QUEUE_SIZE", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("careloop.job-executor.queue-size");
    }
}
