import { describe, expect, it } from 'vitest';
import {
  Constant,
  confidenceInterval,
  Exponential,
  Simulation,
  scheduleWarmup,
  Uniform,
} from '../../src/engine/index.js';
import {
  OrderSource,
  Buffer as PartBuffer,
  Plant,
  PlantStatistics,
  type Position,
  ROBOT_STATES,
  RobotFleet,
  type RobotFleetOptions,
  RobotStatistics,
  Sink,
  Source,
  Station,
  type TendRequest,
  type TransportPolicy,
} from '../../src/entities/index.js';
import { TRANSPORT_RULES } from '../../src/policies/index.js';

const c = (v: number) => new Constant({ value: v });

interface TwoStations {
  readonly parts: number;
  /** Process time at S2, s. */
  readonly s2S: number;
  /** Input capacity of S2 (default unbounded). */
  readonly s2Capacity?: number;
  readonly fleet?: Partial<RobotFleetOptions>;
}

/**
 * S1 at (0, 0) and S2 at (10, 0), 10 m apart; parts released at 0 go S1 (4 s) → robot → S2 → sink.
 * One robot `r1` homed at S2; 2 m/s empty, 1 m/s loaded; pick 3 s, place 2 s. So one transport from
 * the robot standing at S2 takes 5 (empty) + 3 (pick) + 10 (loaded) + 2 (place) = 20 s.
 */
function twoStations(o: TwoStations) {
  const sim = new Simulation({ seed: 1 });
  const plant = new Plant(sim);
  plant.addProduct({ id: 'p', routing: ['S1', 'S2'], via: [undefined, 'agv'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  new Station(plant, { id: 'S1', position: { x: 0, y: 0 }, processTimes: { p: c(4) } });
  new Station(plant, {
    id: 'S2',
    position: { x: 10, y: 0 },
    processTimes: { p: c(o.s2S) },
    ...(o.s2Capacity === undefined
      ? {}
      : { input: new PartBuffer(plant, { id: 'S2/in', capacity: o.s2Capacity }) }),
  });
  const fleet = new RobotFleet(plant, {
    id: 'agv',
    robots: [{ id: 'r1', home: { x: 10, y: 0 } }],
    speedEmptyMps: 2,
    speedLoadedMps: 1,
    pickTime: c(3),
    placeTime: c(2),
    ...o.fleet,
  });
  new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: o.parts }] });
  const stats = new RobotStatistics(plant);
  const delivered: [number, number][] = [];
  const finished: [number, number][] = [];
  const moves: [string, Position, Position, number, number][] = [];
  plant.events.on('robotJobDone', (_f, _r, _k, part, _req, t) => delivered.push([part.id, t]));
  plant.events.on('partFinished', (part, _s, t) => finished.push([part.id, t]));
  plant.events.on('robotMoved', (_f, r, from, to, v, t) => moves.push([r, from, to, v, t]));
  return { sim, plant, fleet, stats, delivered, finished, moves };
}

