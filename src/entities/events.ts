import type { ConveyorState } from './conveyor-state.js';
import type { CrewJobRef } from './crew-pool.js';
import type { InspectionOutcome } from './inspection.js';
import type { OperatorJobRef } from './operator-pool.js';
import type { Part } from './part.js';
import type { Position } from './position.js';
import type { RobotJobKind, RobotState } from './robot-state.js';
import type { CrewState, OperatorState, ServerState } from './server-state.js';

/**
 * Everything the entities of a plant publish, with the simulated time `now` (seconds) last.
 * The builder subscribes statistics, traces and live streams to these through `plant.events`.
 */
export interface PlantEvents {
  /** A part entered the system at its source. */
  partReleased: [part: Part, now: number];
  /** A part moved from one holder to another (`from`/`to`: source, buffer, `station/server`, sink ids). */
  partMoved: [part: Part, from: string, to: string, now: number];
  /** A part chose `station` for its routing step `step`, one of the step's alternatives (a routing decision). */
  partRouted: [part: Part, step: number, station: string, now: number];
  /** A due preventive maintenance of plan `plan` was postponed by `delayS` seconds (a maintenance decision). */
  maintenancePostponed: [station: string, server: number, plan: string, delayS: number, now: number];
  /**
   * A server started processing a part. `stationIndex`: the station's position in `plant.stations` (from
   * 0), for listeners that keep per-station figures in arrays.
   */
  processStarted: [part: Part, station: string, server: number, now: number, stationIndex: number];
  /** A server finished processing a part (before inspection and unloading); `stationIndex` as above. */
  processFinished: [part: Part, station: string, server: number, now: number, stationIndex: number];
  /** A part reached its sink and left the system. */
  partFinished: [part: Part, sink: string, now: number];
  /** A part was built into an assembly at station `at` and left the system as a part of its own. */
  partConsumed: [part: Part, at: string, now: number];
  /** An assembly station made a new part from its components (it enters the system there). */
  partAssembled: [part: Part, at: string, now: number];
  /** A part was scrapped at `at` (a station) and left the system. */
  partScrapped: [part: Part, at: string, now: number];
  /** A server changed state; `stationIndex`: the station's position in `plant.stations` (from 0). */
  serverStateChanged: [
    station: string,
    server: number,
    from: ServerState,
    to: ServerState,
    now: number,
    stationIndex: number,
  ];
  /** A buffer's level (number of parts held) changed; `bufferIndex`: its position in `plant.buffers` (from 0). */
  bufferLevelChanged: [buffer: string, level: number, now: number, bufferIndex: number];
  /** A server failed in failure mode `mode`. */
  failed: [station: string, server: number, mode: string, now: number];
  /** A server's repair of failure mode `mode` ended. */
  repaired: [station: string, server: number, mode: string, now: number];
  /** Preventive maintenance of plan `plan` started (the server stopped and asked for a crew). */
  maintenanceStarted: [station: string, server: number, plan: string, now: number];
  /** Preventive maintenance of plan `plan` ended. */
  maintenanceEnded: [station: string, server: number, plan: string, now: number];
  /** A server started changing over from product `from` to product `to` (state `setup`). */
  setupStarted: [station: string, server: number, from: string, to: string, now: number];
  /**
   * A part was inspected right after processing at `station`; `first` when it is its first inspection
   * there (not after a rework).
   */
  inspected: [station: string, part: Part, outcome: InspectionOutcome, now: number, first: boolean];
  /** A station's (or crew pool's) working time began (`on`) or ended. */
  shiftChanged: [entity: string, on: boolean, now: number];
  /** A crew of a pool changed state. */
  crewStateChanged: [pool: string, crew: string, from: CrewState, to: CrewState, now: number];
  /**
   * A crew set off from `from` to `to` (metres) for a job, in a straight line, arriving at `arriveS`
   * (seconds; travel by distance, or a fixed or drawn time over the same line). Published at every trip
   * between known, different positions, so a viewer can interpolate.
   */
  crewMoved: [pool: string, crew: string, from: Position, to: Position, arriveS: number, now: number];
  /** A crew took a job (it sets off for the machine) or, with `job` `null`, finished its job. */
  crewJobChanged: [pool: string, crew: string, job: CrewJobRef | null, now: number];
  /** An operator of a pool changed state (`travelling`: walking to a machine). */
  operatorStateChanged: [pool: string, operator: string, from: OperatorState, to: OperatorState, now: number];
  /**
   * An operator arrived at server `server` of `station` and starts working there (state `working` until
   * the station releases her; `operatorStateChanged` follows when she leaves).
   */
  operatorAssigned: [pool: string, operator: string, station: string, server: number, now: number];
  /**
   * An operator set off from `from` to `to` (metres) for a job, in a straight line, arriving at `arriveS`
   * (seconds), as {@link PlantEvents.crewMoved} for a crew.
   */
  operatorMoved: [pool: string, operator: string, from: Position, to: Position, arriveS: number, now: number];
  /**
   * An operator took a job (she sets off for the machine) or, with `job` `null`, was released by the
   * station.
   */
  operatorJobChanged: [pool: string, operator: string, job: OperatorJobRef | null, now: number];
  /** A robot of a fleet changed state. */
  robotStateChanged: [fleet: string, robot: string, from: RobotState, to: RobotState, now: number];
  /**
   * A robot set off from `from` to `to` (metres) at `speedMps` (m/s), in a straight line: it arrives at
   * `now + distance / speedMps`. Published at every trip start (none for a trip of 0 m), so a viewer can
   * interpolate; each trip of a robot starts where its previous one ended.
   */
  robotMoved: [fleet: string, robot: string, from: Position, to: Position, speedMps: number, now: number];
  /** A robot took a job requested at `requestedS` (seconds) and set off for the pickup. */
  robotJobStarted: [
    fleet: string,
    robot: string,
    kind: RobotJobKind,
    part: Part,
    requestedS: number,
    now: number,
  ];
  /** A robot finished a job: the part is placed (on the machine, or handed to its destination). */
  robotJobDone: [
    fleet: string,
    robot: string,
    kind: RobotJobKind,
    part: Part,
    requestedS: number,
    now: number,
  ];
  /** The number of items on a conveyor changed. */
  conveyorLevelChanged: [conveyor: string, level: number, now: number];
  /** A conveyor changed state. */
  conveyorStateChanged: [conveyor: string, from: ConveyorState, to: ConveyorState, now: number];
  /**
   * An item on a conveyor changed speed: it entered (at position 0), stopped or restarted.
   * `positionM` is its distance from the entrance, metres; `speedMps` its speed from now on, m/s
   * (0 or the conveyor's speed). Between two of these an item moves uniformly, so a viewer can place
   * it exactly; it leaves the conveyor with the `partMoved` event whose `from` is the conveyor.
   * Only published while someone listens (checked with `has`).
   */
  conveyorItemMoved: [conveyor: string, partId: number, positionM: number, speedMps: number, now: number];
}
