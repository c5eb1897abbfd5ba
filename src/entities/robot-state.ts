/**
 * The exact state of one robot of a {@link RobotFleet} at any instant.
 * - `idle`: free, waiting for a job where it stands (or at its park);
 * - `travelling-empty`: driving without a part, to a pickup or back to its park;
 * - `picking`: picking a part up (from a pickup spot, a station queue or a machine);
 * - `travelling-loaded`: driving with a part to where it drops it;
 * - `placing`: putting the part down;
 * - `waiting`: holding a part because its destination is full, until a slot frees.
 *
 * Every state except `idle` counts as utilised time.
 */
export type RobotState =
  | 'idle'
  | 'travelling-empty'
  | 'picking'
  | 'travelling-loaded'
  | 'placing'
  | 'waiting';

/** Every {@link RobotState}, in a fixed order (the index is used as a numeric level). */
export const ROBOT_STATES: readonly RobotState[] = [
  'idle',
  'travelling-empty',
  'picking',
  'travelling-loaded',
  'placing',
  'waiting',
];

/**
 * What a robot job does:
 * - `transport`: carries a part from the machine it left to its next station (or sink) — a product hop
 *   with `via: <fleet>`;
 * - `load`: brings a part from a tended station's queue onto its machine;
 * - `unload`: takes a processed part off a tended machine and carries it to its next destination.
 */
export type RobotJobKind = 'transport' | 'load' | 'unload';

/** Every {@link RobotJobKind}, in a fixed order. */
export const ROBOT_JOB_KINDS: readonly RobotJobKind[] = ['transport', 'load', 'unload'];
