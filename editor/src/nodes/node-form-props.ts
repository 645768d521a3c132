/** What every per-kind inspector form receives. The config may be half-edited, so it is not typed per kind. */
export interface NodeFormProps {
  /** Prefix for element ids, unique per node. */
  idPrefix: string;
  /** The step's id on the canvas, for forms that read the steps around it (the message preview's coupon). */
  nodeId?: string;
  config: Record<string, unknown>;
  /** Validation messages keyed by path inside the config, e.g. "timeout.amount". */
  errors: Record<string, string>;
  onChange: (config: Record<string, unknown>) => void;
}