describe('RobotFleet as a carrier (hand-computed)', () => {
  it('carries two parts one after the other: exact delivery times and state durations', () => {
    const m = twoStations({ parts: 2, s2S: 1 });
    m.plant.run();
    // p1 requested at 4: empty 4..9, pick 9..12, loaded 12..22, place 22..24 → S2 24..25 → sink 25.
    // p2 requested at 8 (S1 was freed at 4): waits for the robot, back at S2 at 24:
    // empty 24..29, pick 29..32, loaded 32..42, place 42..44 → S2 44..45.
    expect(m.delivered).toEqual([
      [1, 24],
      [2, 44],
    ]);
    expect(m.finished).toEqual([
      [1, 25],
      [2, 45],
    ]);
    expect(m.sim.now).toBe(45);
    expect(m.stats.stateDurations('agv').r1).toEqual({
      idle: 4 + 1,
      'travelling-empty': 10,
      picking: 6,
      'travelling-loaded': 20,
      placing: 4,
      waiting: 0,
    });
    const r = m.stats.report();
    const agv = r.fleets.agv!;
    expect(agv.transports).toBe(2);
    expect(agv.jobs).toEqual({ transport: 2, load: 0, unload: 0 });
    expect(agv.meanWaitS).toBe((0 + 16) / 2); // p1 taken at once, p2 requested 8, taken 24
    expect(agv.meanTransportS).toBe((20 + 36) / 2);
    expect(agv.utilization).toBeCloseTo(40 / 45, 12);
    expect(r.robots['agv/r1']!.utilization).toBeCloseTo(40 / 45, 12);
    expect(m.moves).toEqual([
      ['r1', { x: 10, y: 0 }, { x: 0, y: 0 }, 2, 4],
      ['r1', { x: 0, y: 0 }, { x: 10, y: 0 }, 1, 12],
      ['r1', { x: 10, y: 0 }, { x: 0, y: 0 }, 2, 24],
      ['r1', { x: 0, y: 0 }, { x: 10, y: 0 }, 1, 32],
    ]);
  });

  it('a robot whose destination is full waits holding the part and delivers the instant a slot frees', () => {
    // S2 holds one part in its queue and works 50 s. p1 placed at 24 (S2 busy 24..74), p2 placed at 44
    // (queue now full), p3 requested at 12: empty 44..49, pick ..52, loaded ..62, place ..64, then waits
    // 64..74 until S2 takes p2 at 74.
    const m = twoStations({ parts: 3, s2S: 50, s2Capacity: 1 });
    const holder: string[] = [];
    m.plant.events.on('robotStateChanged', (_f, _r, _from, to) => {
      if (to === 'waiting') holder.push(m.plant.partsInSystem().find((p) => p.id === 3)!.location);
    });
    m.plant.run({ until: 100 });
    expect(m.delivered).toEqual([
      [1, 24],
      [2, 44],
      [3, 74],
    ]);
    expect(holder).toEqual(['agv/r1']);
    expect(m.stats.stateDurations('agv', 74).r1).toEqual({
      idle: 4,
      'travelling-empty': 15,
      picking: 9,
      'travelling-loaded': 30,
      placing: 6,
      waiting: 10,
    });
    m.plant.run();
    expect(m.finished.map(([, t]) => t)).toEqual([74, 124, 174]);
  });

  it('with returnHome the robot drives back to its park after every job and starts the next from there', () => {
    // Park at (5, 0), 5 m from each station (2.5 s empty). p1 requested 4: empty 4..6.5, pick ..9.5,
    // loaded ..19.5, place ..21.5, home ..24; p2 (requested 8) only then: empty 24..26.5 … place ..41.5.
    const m = twoStations({
      parts: 2,
      s2S: 1,
      fleet: { robots: 1, park: { x: 5, y: 0 }, returnHome: true },
    });
    m.plant.run();
    expect(m.delivered).toEqual([
      [1, 21.5],
      [2, 41.5],
    ]);
    expect(m.sim.now).toBe(44);
    expect(m.fleet.robotState('1')).toBe('idle');
    expect(m.fleet.robotPosition('1')).toEqual({ x: 5, y: 0 });
    expect(m.moves.map(([, from, to, , t]) => [from.x, to.x, t])).toEqual([
      [5, 0, 4],
      [0, 10, 9.5],
      [10, 5, 21.5],
      [5, 0, 24],
      [0, 10, 29.5],
      [10, 5, 41.5],
    ]);
    const agv = m.stats.report().fleets.agv!;
    expect(agv.meanWaitS).toBe((0 + 16) / 2);
    expect(agv.stateFractions['travelling-empty']).toBeCloseTo(10 / 44, 12);
  });

  it('interpolates the position of a travelling robot and carries the part under its own id', () => {
    const m = twoStations({ parts: 1, s2S: 1 });
    m.plant.run({ until: 6 }); // 2 s into the 5 s drive from (10, 0) to (0, 0)
    expect(m.fleet.robotState('r1')).toBe('travelling-empty');
    expect(m.fleet.robotPosition('r1')).toEqual({ x: 6, y: 0 });
    const part = m.plant.partsInSystem()[0]!;
    expect(part.location).toBe('agv'); // at the pickup spot
    m.plant.run({ until: 17 });
    expect(part.location).toBe('agv/r1');
    expect(m.fleet.robotPosition('r1')).toEqual({ x: 5, y: 0 });
  });

  it('frees the upstream server at once: the pickup spot is unbounded', () => {
    const m = twoStations({ parts: 3, s2S: 1 });
    const s1: [string, number][] = [];
    m.plant.events.on('serverStateChanged', (st, _s, _f, to, t) => {
      if (st === 'S1') s1.push([to, t]);
    });
    m.plant.run();
    // Never blocked: three parts back to back (idle for 0 s between them), done at 12.
    expect(s1.filter(([to]) => to !== 'busy' && to !== 'idle')).toEqual([]);
    expect(s1.at(-1)).toEqual(['idle', 12]);
    expect(m.fleet.waiting).toBe(0);
  });

  it('rejects bad options, naming the fleet', () => {
    const plant = new Plant(new Simulation());
    const base = { speedEmptyMps: 1, speedLoadedMps: 1, pickTime: c(1), placeTime: c(1) };
    expect(() => new RobotFleet(plant, { id: 'a', robots: 0, ...base })).toThrow(
      /a needs at least one robot/,
    );
    expect(() => new RobotFleet(plant, { ...base, id: 'b', robots: 1, speedLoadedMps: 0 })).toThrow(
      /speedLoadedMps of b must be > 0 m\/s \(got 0\)/,
    );
    expect(() => new RobotFleet(plant, { ...base, id: 'c', robots: 1, returnHome: true })).toThrow(
      /returnHome of c needs a home for robot 1/,
    );
    expect(
      () =>
        new RobotFleet(plant, {
          ...base,
          id: 'd',
          robots: [{ id: 'x' }, { id: 'x' }],
        }),
    ).toThrow(/duplicate robot x in d/);
  });
});

