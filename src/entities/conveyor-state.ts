/**
 * The state of a conveyor at any instant.
 * - `empty`: no item on it;
 * - `running`: carrying items, none of them waiting at the far end;
 * - `stopped`: its head item has reached the far end and cannot be handed on (the destination is
 *   full). A non-accumulating belt stands still as a whole; on an accumulating one the head waits
 *   while the items behind it keep moving until they queue up behind it.
 */
export type ConveyorState = 'empty' | 'running' | 'stopped';

/** Every {@link ConveyorState}, in a fixed order (the index is used as a numeric level). */
export const CONVEYOR_STATES: readonly ConveyorState[] = ['empty', 'running', 'stopped'];
