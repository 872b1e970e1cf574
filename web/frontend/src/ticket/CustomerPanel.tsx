import { useEffect, useState } from 'preact/hooks';
import { ApiClient, query } from '../api';
import { code, formatDate, t } from '../i18n';
import type { Customer, Page, Ticket } from '../model';
import type { Route } from '../router';

interface Props {
  api: ApiClient;
  customer: Customer | null;
  current: string;
  go: (r: Route) => void;
}

export function CustomerPanel({ api, customer, current, go }: Props) {
  const [recent, setRecent] = useState<Ticket[] | null>(null);
  useEffect(() => {
    if (!customer) return;
    api.get<Page<Ticket>>(`/api/v1/tickets${query({ customer: customer.id, sort: 'created', limit: 6 })}`)
      .then((p) => setRecent(p.items.filter((x) => x.number !== current).slice(0, 5)))
      .catch(() => setRecent([]));
  }, [customer?.id, current]);

  if (!customer) return <aside class="panel customer"><p class="muted">{t('customer.none')}</p></aside>;
  return (
    <aside class="panel customer" data-testid="customer">
      <h2>{t('customer.title')}</h2>
      <dl>
        <dt>{t('customer.name')}</dt><dd>{customer.name}</dd>
        <dt>{t('customer.type')}</dt><dd>{code('customerType', customer.type)}</dd>
        <dt>{t('customer.tier')}</dt><dd>{code('tier', customer.tier)}</dd>
        <dt>{t('customer.organisation')}</dt><dd>{customer.organisation ?? '—'}</dd>
        <dt>{t('customer.owningRep')}</dt><dd>{customer.owningRep ?? '—'}</dd>
      </dl>
      <h3>{t('customer.recent')}</h3>
      {recent === null && <p class="muted">{t('common.loading')}</p>}
      {recent?.length === 0 && <p class="muted">{t('customer.noRecent')}</p>}
      <ul class="recent">
        {recent?.map((x) => (
          <li key={x.number}>
            <a href={`/tickets/${x.number}`} onClick={(e) => { e.preventDefault(); go({ screen: 'ticket', number: x.number }); }}>
              {x.number}
            </a> {code('status', x.status)} · {formatDate(x.createdAt)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
