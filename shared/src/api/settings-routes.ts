import '../zod-messages.ts';
import { z } from 'zod';
import { TimeOfDay } from '../time-zone.ts';
import { defineRoute } from './route-contract.ts';

/**
 * The cross-workflow contact policy marketers set in the editor: the frequency cap on marketing
 * messages, and default quiet hours for workflows without their own. The environment's values
 * (MARKETING_CAP_COUNT / MARKETING_CAP_DAYS) apply until one is saved.
 */
export const ContactPolicySettings = z.object({
  cap: z.object({
    count: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(100, 'must be at most 100'),
    days: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(365, 'must be at most 365'),
  }),
  quietHours: z
    .object({
      start: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 21:00'),
      end: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 08:00'),
      mode: z.enum(['hold', 'skip']).default('hold'),
    })
    .nullable()
    .default(null),
});
export type ContactPolicySettings = z.infer<typeof ContactPolicySettings>;

export interface ContactPolicyAnswer {
  policy: ContactPolicySettings;
  /** From the environment: what applies while nothing is saved. */
  defaults: ContactPolicySettings;
  /** Null while the environment's values apply. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export const settingsRoutes = {
  contactPolicy: defineRoute<ContactPolicyAnswer>()({
    method: 'GET',
    path: '/api/v1/settings/contact-policy',
    summary: 'The contact policy: message cap and quiet hours',
    access: 'read',
  }),
  saveContactPolicy: defineRoute<ContactPolicyAnswer>()({
    method: 'PUT',
    path: '/api/v1/settings/contact-policy',
    summary: 'Save the contact policy',
    example: { body: { cap: { count: 2, days: 7 }, quietHours: { start: '21:00', end: '09:00', mode: 'hold' } } },
    access: 'edit',
    body: ContactPolicySettings,
  }),
};
