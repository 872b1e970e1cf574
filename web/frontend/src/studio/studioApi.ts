// The studio's calls to the server (docs/studio.md); every failure is an ApiError with the server's reason.

import { query, type ApiClient } from '../api';
import type {
  Diff, Incident, MigrationPreview, MigrationStatus, Monitor, ProcessSummary, ProcessVersion, ValidationResult,
} from './types';

const P = '/api/v1/processes';
const k = (key: string) => `${P}/${encodeURIComponent(key)}`;

export class StudioApi {
  constructor(private readonly api: ApiClient) {}

  async list(): Promise<ProcessSummary[]> {
    return (await this.api.get<{ items: ProcessSummary[] }>(P)).items;
  }

  xml(key: string, version?: number): Promise<string> {
    return this.api.getText(`${k(key)}/xml${query({ version })}`);
  }

  async versions(key: string): Promise<ProcessVersion[]> {
    return (await this.api.get<{ items: ProcessVersion[] }>(`${k(key)}/versions`)).items;
  }

  diff(key: string, from: number, to: number): Promise<Diff> {
    return this.api.get<Diff>(`${k(key)}/diff${query({ from, to })}`);
  }

  async rollback(key: string, version: number, comment: string): Promise<ProcessVersion[]> {
    return (await this.api.post<{ versions: ProcessVersion[] }>(`${k(key)}/rollback`, { version, comment })).versions;
  }

  /** Deploys the files; a 422 ApiError carries every error in problem.errors. */
  async deploy(files: File[], comment: string, overrideAdverseEventPath = false): Promise<ProcessVersion[]> {
    const form = diagramForm(files);
    form.append('comment', comment);
    if (overrideAdverseEventPath) form.append('overrideAdverseEventPath', 'true');
    return (await this.api.postForm<{ versions: ProcessVersion[] }>('/api/v1/deployments', form)).versions;
  }

  validate(files: File[]): Promise<ValidationResult> {
    return this.api.postForm<ValidationResult>('/api/v1/deployments/validate', diagramForm(files));
  }

  previewMigration(key: string, fromVersion: number, toVersion: number): Promise<MigrationPreview> {
    return this.api.post<MigrationPreview>(`${k(key)}/migrations/preview`, { fromVersion, toVersion });
  }

  migrate(key: string, fromVersion: number, toVersion: number, comment?: string): Promise<MigrationStatus> {
    return this.api.post<MigrationStatus>(`${k(key)}/migrations`, { fromVersion, toVersion, comment });
  }

  migration(key: string, batchId: string): Promise<MigrationStatus> {
    return this.api.get<MigrationStatus>(`${k(key)}/migrations/${encodeURIComponent(batchId)}`);
  }

  monitor(key: string, version?: number): Promise<Monitor> {
    return this.api.get<Monitor>(`${k(key)}/monitor${query({ version })}`);
  }

  async incidents(limit = 200): Promise<Incident[]> {
    return (await this.api.get<{ items: Incident[] }>(`/api/v1/incidents${query({ limit })}`)).items;
  }

  retry(incidentId: string): Promise<Incident> {
    return this.api.post<Incident>(`/api/v1/incidents/${encodeURIComponent(incidentId)}/retry`, {});
  }
}

function diagramForm(files: File[]): FormData {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return form;
}

/** A diagram's text as an upload named after its resource (the server reports errors per file name). */
export function diagramFile(name: string, xml: string): File {
  return new File([xml], name, { type: 'application/xml' });
}
