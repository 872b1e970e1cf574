package io.careloop.engine.studio;

import java.time.Instant;

/**
 * One deployed version of a process or decision.
 *
 * @param type             process or decision
 * @param deployedBy       the supervisor, or "careloop" for the versions bundled with CareLoop
 * @param runningInstances process instances on this version (null for a decision)
 * @param rollbackOf       for a rollback, the version it redeployed
 */
public record ProcessVersion(String key, String type, String name, int version, String definitionId,
                             String deploymentId, String resourceName, Instant deployedAt, String deployedBy,
                             String comment, Long runningInstances, Integer rollbackOf,
                             boolean adverseEventOverride) {
}
