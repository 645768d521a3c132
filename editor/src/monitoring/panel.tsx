import type { ReactNode } from 'react';

/** A titled card section, the building block of the monitoring pages. */
export function Panel({ title, aside, children, testId }: { title: string; aside?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="panel card" data-testid={testId}>
      <div className="panel__head">
        <h2>{title}</h2>
        {aside}
      </div>
      <div className="panel__body">{children}</div>
    </section>
  );
}
