/**
 * The exact state of one server of a station at any instant.
 * - `busy`: processing a part;
 * - `idle`: starved, nothing to process;
 * - `blocked`: holding a processed part because the next destination is full (blocking after service);
 * - `down-waiting`: failed, waiting for a repair crew (travel time included);
 * - `repair`: a crew is repairing it;
 * - `maintenance`: preventive maintenance, waiting for the crew included.
 */
export type ServerState = 'busy' | 'idle' | 'blocked' | 'down-waiting' | 'repair' | 'maintenance';

/** Every {@link ServerState}, in a fixed order (the index is used as a numeric level). */
export const SERVER_STATES: readonly ServerState[] = [
  'busy',
  'idle',
  'blocked',
  'down-waiting',
  'repair',
  'maintenance',
];

/** State of one repair crew. */
export type CrewState = 'idle' | 'travelling' | 'working';

/** Every {@link CrewState}, in a fixed order. */
export const CREW_STATES: readonly CrewState[] = ['idle', 'travelling', 'working'];