describe('RobotFleet dispatch rules (hand-checked)', () => {
  /**
   * Robots r1 at (0, 0) and r2 at (100, 0), both 1 m/s, pick and place 0. One part leaves A at (90, 0)
   * at t = 1 for B at (90, 10). fifo sends r1 (first idle: 90 m, arrives 91, delivers 101); nearest
   * sends r2 (10 m: arrives 11, delivers 21).
   */
  function choose(rule: TransportPolicy) {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], via: [undefined, 'agv'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'A', position: { x: 90, y: 0 }, processTimes: { p: c(1) } });
    new Station(plant, { id: 'B', position: { x: 90, y: 10 }, processTimes: { p: c(0) } });
    new RobotFleet(plant, {
      id: 'agv',
      robots: [
        { id: 'r1', home: { x: 0, y: 0 } },
        { id: 'r2', home: { x: 100, y: 0 } },
      ],
      speedEmptyMps: 1,
      speedLoadedMps: 1,
      pickTime: c(0),
      placeTime: c(0),
      dispatch: rule,
    });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 1 }] });
    const done: [string, number][] = [];
    plant.events.on('robotJobDone', (_f, robot, _k, _p, _r, t) => done.push([robot, t]));
    plant.run();
    return done;
  }

  it('fifo sends the first idle robot, nearest the closest one', () => {
    expect(choose(TRANSPORT_RULES.fifo)).toEqual([['r1', 101]]);
    expect(choose(TRANSPORT_RULES.nearest)).toEqual([['r2', 21]]);
  });

  it('a robot that becomes free takes the oldest job under fifo, the closest pickup under nearest', () => {
    // One robot at (0, 0), 1 m/s, handling 0. Jobs: p1 at A (0, 0) at t = 1 (→ C at (0, 5)); while the
    // robot is busy, p2 from far F (50, 0) at t = 2 and p3 from near N (0, 10) at t = 3 request transport.
    // After p1 (delivered at C, t = 6): fifo takes p2 (50.2 m away) first, nearest takes p3 (5 m).
    const run = (rule: TransportPolicy) => {
      const sim = new Simulation({ seed: 1 });
      const plant = new Plant(sim);
      new Sink(plant, { id: 'out' });
      for (const [id, x, y] of [
        ['A', 0, 0],
        ['F', 50, 0],
        ['N', 0, 10],
        ['C', 0, 5],
      ] as const) {
        new Station(plant, { id, position: { x, y }, processTimes: { a: c(1), f: c(2), n: c(3), x: c(0) } });
      }
      for (const [id, from] of [
        ['a', 'A'],
        ['f', 'F'],
        ['n', 'N'],
      ] as const) {
        plant.addProduct({ id, routing: [from, 'C'], via: [undefined, 'agv'], sink: 'out' });
      }
      new RobotFleet(plant, {
        id: 'agv',
        robots: [{ id: 'r', home: { x: 0, y: 0 } }],
        speedEmptyMps: 1,
        speedLoadedMps: 1,
        pickTime: c(0),
        placeTime: c(0),
        dispatch: rule,
      });
      new OrderSource(plant, {
        id: 'o',
        orders: [
          { releaseS: 0, product: 'a', quantity: 1 },
          { releaseS: 0, product: 'f', quantity: 1 },
          { releaseS: 0, product: 'n', quantity: 1 },
        ],
      });
      const order: string[] = [];
      plant.events.on('robotJobStarted', (_f, _r, _k, part) => order.push(part.product));
      plant.run();
      return order;
    };
    expect(run(TRANSPORT_RULES.fifo)).toEqual(['a', 'f', 'n']);
    expect(run(TRANSPORT_RULES.nearest)).toEqual(['a', 'n', 'f']);
  });

  it('rejects a policy answer that is not an index into the options', () => {
    const bad: TransportPolicy = { name: 'bad', decide: () => 7 };
    expect(() => choose(bad)).toThrow(/transport policy bad at agv returned 7, not an index into 2 options/);
  });
});

