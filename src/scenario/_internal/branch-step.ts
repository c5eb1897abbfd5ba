// Apart from product-schema.ts so that the model builder (and worker threads, which build models without
// validating) can use it without loading the schema library.

/** The target of a branch that leaves the routing: the product's sink. */
export const BRANCH_TO_SINK = 'sink';

/**
 * The routing step index of each station of a routing (`stations.get(id)` lists every step that visits it,
 * as its one station or one of its alternatives).
 */
export function stepsByStation(
  routing: readonly { readonly station: string | readonly string[] }[],
): Map<string, number[]> {
  const at = new Map<string, number[]>();
  routing.forEach((s, j) => {
    for (const id of typeof s.station === 'string' ? [s.station] : s.station) {
      const list = at.get(id) ?? [];
      if (!list.includes(j)) list.push(j);
      at.set(id, list);
    }
  });
  return at;
}

/**
 * The step a branch target names in a routing: the one step visiting station `to`, or `routing.length`
 * for {@link BRANCH_TO_SINK}; `undefined` when it names none or several (a validation problem).
 */
export function branchStep(
  routing: readonly { readonly station: string | readonly string[] }[],
  to: string,
): number | undefined {
  const steps = stepsByStation(routing).get(to);
  if (steps === undefined) return to === BRANCH_TO_SINK ? routing.length : undefined;
  return steps.length === 1 && to !== BRANCH_TO_SINK ? steps[0] : undefined;
}
