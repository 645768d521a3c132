import type { Logger } from '../logging/create-logger.ts';
import { logger } from '../logging/root-logger.ts';

/**
 * Which job asked for each member's lane while it runs, so a line written deep inside a lane
 * (an event set aside) names the job as well as the member: the batcher mixes the members of
 * concurrent jobs, so the job is not otherwise known there. Ids only; loggers are made when a
 * line is written.
 */
export class LaneJobs {
  private readonly byMember = new Map<string, string[]>();

  add(jobId: string, memberIds: string[]): void {
    for (const id of memberIds) {
      const jobs = this.byMember.get(id);
      if (jobs) jobs.push(jobId);
      else this.byMember.set(id, [jobId]);
    }
  }

  remove(jobId: string, memberIds: string[]): void {
    for (const id of memberIds) {
      const jobs = this.byMember.get(id)?.filter((j) => j !== jobId);
      if (jobs?.length) this.byMember.set(id, jobs);
      else this.byMember.delete(id);
    }
  }

  /** A logger for one member's lane, naming the (latest) job that asked for it. */
  log(memberId: string): Logger {
    return logger('lane', { memberId, jobId: this.byMember.get(memberId)?.at(-1) ?? null });
  }
}

/** The fields naming a lane job: its id and its member, or its members when it holds many. */
export function laneJobFields(jobId: string | undefined, memberIds: string[]): Record<string, unknown> {
  return memberIds.length === 1 ? { jobId, memberId: memberIds[0] } : { jobId, memberIds };
}
