/**
 * The trace writer's fast path: what the plant publishes, encoded straight into a {@link FrameEncoder}
 * field by field, without building frame objects. The bytes are exactly those of
 * `encoder.encode(frame)` for the frames of `subscribeFrames` (a test holds the two to it).
 */
import { distanceM, type Plant } from '../entities/index.js';
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

/**
 * Subscribes to `plant.events`, encoding one frame per event into `enc`; `touched(t)` is called after each
 * with the frame's time (s).
 * @returns a function that unsubscribes.
 */
export function subscribeEncoded(plant: Plant, enc: FrameEncoder, touched: (t: number) => void): () => void {
  const ev = plant.events;
  const upkeep = (k: FrameKind) => {
    const c = code(k);
    return (station: string, server: number, what: string, t: number) => {
      enc.head(c, t);
      enc.str(station);
      enc.uint(server);
      enc.str(what);
      touched(t);
    };
  };
  const left = (why: string) => (part: { id: number }, at: string, t: number) => {
    enc.head(LEFT, t);
    enc.uint(part.id);
    enc.str(why);
    enc.str(at);
    touched(t);
  };
  const process =
    (c: number) =>
    (part: { id: number }, station: string, server: number, t: number): void => {
      enc.head(c, t);
      enc.uint(part.id);
      enc.str(station);
      enc.uint(server);
      touched(t);
    };
  const off = [
    ev.on('partReleased', (part, t) => {
      enc.head(RELEASED, t);
      enc.uint(part.id);
      enc.str(part.product);
      enc.str(part.source);
      enc.bool(false);
      enc.float(part.releaseS);
      touched(t);
    }),
    ev.on('partAssembled', (part, at, t) => {
      enc.head(RELEASED, t);
      enc.uint(part.id);
      enc.str(part.product);
      enc.str(at);
      enc.bool(true);
      enc.float(part.releaseS);
      touched(t);
    }),
    ev.on('partMoved', (part, from, to, t) => {
      enc.head(MOVED, t);
      enc.uint(part.id);
      enc.str(from);
      enc.str(to);
      touched(t);
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
      touched(t);
    }),
    ev.on('failed', upkeep('failed')),
    ev.on('repaired', upkeep('repaired')),
    ev.on('maintenanceStarted', upkeep('maintenance-started')),
    ev.on('maintenanceEnded', upkeep('maintenance-ended')),
    ev.on('setupStarted', (station, server, _from, to, t) => upkeep('setup-started')(station, server, to, t)),
    ev.on('inspected', (station, part, outcome, t) => {
      enc.head(INSPECTED, t);
      enc.str(station);
      enc.uint(part.id);
      enc.str(outcome);
      touched(t);
    }),
    ev.on('bufferLevelChanged', (buffer, level, t) => {
      enc.head(BUFFER, t);
      enc.str(buffer);
      enc.uint(level);
      touched(t);
    }),
    ev.on('shiftChanged', (entity, on, t) => {
      enc.head(SHIFT, t);
      enc.str(entity);
      enc.bool(on);
      touched(t);
    }),
    ev.on('conveyorStateChanged', (conveyor, _from, state, t) => {
      enc.head(CONVEYOR, t);
      enc.str(conveyor);
      enc.str(state);
      touched(t);
    }),
    ev.on('conveyorItemMoved', (conveyor, part, positionM, speedMps, t) => {
      enc.head(ITEM, t);
      enc.str(conveyor);
      enc.uint(part);
      enc.float(positionM);
      enc.float(speedMps);
      touched(t);
    }),
    ev.on('robotStateChanged', (fleet, robot, _from, state, t) => {
      enc.head(ROBOT, t);
      enc.str(fleet);
      enc.str(robot);
      enc.str(state);
      touched(t);
    }),
    ev.on('robotJobStarted', (fleet, robot, kind, part, _requestedS, t) => {
      enc.head(ROBOT_JOB, t);
      enc.str(fleet);
      enc.str(robot);
      enc.str('start');
      enc.str(kind);
      enc.uint(part.id);
      touched(t);
    }),
    ev.on('robotJobDone', (fleet, robot, kind, part, _requestedS, t) => {
      enc.head(ROBOT_JOB, t);
      enc.str(fleet);
      enc.str(robot);
      enc.str('done');
      enc.str(kind);
      enc.uint(part.id);
      touched(t);
    }),
    ev.on('robotMoved', (fleet, robot, from, to, speedMps, t) => {
      enc.encode({
        k: 'robot-move',
        t,
        group: fleet,
        member: robot,
        from,
        to,
        arriveT: t + distanceM(from, to) / speedMps,
      });
      touched(t);
    }),
    ev.on('crewStateChanged', (pool, crew, _from, state, t) => {
      enc.head(CREW, t);
      enc.str(pool);
      enc.str(crew);
      enc.str(state);
      touched(t);
    }),
    ev.on('crewJobChanged', (pool, crew, job, t) => {
      enc.head(CREW_JOB, t);
      enc.str(pool);
      enc.str(crew);
      enc.json(job === null ? null : { kind: job.kind, station: job.station, server: job.server });
      touched(t);
    }),
    ev.on('crewMoved', (pool, crew, from, to, arriveT, t) => {
      enc.encode({ k: 'crew-move', t, group: pool, member: crew, from, to, arriveT });
      touched(t);
    }),
    ev.on('operatorStateChanged', (pool, op, _from, state, t) => {
      enc.head(OPERATOR, t);
      enc.str(pool);
      enc.str(op);
      enc.str(state);
      touched(t);
    }),
    ev.on('operatorJobChanged', (pool, op, job, t) => {
      enc.head(OPERATOR_JOB, t);
      enc.str(pool);
      enc.str(op);
      enc.json(job === null ? null : { task: job.task, station: job.station, server: job.server });
      touched(t);
    }),
    ev.on('operatorMoved', (pool, op, from, to, arriveT, t) => {
      enc.encode({ k: 'operator-move', t, group: pool, member: op, from, to, arriveT });
      touched(t);
    }),
  ];
  return () => {
    for (const f of off) f();
  };
}
