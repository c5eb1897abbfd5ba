import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, type Distribution, Exponential, Simulation } from '../../src/engine/index.js';
import {
  Buffer as PartBuffer,
  Plant,
  type Position,
  ROBOT_STATES,
  RobotFleet,
  RobotStatistics,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';
import { TRANSPORT_RULES } from '../../src/policies/index.js';

/**
 * A random plant served by one robot fleet: a serial line whose hops go by robot or directly, and whose
 * stations may be robot cells tended by the same fleet.
 */
interface RobotPlantSpec {
  readonly seed: number;
  readonly interarrivalS: number;
  readonly stations: readonly {
    readonly at: Position | null;
    readonly servers: number;
    readonly capacity: number;
    readonly processS: number;
    /** Loaded and unloaded by the fleet's robots (a robot cell). */
    readonly tended: boolean;
  }[];
  /** Per hop (source → S0, …, last → sink): by robot? */
  readonly byRobot: readonly boolean[];
  readonly robots: readonly (Position | null)[];
  readonly park: Position;
  readonly returnHome: boolean;
  readonly speeds: readonly [number, number];
  readonly handling: 'constant' | 'exponential';
  readonly rule: 'fifo' | 'nearest';
  /** Stop-and-resume points, s from the previous one. */
  readonly cuts: readonly number[];
}

const position = fc.record({ x: fc.integer({ min: 0, max: 40 }), y: fc.integer({ min: 0, max: 40 }) });

const robotPlantSpec: fc.Arbitrary<RobotPlantSpec> = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  interarrivalS: fc.double({ min: 3, max: 40, noNaN: true }),
  stations: fc.array(
    fc.record({
      at: fc.option(position, { freq: 5 }),
      servers: fc.integer({ min: 1, max: 2 }),
      capacity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.POSITIVE_INFINITY)),
      processS: fc.double({ min: 0.5, max: 15, noNaN: true }),
      tended: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  byRobot: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  robots: fc.array(fc.option(position, { freq: 3 }), { minLength: 1, maxLength: 3 }),
  park: position,
  returnHome: fc.boolean(),
  speeds: fc.tuple(
    fc.double({ min: 0.5, max: 3, noNaN: true }),
    fc.double({ min: 0.5, max: 3, noNaN: true }),
  ),
  handling: fc.constantFrom('constant', 'exponential'),
  rule: fc.constantFrom('fifo', 'nearest'),
  cuts: fc.array(fc.double({ min: 1, max: 600, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

function build(spec: RobotPlantSpec) {
  const sim = new Simulation({ seed: spec.seed });
  const plant = new Plant(sim);
  const ids = spec.stations.map((_, i) => `S${i}`);
  const via = ids.map((_, i) => (spec.byRobot[i] ? 'agv' : undefined));
  via.push(spec.byRobot[ids.length] ? 'agv' : undefined);
  plant.addProduct({ id: 'p', routing: ids, via, sink: 'out' });
  new Sink(plant, { id: 'out' });
  const handling = (mean: number): Distribution =>
    spec.handling === 'constant' ? new Constant({ value: mean }) : new Exponential({ mean });
  const fleet = new RobotFleet(plant, {
    id: 'agv',
    robots: spec.robots.map((home, i) => ({ id: `r${i}`, ...(home === null ? {} : { home }) })),
    park: spec.park,
    returnHome: spec.returnHome,
    speedEmptyMps: spec.speeds[0],
    speedLoadedMps: spec.speeds[1],
    pickTime: handling(1),
    placeTime: handling(1.5),
    dispatch: TRANSPORT_RULES[spec.rule],
  });
  spec.stations.forEach((s, i) => {
    new Station(plant, {
      id: ids[i]!,
      servers: s.servers,
      ...(s.at === null ? {} : { position: s.at }),
      input: new PartBuffer(plant, { id: `${ids[i]}/in`, capacity: s.capacity }),
      processTimes: { p: new Exponential({ mean: s.processS }) },
      ...(s.tended ? { tender: fleet } : {}),
    });
  });
  new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: spec.interarrivalS }) });
  const stats = new RobotStatistics(plant);
  return { sim, plant, fleet, stats };
}

/** Problems seen by watching the events of a plant with fleet `agv`; empty when every invariant holds. */
function watch(plant: Plant, fleet: RobotFleet) {
  const problems: string[] = [];
  const robotKeys = new Set(fleet.robotIds.map((r) => `agv/${r}`));
  const holder = new Map<number, string>();
  const carrying = new Map<string, number>();
  const lastTrip = new Map<string, { to: Position; arriveS: number }>();
  const state = new Map<string, string>(fleet.robotIds.map((r) => [r, fleet.robotState(r)]));
  plant.events.on('partReleased', (part) => holder.set(part.id, part.location));
  plant.events.on('partMoved', (part, from, to, t) => {
    if (holder.get(part.id) !== from)
      problems.push(`part ${part.id} moved from ${from}, held by ${holder.get(part.id)} @${t}`);
    holder.set(part.id, to);
    if (robotKeys.has(from)) {
      if (carrying.get(from) !== part.id)
        problems.push(`${from} put down part ${part.id} it did not hold @${t}`);
      carrying.delete(from);
    }
    if (robotKeys.has(to)) {
      if (carrying.has(to)) problems.push(`${to} picked part ${part.id} holding ${carrying.get(to)} @${t}`);
      carrying.set(to, part.id);
    }
  });
  plant.events.on('partFinished', (part) => holder.delete(part.id));
  plant.events.on('robotStateChanged', (_f, robot, from, to, t) => {
    if (state.get(robot) !== from) problems.push(`${robot} left ${from} but was ${state.get(robot)} @${t}`);
    state.set(robot, to);
  });
  plant.events.on('robotMoved', (_f, robot, from, to, speedMps, t) => {
    const prev = lastTrip.get(robot);
    if (prev !== undefined) {
      if (prev.to.x !== from.x || prev.to.y !== from.y) {
        problems.push(
          `${robot} set off from (${from.x}, ${from.y}), last trip ended at (${prev.to.x}, ${prev.to.y})`,
        );
      }
      if (t < prev.arriveS - 1e-9)
        problems.push(`${robot} set off at ${t} before arriving at ${prev.arriveS}`);
    }
    lastTrip.set(robot, { to, arriveS: t + Math.hypot(to.x - from.x, to.y - from.y) / speedMps });
  });
  return { problems, holder, carrying, state };
}

/**
 * Invariants of robot fleets over random serial lines (robot or direct hops, finite buffers, tended
 * stations, 1–3 robots with or without homes, return home or not, fifo or nearest), each run stopped and
 * resumed at random points. (A tended line can jam — robots holding parts for a full queue whose machine
 * waits for a robot — and the invariants must hold then too.) About 0.6 s for 100 runs.
 */
describe('robot fleet invariants (random plants)', () => {
  it('parts are never carried by two robots nor lost; state durations sum to the elapsed time; robots move continuously', () => {
    fc.assert(
      fc.property(robotPlantSpec, (spec) => {
        const { sim, plant, fleet, stats } = build(spec);
        const w = watch(plant, fleet);
        for (const dt of spec.cuts) {
          plant.run({ until: sim.now + dt });
          expect(w.problems).toEqual([]);
          expect(plant.released).toBe(plant.finished + plant.inSystem);
          for (const part of plant.partsInSystem()) expect(part.location).toBe(w.holder.get(part.id));
          expect(w.holder.size).toBe(plant.inSystem);
          const durations = stats.stateDurations('agv');
          for (const r of fleet.robotIds) {
            expect(fleet.robotState(r)).toBe(w.state.get(r));
            const sum = ROBOT_STATES.reduce((acc, s) => acc + durations[r]![s], 0);
            expect(sum).toBeCloseTo(sim.now, 6);
          }
          const f = stats.report().fleets.agv!;
          expect(ROBOT_STATES.reduce((acc, s) => acc + f.stateFractions[s], 0)).toBeCloseTo(1, 9);
        }
        // A robot holds a part exactly while it is between picking it up and putting it down.
        const loaded = ['travelling-loaded', 'placing', 'waiting'];
        for (const r of fleet.robotIds) {
          expect(w.carrying.has(`agv/${r}`)).toBe(loaded.includes(fleet.robotState(r)));
        }
      }),
      { numRuns: 100 },
    );
  });
});
