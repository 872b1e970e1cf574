// The weekly report schedules (docs/reports.md, "Weekly report by e-mail"): what the form edits and
// what the schedule API takes and answers. Pure functions, tested in test/schedules.test.ts.

export interface Schedule {
  id: number;
  name: string;
  dayOfWeek: number;
  time: string;
  timeZone: string;
  recipients: string[];
  filters: { team?: string | null; queue?: string | null; category?: string | null; product?: string | null; tier?: string | null };
  enabled: boolean;
  version: number;
}

/** The form: every field as the inputs hold it (recipients one text, one address per line or comma). */
export interface ScheduleForm {
  name: string;
  dayOfWeek: number;
  time: string;
  timeZone: string;
  recipients: string;
  team: string;
  queue: string;
  category: string;
  product: string;
  tier: string;
  enabled: boolean;
}

export interface ScheduleRequest {
  name: string;
  dayOfWeek: number;
  time: string;
  timeZone: string;
  recipients: string[];
  team?: string;
  queue?: string;
  category?: string;
  product?: string;
  tier?: string;
  enabled: boolean;
  version?: number;
}

export function emptyForm(zone = 'Asia/Shanghai'): ScheduleForm {
  return { name: '', dayOfWeek: 1, time: '08:30', timeZone: zone, recipients: '', team: '', queue: '', category: '',
    product: '', tier: '', enabled: true };
}

export function formOf(s: Schedule): ScheduleForm {
  const f = s.filters ?? {};
  return { name: s.name, dayOfWeek: s.dayOfWeek, time: s.time, timeZone: s.timeZone, recipients: s.recipients.join('\n'),
    team: f.team ?? '', queue: f.queue ?? '', category: f.category ?? '', product: f.product ?? '', tier: f.tier ?? '',
    enabled: s.enabled };
}

/** Addresses from the text: split on new lines, commas and semicolons, trimmed, blanks and repeats dropped. */
export function recipientsOf(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[\n,;]+/).map((r) => r.trim()).filter((r) => r && !seen.has(r) && (seen.add(r), true));
}

/** The request body: blank filters left out, `version` only when changing (PUT). */
export function requestOf(form: ScheduleForm, version?: number): ScheduleRequest {
  const r: ScheduleRequest = { name: form.name.trim(), dayOfWeek: form.dayOfWeek, time: form.time, timeZone: form.timeZone.trim(),
    recipients: recipientsOf(form.recipients), enabled: form.enabled };
  for (const k of ['team', 'queue', 'category', 'product', 'tier'] as const) {
    const v = form[k].trim();
    if (v) r[k] = v;
  }
  if (version !== undefined) r.version = version;
  return r;
}

/** The first problem the server would also refuse, as {field, message key}; null when the form may be sent. */
export function problemOf(form: ScheduleForm): { field: string; key: string } | null {
  if (!form.name.trim()) return { field: 'name', key: 'schedules.error.name' };
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(form.time)) return { field: 'time', key: 'schedules.error.time' };
  if (!form.timeZone.trim()) return { field: 'timeZone', key: 'schedules.error.timeZone' };
  const to = recipientsOf(form.recipients);
  if (to.length === 0 || to.length > 50) return { field: 'recipients', key: 'schedules.error.recipients' };
  if (to.some((a) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a))) return { field: 'recipients', key: 'schedules.error.address' };
  return null;
}
