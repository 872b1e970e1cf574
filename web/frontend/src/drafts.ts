// Text the user typed, kept outside the components: it survives a failed action, a refetch and a
// session that expired (the login screen comes in between).

const KEY = 'careloop.drafts';

function load(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function draft(id: string): string {
  return load()[id] ?? '';
}

export function saveDraft(id: string, text: string): void {
  const all = load();
  if (text) all[id] = text;
  else delete all[id];
  sessionStorage.setItem(KEY, JSON.stringify(all));
}
