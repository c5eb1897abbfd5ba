/**
 * The trace writer's fast path: what the plant publishes, encoded straight into a {@link FrameEncoder}
 * field by field, without building frame objects. The bytes are exactly those of
 * `encoder.encode(frame)` for the frames of `subscribeFrames` (a test holds the two to it).
 */
import { distanceM, type Plant, type Position } from '../entities/index.js';
import { type FrameEncoder, KIND_CODE } from './codec.js';
import type { FrameKind } from './frames.js';

const code = (k: FrameKind): number => KIND_CODE.get(k)!;
const RELEASED = code('released');
const MOVED = code('moved');
const LEFT = code('left');
const STARTED = code('started');
const FINISHED = code('finished');
const SERVER = code('server');
const BUFFER = code('buffer');
const SHIFT = code('shift');
const CONVEYOR = code('conveyor');
const ITEM = code('item');
const ROBOT = code('robot');
const ROBOT_JOB = code('robot-job');
const CREW = code('crew');
const CREW_JOB = code('crew-job');
const OPERATOR = code('operator');
const OPERATOR_JOB = code('operator-job');
const INSPECTED = code('inspected');

const FAILED = code('failed');
const REPAIRED = code('repaired');
const MAINTENANCE_STARTED = code('maintenance-started');
const MAINTENANCE_ENDED = code('maintenance-ended');
const SETUP_STARTED = code('setup-started');
const ROBOT_MOVE = code('robot-move');
const CREW_MOVE = code('crew-move');
const OPERATOR_MOVE = code('operator-move');

/**
 * Subscribes to `plant.events`, encoding one frame per event into `enc` (whose `lastT` is then the time of
 * the last frame). Every listener is made once here: no closure, array or object per event.
 * @returns a function that unsubscribes.
 */
export function subscribeEncoded(plant: Plant, enc: FrameEncoder): () => void {
  const ev = plant.events;
  const upkeep = (c: number) => {
    return (station: string, server: number, what: string, t: number) => {
      enc.head(c, t);
      enc.str(station);
      enc.uint(server);
      enc.str(what);
    };
  };
  const left = (why: string) => (part: { id: number }, at: string, t: number) => {
    enc.head(LEFT, t);
    enc.uint(part.id);
    enc.str(why);
    enc.str(at);
  };
  const robotJob =
    (phase: 'start' | 'done') =>
    (fleet: string, robot: string, kind: string, part: { id: number }, _requestedS: number, t: number) => {
      enc.head(ROBOT_JOB, t);
      enc.str(fleet);
      enc.str(robot);
      enc.str(phase);
      enc.str(kind);
      enc.uint(part.id);
    };
  const process =
    (c: number) =>
    (part: { id: number }, station: string, server: number, t: number): void => {
      enc.head(c, t);
      enc.uint(part.id);
      enc.str(station);
      enc.uint(server);
    };
  const motion = (
    c: number,
    t: number,
    group: string,
    member: string,
    from: Position,
    to: Position,
    arriveT: number,
  ) => {
    enc.head(c, t);
    enc.str(group);
    enc.str(member);
    enc.point(from.x, from.y);
    enc.point(to.x, to.y);
    enc.float(arriveT);
  };
  const off = [
    ev.on('partReleased', (part, t) => {
      enc.head(RELEASED, t);
      enc.uint(part.id);
      enc.str(part.product);
      enc.str(part.source);
      enc.bool(false);
      enc.float(part.releaseS);
    }),
    ev.on('partAssembled', (part, at, t) => {
      enc.head(RELEASED, t);
      enc.uint(part.id);
      enc.str(part.product);
      enc.str(at);
      enc.bool(true);
      enc.float(part.releaseS);
    }),
    ev.on('partMoved', (part, from, to, t) => {
      enc.head(MOVED, t);
      enc.uint(part.id);
      enc.str(from);
      enc.str(to);
    }),
    ev.on('partFinished', left('finished')),
    ev.on('partScrapped', left('scrapped')),
    ev.on('partConsumed', left('consumed')),
    ev.on('processStarted', process(STARTED)),
    ev.on('processFinished', process(FINISHED)),
    ev.on('serverStateChanged', (station, server, _from, state, t) => {
      enc.head(SERVER, t);
      enc.str(station);
      enc.uint(server);
      enc.str(state);
    }),
    ev.on('failed', upkeep(FAILED)),
    ev.on('repaired', upkeep(REPAIRED)),
    ev.on('maintenanceStarted', upkeep(MAINTENANCE_STARTED)),
    ev.on('maintenanceEnded', upkeep(MAINTENANCE_ENDED)),
    ev.on('setupStarted', (station, server, _from, to, t) => {
      enc.head(SETUP_STARTED, t);
      enc.str(station);
      enc.uint(server);
      enc.str(to);
    }),
    ev.on('inspected', (station, part, outcome, t) => {
      enc.head(INSPECTED, t);
      enc.str(station);
      enc.uint(part.id);
      enc.str(outcome);
    }),
    ev.on('bufferLevelChanged', (buffer, level, t) => {
      enc.head(BUFFER, t);
      enc.str(buffer);
      enc.uint(level);
    }),
    ev.on('shiftChanged', (entity, on, t) => {
      enc.head(SHIFT, t);
      enc.str(entity);
      enc.bool(on);
    }),
    ev.on('conveyorStateChanged', (conveyor, _from, state, t) => {
      enc.head(CONVEYOR, t);
      enc.str(conveyor);
      enc.str(state);
    }),
    ev.on('conveyorItemMoved', (conveyor, part, positionM, speedMps, t) => {
      enc.head(ITEM, t);
      enc.str(conveyor);
      enc.uint(part);
      enc.float(positionM);
      enc.float(speedMps);
    }),
    ev.on('robotStateChanged', (fleet, robot, _from, state, t) => {
      enc.head(ROBOT, t);
      enc.str(fleet);
      enc.str(robot);
      enc.str(state);
    }),
    ev.on('robotJobStarted', robotJob('start')),
    ev.on('robotJobDone', robotJob('done')),
    ev.on('robotMoved', (fleet, robot, from, to, speedMps, t) => {
      motion(ROBOT_MOVE, t, fleet, robot, from, to, t + distanceM(from, to) / speedMps);
    }),
    ev.on('crewStateChanged', (pool, crew, _from, state, t) => {
      enc.head(CREW, t);
      enc.str(pool);
      enc.str(crew);
      enc.str(state);
    }),
    ev.on('crewJobChanged', (pool, crew, job, t) => {
      enc.head(CREW_JOB, t);
      enc.str(pool);
      enc.str(crew);
      enc.json(job === null ? null : { kind: job.kind, station: job.station, server: job.server });
    }),
    ev.on('crewMoved', (pool, crew, from, to, arriveT, t) => {
      motion(CREW_MOVE, t, pool, crew, from, to, arriveT);
    }),
    ev.on('operatorStateChanged', (pool, op, _from, state, t) => {
      enc.head(OPERATOR, t);
      enc.str(pool);
      enc.str(op);
      enc.str(state);
    }),
    ev.on('operatorJobChanged', (pool, op, job, t) => {
      enc.head(OPERATOR_JOB, t);
      enc.str(pool);
      enc.str(op);
      enc.json(job === null ? null : { task: job.task, station: job.station, server: job.server });
    }),
    ev.on('operatorMoved', (pool, op, from, to, arriveT, t) => {
      motion(OPERATOR_MOVE, t, pool, op, from, to, arriveT);
    }),
  ];
  return () => {
    for (const f of off) f();
  };
}
