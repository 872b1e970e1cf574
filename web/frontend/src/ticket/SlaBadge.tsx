import { useEffect, useState } from 'preact/hooks';
import { remaining, slaTone } from '../countdown';
import { formatDate, t } from '../i18n';

interface Props {
  due: string | null;
  start?: string | null;
  paused?: boolean;
  met?: string | null;
  label?: string;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export function SlaBadge({ due, start = null, paused = false, met = null, label }: Props) {
  const now = useNow(30_000);
  const tone = slaTone(due, now, start, paused, met);
  if (!due) return <span class="sla none">{label ? `${label}: ` : ''}—</span>;
  const r = remaining(due, now);
  const span = r.d > 0 ? t('sla.dh', { d: r.d, h: r.h }) : t('sla.hm', { h: r.h, m: r.m });
  const text = tone === 'met' ? t('sla.met') : tone === 'paused' ? t('sla.paused')
    : r.overdue ? t('sla.overdue', { span }) : t('sla.left', { span });
  return (
    <span class={`sla ${tone}`} data-tone={tone} title={formatDate(due)}>
      {label && <span class="sla-label">{label}</span>}
      {text}
    </span>
  );
}
