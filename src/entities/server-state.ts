/**
 * The exact state of one server of a station at any instant.
 * - `busy`: processing a part;
 * - `idle`: starved, nothing to process;
 * - `blocked`: holding a processed part because the next destination is full (blocking after service);
 * - `down-waiting`: failed, waiting for a repair crew (travel time included);
 * - `repair`: a crew is repairing it;
 * - `maintenance`: preventive maintenance, waiting for the crew included;
 * - `setup`: changing over from one product to another (sequence-dependent setup);
 * - `handling`: waiting for a robot to load or unload it, or being loaded/unloaded (robot cell);
 * - `off-shift`: outside its shift calendar (holding an interrupted part, or empty);
 * - `waiting-operator`: holding a part, waiting for an operator of its pool to come (walk included) for
 *   a load, a setup, the processing or an unload that needs one.
 */
export type ServerState =
  | 'busy'
  | 'idle'
  | 'blocked'
  | 'down-waiting'
  | 'repair'
  | 'maintenance'
  | 'setup'
  | 'handling'
  | 'off-shift'
  | 'waiting-operator';

/** Every {@link ServerState}, in a fixed order (the index is used as a numeric level). */
export const SERVER_STATES: readonly ServerState[] = [
  'busy',
  'idle',
  'blocked',
  'down-waiting',
  'repair',
  'maintenance',
  'setup',
  'handling',
  'off-shift',
  'waiting-operator',
];

/**
 * State of one worker of a pool (a crew or an operator): `travelling` (walking to a machine), `working`
 * (at the machine until released), `idle`, `off-shift` (outside its shift calendar).
 */
export type WorkerState = 'idle' | 'travelling' | 'working' | 'off-shift';

/** State of one repair crew (`off-shift`: outside its shift calendar). */
export type CrewState = WorkerState;

/** State of one machine operator (`travelling`: walking to a machine). */
export type OperatorState = WorkerState;

/** Every {@link CrewState}, in a fixed order. */
export const CREW_STATES: readonly CrewState[] = ['idle', 'travelling', 'working', 'off-shift'];
