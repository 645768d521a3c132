import type { WorkflowSettings } from '../definition.ts';
import { MS_PER_DAY } from '../duration.ts';
import { inProgress, type JourneyState } from './journey-state.ts';

/** Entry rules: null when the member may enter, else why not, in the words the trace uses. */
export function entryRefusal(settings: WorkflowSettings, mine: readonly JourneyState[], at: number): string | null {
  const w = settings.window;
  if (w?.from && at < Date.parse(w.from)) return `the campaign starts ${w.from}`;
  if (w?.until && at > Date.parse(w.until)) return `the campaign ended ${w.until}`;
  const running = mine.some((j) => inProgress(j.status));
  switch (settings.entry) {
    case 'once_ever':
      return mine.length > 0 ? 'entry rule "once ever": already entered' : null;
    case 'once_at_a_time':
      return running ? 'entry rule "once at a time": still in the journey' : null;
    case 'every_time':
      return null;
    case 'cooldown': {
      const last = Math.max(...mine.map((j) => j.enteredAt), -Infinity);
      if (running) return 'entry rule "cooldown": still in the journey';
      return at - last < settings.cooldownDays * MS_PER_DAY
        ? `entry rule "cooldown ${settings.cooldownDays} days": entered ${Math.floor((at - last) / MS_PER_DAY)} days ago`
        : null;
    }
  }
}
