import type { DecisionKind } from './contract.js';

/** Every {@link DecisionKind}, in a fixed order (the index is the kind's numeric code in observations). */
export const DECISION_KINDS: readonly DecisionKind[] = [
  'dispatch',
  'routing',
  'crew',
  'transport',
  'maintenance',
  'operator',
];
