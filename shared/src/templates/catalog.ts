import type { WorkflowDefinition } from '../definition.ts';
import { secondPurchaseNudge } from './second-purchase-nudge.ts';

export interface WorkflowTemplate {
  key: string;
  name: string;
  description: string;
  definition: WorkflowDefinition;
}

/** Retention recipes shipped as templates (see DESIGN.md); more arrive as their node kinds do. */
export const workflowTemplates: readonly WorkflowTemplate[] = [
  {
    key: 'second-purchase-nudge',
    name: 'Second-purchase nudge',
    description: 'After a first purchase, wait up to 30 days for another; if none comes, issue a come-back coupon.',
    definition: secondPurchaseNudge,
  },
];
