import '../zod-messages.ts';
import { defineRoute } from './route-contract.ts';

/** Tracked links in messages (TRACK_LINKS=1): what members open, so it sits outside /api. */
export const linkRoutes = {
  click: defineRoute<void>()({
    method: 'GET',
    path: '/r/:token',
    access: 'public',
    produces: 'text/plain',
    status: 302,
    summary:
      'A tracked link in a message: raises message_clicked for the member (once per link), then redirects to the original URL',
    description:
      'Links in message bodies go out as <MEMBERFLOW_PUBLIC_URL>/r/<token> when TRACK_LINKS=1. The token names the message and the link and carries a MAC (keyed from WEBHOOK_SECRET), so links cannot be made up or pointed elsewhere: an unknown token is a 404. HEAD requests (link previews) redirect without raising the event.',
  }),
};
