// The studio's shapes, as the server answers them (docs/studio.md).

export interface ProcessVersion {
  key: string;
  type: 'process' | 'decision';
  name: string | null;
  version: number;
  definitionId: string;
  deploymentId: string;
  resourceName: string;
  deployedAt: string;
  deployedBy: string | null;
  comment: string | null;
  runningInstances: number | null;
  rollbackOf: number | null;
  adverseEventOverride: boolean;
}

export interface ProcessSummary {
  key: string;
  type: 'process' | 'decision';
  name: string | null;
  latestVersion: number;
  deployedAt: string;
  deployedBy: string | null;
  comment: string | null;
  runningInstances: number | null;
  versions: ProcessVersion[];
}

/** One error of the server's validation (422 or the import check). */
export interface DiagramError {
  file: string | null;
  elementId: string | null;
  code: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: DiagramError[];
  processKeys: string[];
  decisionKeys: string[];
}

export interface DiffChange {
  id: string;
  type: string;
  name: string | null;
}

export interface Diff {
  added: DiffChange[];
  removed: DiffChange[];
  changed: DiffChange[];
}

export interface MigrationPreview {
  key: string;
  fromVersion: number;
  toVersion: number;
  instances: number;
  checked: number;
  canMigrate: number;
  cannotMigrate: { processInstanceId: string; businessKey: string | null; reasons: string[] }[];
  planErrors: string[];
  instructions: Record<string, string>[];
}

export interface MigrationStatus {
  batchId: string;
  key: string;
  fromVersion: number;
  toVersion: number;
  instances: number;
  state: 'running' | 'failed' | 'completed';
  totalJobs: number;
  completedJobs: number;
  failedJobs: number;
  remainingJobs: number;
  stillOnFromVersion: number;
  failures: string[];
  startedBy: string | null;
  startedAt: string | null;
}

export interface ActivityState {
  activityId: string;
  active: number;
  incidents: number;
  onTrack: number;
  atRisk: number;
  breached: number;
}

export interface Monitor {
  key: string;
  version: number;
  definitionId: string;
  runningInstances: number | null;
  activities: ActivityState[];
}

export interface Incident {
  id: string;
  type: string;
  message: string | null;
  processKey: string | null;
  processVersion: number | null;
  activityId: string | null;
  processInstanceId: string | null;
  ticketNumber: string | null;
  createdAt: string;
  retryable: boolean;
}
