import { formatDate, t } from '../i18n';
import type { Delivery } from '../model';

/** What became of a reply in the ticket's channel, in words: queued, retried, sent, failed or not sent. */
export function deliveryText(d: Delivery): string {
  const error = d.lastError ?? '—';
  switch (d.state) {
    case 'queued':
      return d.attempts > 0
        ? t('delivery.queuedRetry', { attempts: d.attempts, error, next: formatDate(d.nextTry) })
        : t('delivery.queued');
    case 'sending': return t('delivery.sending');
    case 'sent': return t('delivery.sent', { at: formatDate(d.sentAt) });
    case 'failed': return t('delivery.failed', { attempts: d.attempts, error });
    case 'not-sent': return t('delivery.not-sent', { error });
    default: return d.state;
  }
}

/**
 * A reply the channel gave up on is an alert: the customer has not heard from us. One no plugin
 * sends (a web or phone ticket, read in the portal or said on the phone) is only noted.
 */
export function DeliveryState({ delivery }: { delivery: Delivery }) {
  const bad = delivery.state === 'failed';
  return (
    <div class={`delivery delivery-${delivery.state}`} data-testid="delivery" data-state={delivery.state}
         role={bad ? 'alert' : undefined}>
      {deliveryText(delivery)}
    </div>
  );
}