/** A minimal stand-in for a tended station: one machine at a position, process time `workS`. */
function fakeCell(plant: Plant, tender: RobotFleet, position: Position, workS: number) {
  const log: string[] = [];
  const sim = plant.sim;
  return {
    log,
    /** Takes `part` out of an imaginary queue onto the machine, works it, then has it unloaded. */
    start(part: ReturnType<Plant['release']>) {
      part.location = 'M/0';
      part.steps.push({
        station: 'M',
        queuedS: sim.now,
        startedS: sim.now,
        finishedS: Number.NaN,
        blockedS: 0,
      });
      const load: TendRequest = {
        station: 'M',
        server: 0,
        part,
        position,
        done: () => {
          log.push(`loaded ${part.id}@${sim.now}`);
          sim.schedule(workS, () => {
            part.step++;
            tender.unload({
              station: 'M',
              server: 0,
              part,
              position,
              done: () => log.push(`unloaded ${part.id}@${sim.now}`),
            });
          });
        },
      };
      tender.load(load);
    },
  };
}

describe('RobotFleet as a machine tender (fake station)', () => {
  /**
   * Cell robot homed at (0, 0), machine M at (3, 4) (5 m), next station B at (3, 14) (10 m further).
   * 1 m/s empty and loaded, pick 1 s, place 2 s; M works 10 s.
   */
  function cell(bCapacity = Number.POSITIVE_INFINITY, bWorkS = 0) {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'B',
      position: { x: 3, y: 14 },
      processTimes: { p: c(bWorkS) },
      input: new PartBuffer(plant, { id: 'B/in', capacity: bCapacity }),
    });
    const robot = new RobotFleet(plant, {
      id: 'cell',
      robots: [{ id: 'arm', home: { x: 0, y: 0 } }],
      speedEmptyMps: 1,
      speedLoadedMps: 1,
      pickTime: c(1),
      placeTime: c(2),
    });
    const m = fakeCell(plant, robot, { x: 3, y: 4 }, 10);
    const stats = new RobotStatistics(plant);
    const moved: string[] = [];
    plant.events.on('partMoved', (part, from, to, t) => moved.push(`${part.id}:${from}→${to}@${t}`));
    return { sim, plant, robot, m, stats, moved };
  }

  it('loads (travel, pick, place, done), then unloads (travel, pick, done), carries on and hands over', () => {
    const { sim, plant, m, stats, moved } = cell();
    sim.schedule(0, () => m.start(plant.release('p', 'src')));
    plant.run();
    // load: empty 0..5, pick 5..6, place 6..8 → done at 8; work 8..18;
    // unload: pick 18..19 (already at M) → done at 19; loaded 19..29 to B, place 29..31 → B.
    expect(m.log).toEqual(['loaded 1@8', 'unloaded 1@19']);
    expect(moved).toEqual([
      '1:M/0→cell/arm@6',
      '1:cell/arm→M/0@8',
      '1:M/0→cell/arm@19',
      '1:cell/arm→B/in@31',
      '1:B/in→B/0@31',
      '1:B/0→out@31',
    ]);
    expect(plant.finished).toBe(1);
    expect(stats.stateDurations('cell').arm).toEqual({
      idle: 10,
      'travelling-empty': 5,
      picking: 2,
      'travelling-loaded': 10,
      placing: 4,
      waiting: 0,
    });
    expect(stats.report().fleets.cell!.jobs).toEqual({ transport: 0, load: 1, unload: 1 });
  });

  it('an unloaded part whose next station is full stays on the robot, which waits (hand-computed)', () => {
    // B holds one part in its queue and works 100 s. Three loads requested at 0 (three machines at M):
    // p1 empty 0..5, pick ..6, place ..8; p2 pick 8..9, place ..11; p3 pick 11..12, place ..14.
    // Unload p1 (requested 18): pick 18..19, loaded ..29, place ..31 → B works p1 31..131.
    // Unload p2 (requested 21): empty 31..41, pick ..42, loaded ..52, place ..54 → B's queue (now full).
    // Unload p3 (requested 24): empty 54..64, pick ..65, loaded ..75, place ..77, waits 77..131.
    const { sim, plant, m, stats } = cell(1, 100);
    sim.schedule(0, () => {
      for (let i = 0; i < 3; i++) m.start(plant.release('p', 'src'));
    });
    const done: [string, number, number][] = [];
    plant.events.on('robotJobDone', (_f, _r, kind, part, _req, t) => done.push([kind, part.id, t]));
    plant.run();
    expect(m.log).toEqual([
      'loaded 1@8',
      'loaded 2@11',
      'loaded 3@14',
      'unloaded 1@19',
      'unloaded 2@42',
      'unloaded 3@65',
    ]);
    expect(done.slice(3)).toEqual([
      ['unload', 1, 31],
      ['unload', 2, 54],
      ['unload', 3, 131],
    ]);
    expect(stats.stateDurations('cell', 131).arm!.waiting).toBe(131 - 77);
    expect(plant.finished).toBe(3);
    expect(sim.now).toBe(331);
  });
});

