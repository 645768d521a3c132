/** Rejects when `work` has not settled within `ms`: a call to a store that might never answer. */
export function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work(), late]).finally(() => clearTimeout(timer));
}
