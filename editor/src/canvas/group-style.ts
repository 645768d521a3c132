import type { NodeGroup } from '@memberflow/shared/node-kind';
import type { ComponentType } from 'react';
import { BranchIcon, ClockIcon, FlagIcon, TicketIcon, ZapIcon } from '../ui/icons.tsx';

export interface GroupStyle {
  /** Heading of the group in the palette. */
  title: string;
  color: string;
  tint: string;
  Icon: ComponentType<{ size?: number }>;
}

export const groupStyles = {
  trigger: { title: 'Triggers', color: '#16884a', tint: '#e6f4ec', Icon: ZapIcon },
  logic: { title: 'Logic', color: '#7a3fd6', tint: '#f1eafc', Icon: BranchIcon },
  wait: { title: 'Waits', color: '#c46a0a', tint: '#fcf0e1', Icon: ClockIcon },
  action: { title: 'Actions', color: '#2f5bd3', tint: '#e8eefc', Icon: TicketIcon },
  end: { title: 'End', color: '#56627a', tint: '#eceef2', Icon: FlagIcon },
} satisfies Record<NodeGroup, GroupStyle>;

/** Palette order: the order a journey is usually drawn in. */
export const groupOrder: readonly NodeGroup[] = ['trigger', 'logic', 'wait', 'action', 'end'];
