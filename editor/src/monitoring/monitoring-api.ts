import { eventRoutes } from '@memberflow/shared/api/event-routes';
import type { MemberTrace } from '@memberflow/shared/api/member-records';
import { memberRoutes } from '@memberflow/shared/api/member-routes';
import { monitoringRoutes } from '@memberflow/shared/api/monitoring-routes';
import { routePath } from '@memberflow/shared/api/route-contract';
import { workflowRoutes, type PublishedVersion } from '@memberflow/shared/api/workflow-routes';
import type { ControlResult, EntryChoice, WorkflowStats } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { callRoute } from '../api/call-route.ts';
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

export const getDashboard = (id: string, days: number, signal?: AbortSignal): Promise<WorkflowDashboard> =>
  callRoute(monitoringRoutes.dashboard, { params: { id }, query: { days }, signal });

export const getFailures = (id: string, signal?: AbortSignal): Promise<Failures> => callRoute(monitoringRoutes.failures, { params: { id }, signal });

export const actOnFailures = (id: string, action: FailureAction, targets: FailureTargets) =>
  callRoute(monitoringRoutes.actOnFailures, { params: { id, action }, body: targets });

// The server records the signed-in user as the actor in the audit log.
export const controlWorkflow = (id: string, action: ControlAction, body: { entry?: EntryChoice } = {}): Promise<ControlResult> =>
  action === 'resume' ? callRoute(workflowRoutes.resume, { params: { id }, body }) : callRoute(workflowRoutes[action], { params: { id } });

export const getStats = (id: string, signal?: AbortSignal): Promise<WorkflowStats> => callRoute(workflowRoutes.stats, { params: { id }, signal });

export const statsStreamUrl = (id: string) => routePath(monitoringRoutes.statsStream.path, { id });

export async function getAudit(targetId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  return (await callRoute(monitoringRoutes.audit, { query: { targetId, limit: 50 }, signal })).entries;
}

export type { PublishedVersion };

export const getVersion = (id: string, version: number, signal?: AbortSignal): Promise<PublishedVersion> =>
  callRoute(workflowRoutes.version, { params: { id, version: String(version) }, signal });

export async function getVersionDefinition(id: string, version: number, signal?: AbortSignal): Promise<WorkflowDefinition> {
  return (await getVersion(id, version, signal)).definition;
}

// Links the browser downloads (with the session cookie), so paths rather than calls.
export const membersCsvUrl = (id: string, node: string | null) =>
  `${routePath(monitoringRoutes.membersCsv.path, { id })}${node ? `?node=${encodeURIComponent(node)}` : ''}`;
export const effectsCsvUrl = (id: string) => routePath(monitoringRoutes.effectsCsv.path, { id });
export const traceCsvUrl = (memberId: string) => routePath(monitoringRoutes.traceCsv.path, { id: memberId });

export const getQueueHealth = (signal?: AbortSignal): Promise<QueueHealth> => callRoute(monitoringRoutes.queueHealth, { signal });

/** Events set aside after failing repeatedly, newest first. */
export async function getSetAsideEvents(limit: number, signal?: AbortSignal): Promise<StoredEvent[]> {
  return (await callRoute(eventRoutes.list, { query: { status: 'failed', limit }, signal })).events;
}

/** After a fix: the event goes back to its member's lane (needs the edit permission; 409 if it is not set aside). */
export const retryEvent = (seq: number) => callRoute(eventRoutes.retry, { params: { seq: String(seq) } });

export async function searchMembers(q: string, limit: number, signal?: AbortSignal): Promise<Member[]> {
  return (await callRoute(memberRoutes.search, { query: { limit, q: q.trim() || undefined }, signal })).members;
}

export const getMember = (id: string, signal?: AbortSignal): Promise<Member> => callRoute(memberRoutes.get, { params: { id }, signal });

export type { MemberTrace };

export const getMemberTrace = (id: string, signal?: AbortSignal): Promise<MemberTrace> => callRoute(memberRoutes.journeys, { params: { id }, signal });

export async function getMemberJourneys(id: string, signal?: AbortSignal): Promise<MemberJourney[]> {
  return (await getMemberTrace(id, signal)).journeys;
}

export async function getMemberCoupons(id: string, signal?: AbortSignal): Promise<MemberCoupon[]> {
  return (await callRoute(memberRoutes.coupons, { params: { id }, signal })).coupons;
}

export async function getMemberEffects(id: string, signal?: AbortSignal): Promise<MemberEffect[]> {
  return (await callRoute(monitoringRoutes.effects, { query: { memberId: id, limit: 200 }, signal })).effects;
}
