package io.careloop.engine.studio;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a batch's jobs (seed, migration, monitor) as the job executor would; tests run with it off. */
public final class Batches {

    private Batches() {
    }

    public static void runToEnd(ProcessEngine engine, String batchId) {
        ManagementService m = engine.getManagementService();
        for (int round = 0; round < 50; round++) {
            Batch batch = m.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            boolean ran = false;
            for (String def : new String[] {batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId()}) {
                for (Job j : m.createJobQuery().jobDefinitionId(def).list()) {
                    m.executeJob(j.getId());
                    ran = true;
                }
            }
            if (!ran) {
                throw new IllegalStateException("batch " + batchId + " has no job left but is not done");
            }
        }
        throw new IllegalStateException("batch " + batchId + " did not end");
    }
}
