import type { ShiftCalendar } from '../shift-calendar.js';
import type { Server } from './server.js';
import type { ServerTransitions } from './server-machine.js';
import type { Station } from './station.js';

/**
 * The working time of a station under its shift calendar (always on shift without one).
 *
 * Rules (unchanged from when they lived in `Station`):
 * - At the end of a shift an idle server goes `off-shift` at once; a busy one stops at once with
 *   `atShiftEnd: 'stop'` (keeping its part and remaining work), else it finishes. Any other server
 *   finishes what it is doing (a part, a repair, a setup, an unload) and rests when next free.
 * - At the start of a shift every `off-shift` server comes up, in server order.
 * - Each change is published as `shiftChanged` before any server moves.
 * @internal
 */
export class ShiftControl {
  private on = true;

  constructor(
    private readonly station: Pick<Station, 'id' | 'plant'>,
    private readonly calendar: ShiftCalendar | undefined,
    /** `atShiftEnd: 'stop'`: busy servers stop at the end of the shift instead of finishing their part. */
    readonly stopAtShiftEnd: boolean,
    private readonly servers: readonly Server[],
    private readonly to: ServerTransitions,
  ) {}

  /** `true` while the station is within its working time. */
  get onShift(): boolean {
    return this.on;
  }

  /** `true` when a server about to work must rest instead: off shift under `atShiftEnd: 'stop'`. */
  get holdsWork(): boolean {
    return !this.on && this.stopAtShiftEnd;
  }

  /**
   * Reads the calendar at creation and arms the first shift change.
   * @returns whether the station starts on shift (the caller puts its servers off shift otherwise).
   */
  begin(): boolean {
    if (this.calendar === undefined) return true;
    this.on = this.calendar.isOn(this.station.plant.sim.now);
    this.scheduleChange();
    return this.on;
  }

  private scheduleChange(): void {
    const st = this.station;
    const sim = st.plant.sim;
    const next = this.calendar!.nextChange(sim.now);
    if (next === Number.POSITIVE_INFINITY) return;
    sim.scheduleAt(next, () => {
      this.on = !this.on;
      st.plant.events.emit('shiftChanged', st.id, this.on, sim.now);
      for (const s of this.servers) {
        if (this.on) {
          if (s.state === 'off-shift') this.to.becomeUp(s);
        } else if (s.state === 'idle') {
          this.to.setState(s, 'off-shift');
        } else if (s.state === 'busy' && this.stopAtShiftEnd) {
          this.to.interrupt(s);
          this.to.setState(s, 'off-shift');
        }
        // Otherwise it finishes what it is doing (a part, a repair, a setup, an unload) and then rests.
      }
      this.scheduleChange();
    });
  }
}
