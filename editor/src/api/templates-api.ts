import { requestJson } from './http.ts';

export interface TemplateSummary {
  key: string;
  name: string;
  description: string;
}

export async function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return (await requestJson<{ templates: TemplateSummary[] }>('GET', '/api/v1/templates', undefined, signal)).templates;
}
