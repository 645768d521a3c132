/** The seed of a member's random draws in a workflow: the runtime and the simulator agree on it. */
export const journeySeed = (workflowId: string, memberId: string) => `${workflowId}:${memberId}`;
