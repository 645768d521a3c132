/**
 * Which workflows are live changes rarely and every lane asks: lanes keep the list a second per
 * schema, and this process drops it at once when it publishes, pauses, resumes or stops one.
 * Another process sees such a change within that second.
 */
export const liveWorkflowsCache = new Map<string, { at: number; rows: { id: string; name: string; live_version_id: string }[] }>();

export function forgetLiveWorkflows(schema: string): void {
  liveWorkflowsCache.delete(schema);
}
