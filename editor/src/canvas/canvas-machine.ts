import type { EntryChoice, PublishResult, SaveDraftBody, WorkflowDetail } from '@memberflow/shared/api/workflows';
import type { Violation } from '@memberflow/shared/violations';
import { assign, fromPromise, setup } from 'xstate';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { getWorkflow, publishWorkflow, saveDraft } from '../api/workflows-api.ts';
import { definitionToFlow } from '../flow/definition-to-flow.ts';
import { flowToDefinition } from '../flow/flow-to-definition.ts';
import { draftBody, draftKey } from './draft-body.ts';

export interface CanvasContext {
  workflowId: string;
  detail: WorkflowDetail | null;
  /** Key of what the server holds as the draft; the page compares it with the canvas to show unsaved changes. */
  savedKey: string;
  pending: SaveDraftBody | null;
  /** Who enters a time- or segment-triggered workflow on this publish (the publish dialog's choice). */
  pendingEntry?: EntryChoice;
  loadError: string | null;
  actionError: string | null;
  /** Problems the server reported when it refused to publish; cleared by the next edit. */
  serverViolations: Violation[];
  notice: CanvasNotice | null;
  /** The save under way was started by autosave: it reports through the save state, not a notice. */
  autoSave: boolean;
}

export type CanvasEvent =
  { type: 'retry' } | { type: 'save'; body: SaveDraftBody; auto?: boolean } | { type: 'publish'; body: SaveDraftBody; entry?: EntryChoice } | { type: 'edited' };

type PublishedVersion = Pick<PublishResult, 'version'> & Partial<Pick<PublishResult, 'enteringNow'>>;

/** What the toolbar says after a save or publish, as data: the page says it in the user's language. */
export type CanvasNotice = { kind: 'saved' } | { kind: 'published'; version: number; enteringNow: number };

/** "Published as version 2", and how many members who already qualified enter now when there are any. */
export function publishedNotice(r: PublishedVersion): CanvasNotice {
  return { kind: 'published', version: r.version, enteringNow: r.enteringNow ?? 0 };
}

/** The draft as loaded, passed through the same conversion the canvas uses so an untouched canvas is not "changed". */
function loadedKey(detail: WorkflowDetail): string {
  const definition = flowToDefinition(definitionToFlow(detail.draft), detail.draft);
  return draftKey(draftBody(detail.name, detail.description, definition));
}

export const canvasMachine = setup({
  types: {
    context: {} as CanvasContext,
    input: {} as { workflowId: string },
    events: {} as CanvasEvent,
  },
  actors: {
    // No abort signal: React's strict mode restarts the actor, and an aborted load would land it in "failed".
    loadWorkflow: fromPromise<WorkflowDetail, { id: string }>(({ input }) => getWorkflow(input.id)),
    saveDraft: fromPromise<WorkflowDetail, { id: string; body: SaveDraftBody }>(({ input }) => saveDraft(input.id, input.body)),
    publishWorkflow: fromPromise<PublishedVersion, { id: string; entry?: EntryChoice }>(({ input }) => publishWorkflow(input.id, input.entry)),
  },
  actions: {
    clearMessages: assign({ actionError: null, notice: null, serverViolations: [] }),
    markSaved: assign(({ context }, detail: WorkflowDetail) => ({
      detail,
      savedKey: context.pending ? draftKey(context.pending) : context.savedKey,
    })),
  },
}).createMachine({
  id: 'canvas',
  context: ({ input }) => ({
    workflowId: input.workflowId,
    detail: null,
    savedKey: '',
    pending: null,
    loadError: null,
    actionError: null,
    serverViolations: [],
    notice: null,
    autoSave: false,
  }),
  initial: 'loading',
  on: {
    edited: { actions: 'clearMessages' },
  },
  states: {
    loading: {
      invoke: {
        src: 'loadWorkflow',
        input: ({ context }) => ({ id: context.workflowId }),
        onDone: {
          target: 'editing',
          actions: assign(({ event }) => ({ detail: event.output, savedKey: loadedKey(event.output), loadError: null })),
        },
        onError: { target: 'failed', actions: assign(({ event }) => ({ loadError: errorMessage(event.error) })) },
      },
    },
    failed: {
      on: { retry: 'loading' },
    },
    editing: {
      on: {
        save: { target: 'saving', actions: [assign(({ event }) => ({ pending: event.body, autoSave: event.auto === true })), 'clearMessages'] },
        publish: { target: 'publishing', actions: [assign(({ event }) => ({ pending: event.body, pendingEntry: event.entry })), 'clearMessages'] },
      },
    },
    saving: {
      invoke: {
        src: 'saveDraft',
        input: ({ context }) => ({ id: context.workflowId, body: context.pending! }),
        onDone: {
          target: 'editing',
          actions: [
            { type: 'markSaved', params: ({ event }) => event.output },
            assign(({ context }) => ({ notice: context.autoSave ? null : ({ kind: 'saved' } as const), pending: null })),
          ],
        },
        onError: {
          target: 'editing',
          actions: assign(({ event }) => ({
            actionError: `Could not save the draft. ${errorMessage(event.error)}`,
            pending: null,
          })),
        },
      },
    },
    // Publishing releases the server's draft, so the canvas is saved first.
    publishing: {
      initial: 'savingDraft',
      states: {
        savingDraft: {
          invoke: {
            src: 'saveDraft',
            input: ({ context }) => ({ id: context.workflowId, body: context.pending! }),
            onDone: { target: 'releasing', actions: { type: 'markSaved', params: ({ event }) => event.output } },
            onError: {
              target: '#canvas.editing',
              actions: assign(({ event }) => ({
                actionError: `Could not save the draft. ${errorMessage(event.error)}`,
                pending: null,
              })),
            },
          },
        },
        releasing: {
          invoke: {
            src: 'publishWorkflow',
            input: ({ context }) => ({ id: context.workflowId, entry: context.pendingEntry }),
            onDone: {
              target: 'refreshing',
              actions: assign(({ event }) => ({ notice: publishedNotice(event.output), pending: null })),
            },
            onError: {
              target: '#canvas.editing',
              actions: assign(({ event }) => {
                const err = event.error;
                const violations = err instanceof ApiRequestError ? (err.body?.violations ?? []) : [];
                return {
                  pending: null,
                  serverViolations: violations,
                  actionError:
                    violations.length > 0
                      ? `The server refused to publish: ${violations.length} problem${violations.length > 1 ? 's' : ''} to fix.`
                      : `Could not publish. ${errorMessage(err)}`,
                };
              }),
            },
          },
        },
        // Status and live version change on publish; the canvas itself is already up to date.
        refreshing: {
          invoke: {
            src: 'loadWorkflow',
            input: ({ context }) => ({ id: context.workflowId }),
            onDone: { target: '#canvas.editing', actions: assign(({ event }) => ({ detail: event.output })) },
            onError: { target: '#canvas.editing' },
          },
        },
      },
    },
  },
});
