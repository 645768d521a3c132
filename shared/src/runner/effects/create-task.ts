import { MS_PER_DAY } from '../../duration.ts';
import { CreateTaskConfig } from '../../nodes/create-task.ts';
import { renderTemplate } from '../../template.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

export const createTaskExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = CreateTaskConfig.parse(ctx.action.config);
    const task = { type: c.type, title: renderTemplate(c.title, ctx.templateVars()), assignee: c.assignee, priority: c.priority, dueAt: ctx.at + c.dueInDays * MS_PER_DAY };
    ctx.writes.effects.push({ ...effectBase(ctx, 'create_task'), payload: { ...task, dueAt: new Date(task.dueAt).toISOString() }, status: 'done', task });
  },
};
