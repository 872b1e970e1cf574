// The shapes the API answers with (openapi-components.json and TicketJson on the server).

export interface User {
  username: string;
  displayName: string;
  roles: string[];
  teams: string[];
  queues: string[];
}

export interface Ticket {
  number: string;
  subject: string;
  description: string;
  channel: string;
  category: string | null;
  severity: string | null;
  priority: string | null;
  status: string;
  queue: string | null;
  assignee: string | null;
  customerId: number | null;
  product: string | null;
  createdAt: string;
  firstResponseDue: string | null;
  resolutionDue: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  regulatoryDue: string | null;
  slaPaused: boolean;
  slaState: string | null;
  escalationLevel: number;
  adverseEventSuspected: boolean;
  /** pharmacovigilance's review: pending, confirmed, not-adverse-event; null when none is needed */
  pvReview?: string | null;
  version: number;
}

export interface Customer {
  id: number;
  type: string;
  tier: string;
  name: string;
  organisation: string | null;
  department: string | null;
  owningRep: string | null;
}

export interface TimelineEntry {
  type: 'interaction' | 'audit';
  at: string;
  actor: string | null;
  kind: string;
  direction: string | null;
  body: string | null;
  changes: string | null;
  /** a reply's way out through the ticket's channel (the outbox); null for everything else */
  delivery?: Delivery | null;
}

export interface Delivery {
  /** queued, sending, sent, failed or not-sent */
  state: string;
  attempts: number;
  lastError: string | null;
  nextTry: string | null;
  sentAt: string | null;
}

/** A file that came with the ticket (GET /api/v1/tickets/{number}/attachments); href only when stored. */
export interface Attachment {
  id: number;
  fileName: string;
  contentType: string | null;
  size: number | null;
  state: 'stored' | 'refused' | 'erased' | string;
  reason: string | null;
  createdAt: string;
  href: string | null;
}

export interface TicketView extends Ticket {
  customer: Customer | null;
  timeline: TimelineEntry[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QueueCounts {
  mine: number;
  unassigned: number;
  atRisk: number;
  breached: number;
  queues: { queue: string; open: number; team: boolean }[];
}

export const CATEGORIES = ['adverse-event', 'medication-error', 'product-quality', 'medical-inquiry',
  'service-process', 'customer-relationship'];
export const SEVERITIES = ['high', 'medium', 'low'];
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'];
export const CHANNELS = ['email', 'phone', 'web', 'chat', 'visit', 'survey', 'api'];
export const TIERS = ['VIP', 'A', 'B', 'C'];

/** The permission matrix's rows the workspace needs (engine Permission.java); the server decides. */
const PERMISSIONS: Record<string, string[]> = {
  'ticket.work': ['agent', 'supervisor', 'specialist', 'admin'],
  'pharmacovigilance': ['specialist', 'supervisor', 'admin'],
  'assign.others': ['supervisor', 'admin'],
};

export function may(user: User | null, permission: string): boolean {
  return !!user && user.roles.some((r) => PERMISSIONS[permission]?.includes(r));
}
