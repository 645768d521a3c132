import { EnrollWorkflowConfig } from '../../nodes/enroll-workflow.ts';
import { ENROLL_EVENT } from '../internal-events.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/** Raises an internal enroll event for the member; the lane enters the target workflow on it. */
export const enrollWorkflowExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = EnrollWorkflowConfig.parse(ctx.action.config);
    ctx.writes.effects.push({ ...effectBase(ctx, 'enroll_workflow'), payload: { workflowId: c.workflowId }, status: 'done' });
    ctx.writes.raise(ENROLL_EVENT, ctx.at, { workflowId: c.workflowId, fromWorkflowId: ctx.journey.workflowId });
  },
};
