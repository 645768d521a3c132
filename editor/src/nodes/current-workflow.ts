import { createContext, useContext } from 'react';

/** The workflow being edited, so forms that pick another workflow can leave this one out. */
export const CurrentWorkflowContext = createContext<string | null>(null);

export function useCurrentWorkflowId(): string | null {
  return useContext(CurrentWorkflowContext);
}
