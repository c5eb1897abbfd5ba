import type { Distribution } from '../../engine/index.js';

/** The wildcard product of a setup table: `'*'` stands for any product. */
export const ANY_PRODUCT = '*';

/**
 * A station's sequence-dependent setup table, from product → to product → setup time (a distribution of
 * seconds). Either key may be {@link ANY_PRODUCT}: `'*': { A: 5min }` (from any product to A),
 * `A: { '*': 3min }` (from A to any other), `'*': { '*': 2min }` (any change of product).
 */
export type SetupTable = Readonly<Record<string, Readonly<Record<string, Distribution>>>>;

/**
 * The setup time distribution (seconds) for a change from `from` to `to`, or `undefined` for none. The
 * most specific entry wins, in this order:
 * 1. the exact pair `from → to`;
 * 2. `'*' → to` (the setup the incoming product needs, whatever ran before: tooling, programs);
 * 3. `from → '*'` (the clean-out after the outgoing product, whatever comes next);
 * 4. `'*' → '*'` (any change).
 *
 * A product after itself never needs a setup, nor does a server's first part (`from` undefined),
 * whatever the table says.
 */
export function setupFor(
  table: SetupTable | undefined,
  from: string | undefined,
  to: string,
): Distribution | undefined {
  if (table === undefined || from === undefined || from === to) return undefined;
  const row = own(table, from);
  const any = own(table, ANY_PRODUCT);
  return own(row, to) ?? own(any, to) ?? own(row, ANY_PRODUCT) ?? own(any, ANY_PRODUCT);
}

/** `record[key]` if it is the record's own entry (never an inherited `constructor` or `toString`). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
