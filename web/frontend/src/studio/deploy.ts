// A deployment from the editor and what the page says about it. Nothing the user edited is thrown
// away: the diagram stays in the editor whatever the answer.

import { ApiError } from '../api';
import './messages';
import { t } from '../i18n';
import { diagramFile, type StudioApi } from './studioApi';
import type { ProcessVersion } from './types';

export type DeployOutcome =
  | { kind: 'deployed'; versions: ProcessVersion[] }
  /** 422: the server's errors, each placed at its element */
  | { kind: 'refused'; errors: unknown[]; message: string }
  /** anything else (denied, network, conflict): the server's reason, shown in the dialog */
  | { kind: 'failed'; message: string };

export async function deployDiagram(studio: StudioApi, fileName: string, xml: string, comment: string,
                                    override: boolean): Promise<DeployOutcome> {
  try {
    return { kind: 'deployed', versions: await studio.deploy([diagramFile(fileName, xml)], comment, override) };
  } catch (e) {
    return failure(e);
  }
}

export function failure(e: unknown): Exclude<DeployOutcome, { kind: 'deployed' }> {
  if (e instanceof ApiError) {
    if (e.status === 422 && e.problem.errors && e.problem.errors.length > 0) {
      return { kind: 'refused', errors: e.problem.errors, message: e.message };
    }
    return { kind: 'failed', message: reason(e) };
  }
  return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
}

/** Why a call failed, in the user's words: the server's detail, or what the status means. */
export function reason(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('studio.error.network');
    if (e.status === 403) return t('studio.error.denied', { detail: e.message });
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
