import type { NodeKind } from '@memberflow/shared/node-kind';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';
import { nodeForms } from './node-forms.ts';

/** The form's field names as the inspector shows them (form.<kind>.<field>), for naming a field in a problem. */
export function localFieldLabels(kind: NodeKind, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, english] of Object.entries(nodeForms[kind].fieldLabels as Record<string, string>)) {
    const key = `form.${kind}.${field}`;
    out[field] = key in enMessages ? t(key as MessageKey) : english;
  }
  return out;
}