describe('RobotFleet states', () => {
  it('ROBOT_STATES lists every state once', () => {
    expect(new Set(ROBOT_STATES).size).toBe(6);
  });
});

/**
 * Validation: one transporter that returns to its home H after every job, serving Poisson requests from
 * P to D, is an M/G/1 queue. Every service starts with the robot at H (a request that arrives while it
 * drives home is taken when it gets there), so the service of a request is
 *   S = |HP|/v_e + pick + |PD|/v_l + place + |DH|/v_e,
 * independent of the queue: the drive home belongs to the service (the server is not free before it ends).
 * Requests are served in order, so the wait of a request — request → the robot sets off from H — has the
 * Pollaczek–Khinchine mean W_q = λE[S²] / (2(1 − ρ)), ρ = λE[S].
 *
 * H = (0, 0), P = (6, 8), D = (6, 28): |HP| = 10 m at 2 m/s = 5 s, |PD| = 20 m at 1 m/s = 20 s,
 * |DH| = √820 m at 2 m/s; pick ~ Exponential(3 s), place ~ Uniform(2, 6) s. Requests: parts pass the
 * zero-time station at P as a Poisson stream of mean interarrival 65 s (ρ ≈ 0.71). 30 replications of
 * 2·10⁵ s after a 10⁴ s warm-up; about 1 s.
 */
