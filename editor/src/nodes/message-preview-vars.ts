import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { sampleVariables } from './sample-variables.ts';

const DAY = 86_400_000;

interface GraphNode {
  id: string;
  data: { kind: string; label: string; config: Record<string, unknown> };
}
interface GraphEdge {
  source: string;
  target: string;
}

/** The nearest "Issue coupon" step on a path into `nodeId` (breadth first, backwards): the coupon its message will name. */
export function couponStepBefore(nodeId: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphNode | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set([nodeId]);
  let frontier = [nodeId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        if (e.target !== id || seen.has(e.source)) continue;
        seen.add(e.source);
        const n = byId.get(e.source);
        if (n?.data.kind === 'issue_coupon') return n;
        next.push(e.source);
      }
    }
    frontier = next;
  }
  return null;
}

/** The coupon a member would hold: the template's kind, value and validity, issued now; the code is a sample (codes are made at issue time). */
export function previewCoupon(template: CouponTemplate, validityDays: number, now: number): Record<string, unknown> {
  const expiresAt = template.validTo ?? now + (template.validityDays ?? validityDays) * DAY;
  return {
    template: template.key,
    code: `${template.key}-7KQ2`,
    expiresAt: new Date(expiresAt).toISOString(),
    kind: template.kind,
    value: template.value,
    minSpend: template.minSpend,
  };
}

export type PreviewMember = Record<string, unknown> & { name?: string | null; locale?: string | null; timeZone?: string | null };

/** The sample member in the chosen language: a Chinese name and zone for 中文, so the preview reads as that member would. */
export function sampleMember(locale: string): PreviewMember {
  return locale === 'zh-CN'
    ? { ...sampleVariables.member, name: '陈丽娜', locale: 'zh-CN', timeZone: 'Asia/Shanghai' }
    : { ...sampleVariables.member, locale: 'en', timeZone: 'Asia/Shanghai' };
}

/** Everything a template reads, for the preview: the member, the coupon, a sample trigger, the workflow. */
export function previewVariables(member: PreviewMember, coupon: Record<string, unknown> | null): Record<string, unknown> {
  return {
    ...sampleVariables,
    member,
    coupon: coupon ?? { ...sampleVariables.coupon, expiresAt: new Date(Date.now() + 30 * DAY).toISOString() },
  };
}
