package io.careloop.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The baseline's {@code adverseEvent}, {@code qualityComplaint} and {@code feedback} beans:
 * ticket-lifecycle.bpmn opens a quality complaint for product-quality tickets during intake
 * ({@code ${qualityComplaint.open(execution)}}), and the other two later; here none of them starts
 * its process, so the baseline is the lifecycle alone (CareLoop's intake also starts the quality
 * complaint's instance, which is part of what (b) and (c) cost).
 */
public final class NoOpFollowOn {

    public void open(DelegateExecution execution) {
        // no follow-on process in the baseline
    }

    public void start(DelegateExecution execution) {
        // no feedback loop in the baseline (never reached: nobody resolves a ticket in the bench)
    }
}
