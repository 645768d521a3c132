import type { EntryRefusal, TriggerStanding } from '@memberflow/shared/api/members';
import type { ControlResult, EntryChoice, WorkflowStats } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { requestJson } from '../api/http.ts';
import type {
  AuditEntry,
  ControlAction,
  FailureAction,
  FailureTargets,
  Failures,
  Member,
  MemberCoupon,
  MemberEffect,
  MemberJourney,
  QueueHealth,
  StoredEvent,
  WorkflowDashboard,
} from './monitoring-types.ts';

const wf = (id: string) => `/api/v1/workflows/${encodeURIComponent(id)}`;
const mb = (id: string) => `/api/v1/members/${encodeURIComponent(id)}`;

export const getDashboard = (id: string, days: number, signal?: AbortSignal) =>
  requestJson<WorkflowDashboard>('GET', `${wf(id)}/dashboard?days=${days}`, undefined, signal);

export const getFailures = (id: string, signal?: AbortSignal) => requestJson<Failures>('GET', `${wf(id)}/failures`, undefined, signal);

export const actOnFailures = (id: string, action: FailureAction, targets: FailureTargets) =>
  requestJson<{ journeys: number; effects: number }>('POST', `${wf(id)}/failures/${action}`, targets);

// The server records the signed-in user as the actor in the audit log.
export const controlWorkflow = (id: string, action: ControlAction, body: { entry?: EntryChoice } = {}) => requestJson<ControlResult>('POST', `${wf(id)}/${action}`, body);

export const getStats = (id: string, signal?: AbortSignal) => requestJson<WorkflowStats>('GET', `${wf(id)}/stats`, undefined, signal);

export const statsStreamUrl = (id: string) => `${wf(id)}/stats/stream`;

export async function getAudit(targetId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  return (await requestJson<{ entries: AuditEntry[] }>('GET', `/api/v1/audit?targetId=${encodeURIComponent(targetId)}&limit=50`, undefined, signal)).entries;
}

export interface PublishedVersion {
  version: number;
  publishedAt: string;
  definition: WorkflowDefinition;
}

export const getVersion = (id: string, version: number, signal?: AbortSignal) => requestJson<PublishedVersion>('GET', `${wf(id)}/versions/${version}`, undefined, signal);

export async function getVersionDefinition(id: string, version: number, signal?: AbortSignal): Promise<WorkflowDefinition> {
  return (await getVersion(id, version, signal)).definition;
}

export const membersCsvUrl = (id: string, node: string | null) => `${wf(id)}/export/members.csv${node ? `?node=${encodeURIComponent(node)}` : ''}`;
export const effectsCsvUrl = (id: string) => `${wf(id)}/export/effects.csv`;
export const traceCsvUrl = (memberId: string) => `${mb(memberId)}/trace.csv`;

export const getQueueHealth = (signal?: AbortSignal) => requestJson<QueueHealth>('GET', '/api/v1/health/queues', undefined, signal);

/** Events set aside after failing repeatedly, newest first. */
export async function getSetAsideEvents(limit: number, signal?: AbortSignal): Promise<StoredEvent[]> {
  return (await requestJson<{ events: StoredEvent[] }>('GET', `/api/v1/events?status=failed&limit=${limit}`, undefined, signal)).events;
}

/** After a fix: the event goes back to its member's lane (needs the edit permission; 409 if it is not set aside). */
export const retryEvent = (seq: number) =>
  requestJson<{ seq: number; memberId: string; status: 'pending' }>('POST', `/api/v1/events/${encodeURIComponent(String(seq))}/retry`, {});

export async function searchMembers(q: string, limit: number, signal?: AbortSignal): Promise<Member[]> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (q.trim()) params.set('q', q.trim());
  return (await requestJson<{ members: Member[] }>('GET', `/api/v1/members?${params}`, undefined, signal)).members;
}

export const getMember = (id: string, signal?: AbortSignal) => requestJson<Member>('GET', mb(id), undefined, signal);

/** A member's journeys, the entries its entry rules refused, and where it stands with live time and segment triggers. */
export interface MemberTrace {
  journeys: MemberJourney[];
  refusals: EntryRefusal[];
  standings: TriggerStanding[];
}

export const getMemberTrace = (id: string, signal?: AbortSignal) => requestJson<MemberTrace>('GET', `${mb(id)}/journeys`, undefined, signal);

export async function getMemberJourneys(id: string, signal?: AbortSignal): Promise<MemberJourney[]> {
  return (await getMemberTrace(id, signal)).journeys;
}

export async function getMemberCoupons(id: string, signal?: AbortSignal): Promise<MemberCoupon[]> {
  return (await requestJson<{ coupons: MemberCoupon[] }>('GET', `${mb(id)}/coupons`, undefined, signal)).coupons;
}

export async function getMemberEffects(id: string, signal?: AbortSignal): Promise<MemberEffect[]> {
  return (await requestJson<{ effects: MemberEffect[] }>('GET', `/api/v1/effects?memberId=${encodeURIComponent(id)}&limit=200`, undefined, signal)).effects;
}
