import { z } from 'zod';
import { defineNode, noPreview } from '../node-module.ts';

export const EnrollWorkflowConfig = z.object({
  workflowId: z.string().uuid('choose a workflow'),
  workflowName: z.string().max(120).default(''),
});
export type EnrollWorkflowConfig = z.infer<typeof EnrollWorkflowConfig>;

/** Hands the member to another workflow (its entry rules still apply). */
export const enrollWorkflow = defineNode({
  kind: 'enroll_workflow',
  group: 'action',
  effect: { delivery: 'in_step', preview: noPreview },
  title: 'Enroll in workflow',
  description: "Starts the member in another live workflow, whatever its trigger; that workflow's entry rules still apply.",
  config: EnrollWorkflowConfig,
  defaults: () => ({ workflowId: '', workflowName: '' }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `enroll in ${c.workflowName || c.workflowId.slice(0, 8) || '…'}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
