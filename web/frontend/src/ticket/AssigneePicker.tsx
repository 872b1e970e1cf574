import { useEffect, useState } from 'preact/hooks';
import { ApiClient, query } from '../api';
import { t } from '../i18n';

// The assign action's type-ahead: a supervisor types a few letters of a name and picks, with the
// arrow keys and Enter or the mouse, from the colleagues whose data scope covers the ticket
// (GET /api/v1/tickets/{number}/assignees).

export interface Candidate {
  username: string;
  displayName: string;
  current: boolean;
}

/** The highlighted option after `key` (ArrowDown/ArrowUp wrap around); null for a key that is not the list's. */
export function pickerMove(index: number, size: number, key: string): number | null {
  if (size === 0) return null;
  if (key === 'ArrowDown') return index < 0 ? 0 : (index + 1) % size;
  if (key === 'ArrowUp') return index <= 0 ? size - 1 : index - 1;
  return null;
}

interface Props {
  api: ApiClient;
  number: string;
  value: string;
  onChange: (username: string) => void;
}

export function AssigneePicker({ api, number, value, onChange }: Props) {
  const [items, setItems] = useState<Candidate[]>([]);
  const [open, setOpen] = useState(false);
  const [hi, setHi] = useState(0);

  useEffect(() => {
    let stale = false;
    const id = setTimeout(() => {
      api.get<{ items: Candidate[] }>(`/api/v1/tickets/${encodeURIComponent(number)}/assignees${query({ q: value.trim() })}`)
        .then((r) => { if (!stale) { setItems(r.items); setHi(0); } })
        .catch(() => { if (!stale) setItems([]); });
    }, 120);
    return () => { stale = true; clearTimeout(id); };
  }, [number, value]);

  const choose = (c: Candidate) => {
    onChange(c.username);
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent) => {
    const next = pickerMove(hi, items.length, e.key);
    if (next !== null) {
      e.preventDefault();
      setOpen(true);
      setHi(next);
    } else if (e.key === 'Enter' && open && items[hi]) {
      e.preventDefault(); // choosing is not yet confirming the action
      choose(items[hi]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <span class="picker">
      <input name="assignee" value={value} role="combobox" autocomplete="off" aria-autocomplete="list"
             aria-expanded={open} aria-controls="assignee-options"
             aria-activedescendant={open && items[hi] ? `assignee-${items[hi].username}` : undefined}
             onInput={(e) => { onChange((e.target as HTMLInputElement).value); setOpen(true); }}
             onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onKeyDown={onKey} />
      {open && (
        <ul id="assignee-options" role="listbox" class="options" data-testid="assignee-options">
          {items.length === 0 && <li class="muted">{t('picker.none')}</li>}
          {items.map((c, i) => (
            <li key={c.username} id={`assignee-${c.username}`} role="option" aria-selected={i === hi}
                data-username={c.username} class={i === hi ? 'hi' : ''}
                onMouseDown={(e) => { e.preventDefault(); choose(c); }}>
              {c.displayName} <span class="muted">{c.username}{c.current ? ` · ${t('picker.current')}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
