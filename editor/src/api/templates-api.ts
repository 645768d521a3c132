import { workflowRoutes, type TemplateSummary } from '@memberflow/shared/api/workflow-routes';
import { callRoute } from './call-route.ts';

export type { TemplateSummary };

export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return (await callRoute(workflowRoutes.templates, { signal })).templates;
}