describe('validation: a returning transporter is an M/G/1 queue', () => {
  const H = { x: 0, y: 0 };
  const P = { x: 6, y: 8 };
  const D = { x: 6, y: 28 };
  const pick = new Exponential({ mean: 3 });
  const place = new Uniform({ min: 2, max: 6 });
  const interarrivalS = 65;
  const travelS = 10 / 2 + 20 / 1 + Math.hypot(6, 28) / 2;
  const meanS = travelS + pick.mean + place.mean;
  const es2 = pick.variance + place.variance + meanS * meanS;
  const lambda = 1 / interarrivalS;
  const rho = lambda * meanS;
  const wq = (lambda * es2) / (2 * (1 - rho));

  function replicate(seed: number) {
    const sim = new Simulation({ seed });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['P', 'D'], via: [undefined, 'agv'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'P', position: P, processTimes: { p: c(0) } });
    new Station(plant, { id: 'D', position: D, processTimes: { p: c(0) } });
    new RobotFleet(plant, {
      id: 'agv',
      robots: 1,
      park: H,
      returnHome: true,
      speedEmptyMps: 2,
      speedLoadedMps: 1,
      pickTime: pick,
      placeTime: place,
    });
    new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: interarrivalS }) });
    const stats = new RobotStatistics(plant);
    scheduleWarmup(sim, 10_000, [stats]);
    plant.run({ until: 210_000 });
    return stats.report().fleets.agv!;
  }

  it('the mean wait of requests matches Pollaczek–Khinchine, and utilisation matches ρ', () => {
    expect(rho).toBeGreaterThan(0.6);
    expect(rho).toBeLessThan(0.8);
    const reps = Array.from({ length: 30 }, (_, i) => replicate(1000 + i));
    const wait = confidenceInterval(reps.map((r) => r.meanWaitS));
    const util = confidenceInterval(reps.map((r) => r.utilization));
    expect(wait.lower).toBeLessThanOrEqual(wq);
    expect(wait.upper).toBeGreaterThanOrEqual(wq);
    expect(wait.halfWidth / wq).toBeLessThan(0.1);
    expect(util.lower).toBeLessThanOrEqual(rho);
    expect(util.upper).toBeGreaterThanOrEqual(rho);
  });
});

/**
 * End to end with a real tended Station (`StationOptions.tender`): the same cell as the fake-station
 * test — robot at (0, 0), machine M at (3, 4) working 10 s, next station B at (3, 14); 1 m/s, pick 1 s,
 * place 2 s — now with two parts queued at M at t = 0.
 */
describe('RobotFleet tending a real Station (end to end)', () => {
  it('the server waits in handling while the robot loads and unloads it; hand-computed', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M', 'B'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const arm = new RobotFleet(plant, {
      id: 'cell',
      robots: [{ id: 'arm', home: { x: 0, y: 0 } }],
      speedEmptyMps: 1,
      speedLoadedMps: 1,
      pickTime: c(1),
      placeTime: c(2),
    });
    new Station(plant, { id: 'M', position: { x: 3, y: 4 }, processTimes: { p: c(10) }, tender: arm });
    new Station(plant, { id: 'B', position: { x: 3, y: 14 }, processTimes: { p: c(0) } });
    new OrderSource(plant, { id: 'o', orders: [{ releaseS: 0, product: 'p', quantity: 2 }] });
    const stations = new PlantStatistics(plant);
    const robots = new RobotStatistics(plant);
    const jobs: string[] = [];
    plant.events.on('robotJobDone', (_f, _r, kind, part, requestedS, t) =>
      jobs.push(`${kind} ${part.id} ${requestedS}→${t}`),
    );
    plant.run();
    // p1: load 0..8 (empty 0..5, pick ..6, place ..8), work 8..18, unload: pick 18..19 (server free at
    // 19), loaded ..29, place ..31 → B. p2 (started on M at 19) waits for the robot: empty B → M 31..41,
    // pick ..42, place ..44, work 44..54, unload: pick 54..55, loaded ..65, place ..67 → B → out.
    expect(jobs).toEqual(['load 1 0→8', 'unload 1 18→31', 'load 2 19→44', 'unload 2 54→67']);
    expect(sim.now).toBe(67);
    expect(plant.finished).toBe(2);
    const [m] = stations.stateDurations('M');
    expect(m!.handling).toBe(8 + 1 + 25 + 1);
    expect(m!.busy).toBe(20);
    expect(m!.idle).toBe(67 - 55);
    expect(robots.stateDurations('cell').arm).toEqual({
      idle: 10 + 10,
      'travelling-empty': 5 + 10,
      picking: 4,
      'travelling-loaded': 20,
      placing: 8,
      waiting: 0,
    });
    const fleet = robots.report().fleets.cell!;
    expect(fleet.jobs).toEqual({ transport: 0, load: 2, unload: 2 });
    expect(fleet.meanWaitS).toBe((0 + 0 + 12 + 0) / 4); // only p2's load waited (19 → 31)
  });
});
