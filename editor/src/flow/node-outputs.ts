import type { NodeKind } from '@memberflow/shared/node-kind';
import type { OutputHandle } from '@memberflow/shared/node-module';
import { nodeModule } from '@memberflow/shared/node-registry';
import { z } from 'zod';

/**
 * The config to draw a node with. A half-edited config cannot be handed to `outputs()` or
 * `summary()` as is, so each valid top-level field is laid over the kind's defaults: the
 * handles keep their ids and the labels stay as close to the user's input as possible.
 */
function drawableConfig(kind: NodeKind, config: Record<string, unknown>): { config: Record<string, unknown>; valid: boolean } {
  const mod = nodeModule(kind);
  const parsed = mod.config.safeParse(config);
  if (parsed.success) return { config: parsed.data, valid: true };
  const merged: Record<string, unknown> = { ...mod.defaults() };
  if (mod.config instanceof z.ZodObject) {
    const shape = mod.config.shape as Record<string, z.ZodType>;
    for (const [key, field] of Object.entries(shape)) {
      const value = field.safeParse(config[key]);
      if (value.success && value.data !== undefined) merged[key] = value.data;
    }
  }
  const checked = mod.config.safeParse(merged);
  return { config: checked.success ? checked.data : mod.defaults(), valid: false };
}

/** The config as drawn: parsed with the kind's defaults, or the nearest valid one while half-edited. */
export function nodeDrawConfig(kind: NodeKind, config: Record<string, unknown>): Record<string, unknown> {
  return drawableConfig(kind, config).config;
}

export function nodeOutputs(kind: NodeKind, config: Record<string, unknown>): readonly OutputHandle[] {
  return nodeModule(kind).outputs(drawableConfig(kind, config).config);
}

/** The one-line summary, or null while the config has problems (the node shows them instead). */
export function nodeSummary(kind: NodeKind, config: Record<string, unknown>): string | null {
  const { config: c, valid } = drawableConfig(kind, config);
  return valid ? nodeModule(kind).summary(c) : null;
}
