import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../routing/navigation.ts';

/** An in-app link: a real href (open in new tab works) that navigates without a reload. */
export function RouteLink({ to, children, className, testId }: { to: string; children: ReactNode; className?: string; testId?: string }) {
  const go = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    navigate(to);
  };
  return (
    <a href={to} onClick={go} className={className} data-testid={testId}>
      {children}
    </a>
  );
}
