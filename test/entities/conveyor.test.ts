import { describe, expect, it } from 'vitest';
import {
  Constant,
  confidenceInterval,
  Exponential,
  InvalidArgumentError,
  Simulation,
  scheduleWarmup,
} from '../../src/engine/index.js';
import {
  CONVEYOR_STATES,
  Conveyor,
  type ConveyorOptions,
  ConveyorStatistics,
  OrderSource,
  Buffer as PartBuffer,
  Plant,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';

const c = (v: number) => new Constant({ value: v });

/** Entry and delivery time of every part that used conveyor `id`, from the `partMoved` events. */
function recordTransits(plant: Plant, id: string) {
  const entered = new Map<number, number>();
  const transits: number[] = [];
  plant.events.on('partMoved', (part, from, to, t) => {
    if (to === id) entered.set(part.id, t);
    if (from === id) transits.push(t - entered.get(part.id)!);
  });
  return transits;
}

/** `[partId, positionM, speedMps, now]` of every `conveyorItemMoved`. */
function recordMoves(plant: Plant) {
  const log: [number, number, number, number][] = [];
  plant.events.on('conveyorItemMoved', (_c, part, pos, speed, t) => log.push([part, pos, speed, t]));
  return log;
}

describe('Conveyor', () => {
  it('rejects bad options with an InvalidArgumentError naming the conveyor and the value', () => {
    const base: ConveyorOptions = { id: 'belt', lengthM: 10, speedMps: 1, spacingM: 1, accumulating: false };
    const cases: [Partial<ConveyorOptions>, string][] = [
      [{ lengthM: 0 }, 'Conveyor: lengthM of belt must be > 0 m (got 0)'],
      [{ lengthM: Number.POSITIVE_INFINITY }, 'Conveyor: lengthM of belt must be > 0 m (got Infinity)'],
      [{ speedMps: -1 }, 'Conveyor: speedMps of belt must be > 0 m/s (got -1)'],
      [{ speedMps: Number.NaN }, 'Conveyor: speedMps of belt must be > 0 m/s (got NaN)'],
      [{ spacingM: 0 }, 'Conveyor: spacingM of belt must be > 0 m and <= lengthM (10 m) (got 0)'],
      [{ spacingM: 11 }, 'Conveyor: spacingM of belt must be > 0 m and <= lengthM (10 m) (got 11)'],
      [
        { accumulating: 'yes' as unknown as boolean },
        'Conveyor: accumulating of belt must be true or false (got yes)',
      ],
      [
        { from: { x: Number.NaN, y: 0 } },
        'Conveyor: from of belt must be a position with finite x and y in m (got (NaN, 0))',
      ],
    ];
    for (const [bad, message] of cases) {
      const plant = new Plant(new Simulation());
      const build = () => new Conveyor(plant, { ...base, ...bad });
      expect(build).toThrow(InvalidArgumentError);
      expect(build).toThrow(message);
      expect(plant.carriers.size).toBe(0);
    }
  });

  it('holds floor(length / spacing) items, 0.3 m / 0.1 m included; registers as a carrier', () => {
    const plant = new Plant(new Simulation());
    const a = new Conveyor(plant, { id: 'a', lengthM: 10, speedMps: 1, spacingM: 3, accumulating: true });
    const b = new Conveyor(plant, { id: 'b', lengthM: 0.3, speedMps: 1, spacingM: 0.1, accumulating: true });
    const d = new Conveyor(plant, { id: 'd', lengthM: 2, speedMps: 1, spacingM: 2, accumulating: false });
    const e = new Conveyor(plant, { id: 'e', lengthM: 1000, speedMps: 1, spacingM: 0.3, accumulating: true });
    expect([a.capacity, b.capacity, d.capacity, e.capacity]).toEqual([3, 3, 1, 3333]);
    expect(plant.carriers.get('a')).toBe(a);
    expect([a.level, a.state, a.lengthM, a.speedMps, a.accumulating]).toEqual([0, 'empty', 10, 1, true]);
    expect(CONVEYOR_STATES).toEqual(['empty', 'running', 'stopped']);
    expect(
      () => new Conveyor(plant, { id: 'a', lengthM: 1, speedMps: 1, spacingM: 1, accumulating: true }),
    ).toThrow(/duplicate entity id a/);
  });

  for (const accumulating of [true, false]) {
    it(`a conveyor that never blocks is a pure delay: transit = length / speed exactly (accumulating: ${accumulating})`, () => {
      const sim = new Simulation({ seed: 7 });
      const plant = new Plant(sim);
      // Source → (belt) → M with an unbounded queue → sink: the belt's destination always has room.
      plant.addProduct({ id: 'p', routing: ['M'], via: ['belt'], sink: 'out' });
      new Sink(plant, { id: 'out' });
      new Station(plant, { id: 'M', processTimes: { p: new Exponential({ mean: 3 }) } });
      const belt = new Conveyor(plant, {
        id: 'belt',
        lengthM: 12.7,
        speedMps: 0.35,
        spacingM: 0.9,
        accumulating,
      });
      new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: 4 }) });
      const stats = new ConveyorStatistics(plant);
      const transits = recordTransits(plant, 'belt');
      // While on it, a part's location is the conveyor.
      let misplaced = 0;
      plant.events.on('conveyorLevelChanged', (_c, level) => {
        if (plant.partsInSystem().filter((p) => p.location === 'belt').length !== level) misplaced++;
      });
      plant.run({ until: 20_000 });
      expect(transits.length).toBeGreaterThan(4_000);
      for (const t of transits) expect(Math.abs(t - 12.7 / 0.35)).toBeLessThan(1e-9);
      const r = stats.report().belt!;
      expect(r.moved).toBe(transits.length);
      expect(r.meanTransitS).toBeCloseTo(12.7 / 0.35, 9);
      expect(r.stoppedFraction).toBe(0);
      expect(r.level.max).toBeLessThanOrEqual(belt.capacity);
      expect(misplaced).toBe(0);
    });
  }

  it('is an M/D/∞ in transit: time-average level λL/v and P(empty) = e^(−λL/v) within the 95% CI (400 replications, ~1.5 s)', () => {
    // Poisson arrivals (mean interarrival 10 s, λ = 0.1/s) on a 60 m belt at 2 m/s: transit 30 s, so the
    // number on the belt is the number of arrivals in the last 30 s, Poisson with mean λL/v = 3, once
    // the first 30 s are over (warm-up 60 s). Spacing 0.01 m = 0.005 s of belt travel, 5e-4 of the
    // mean interarrival, so entry almost never waits; the destination queue is unbounded (no blocking).
    // Replications: seeds 1–400 of 20 000 s. With seeds 1–40 only, the P(empty) interval missed e^−3 by
    // 3e-4 (a 95% interval misses 1 time in 20); 1 200 independent replications (seeds 5001–6200) gave
    // 3.0002 ± 0.0039 and 0.04963 ± 0.00035, covering both: no bias, hence the larger sample here.
    const lambda = 0.1;
    const lengthM = 60;
    const speedMps = 2;
    const a = (lambda * lengthM) / speedMps;
    const means: number[] = [];
    const empty: number[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const sim = new Simulation({ seed });
      const plant = new Plant(sim);
      plant.addProduct({ id: 'p', routing: ['M'], via: ['belt'], sink: 'out' });
      new Sink(plant, { id: 'out' });
      new Station(plant, { id: 'M', processTimes: { p: c(1) } });
      new Conveyor(plant, { id: 'belt', lengthM, speedMps, spacingM: 0.01, accumulating: true });
      new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: 1 / lambda }) });
      const stats = new ConveyorStatistics(plant);
      scheduleWarmup(sim, 60, [stats]);
      plant.run({ until: 20_060 });
      const r = stats.report().belt!;
      means.push(r.level.mean);
      empty.push(r.stateFractions.empty);
    }
    const level = confidenceInterval(means);
    const pEmpty = confidenceInterval(empty);
    expect(level.lower).toBeLessThanOrEqual(a);
    expect(level.upper).toBeGreaterThanOrEqual(a);
    expect(pEmpty.lower).toBeLessThanOrEqual(Math.exp(-a));
    expect(pEmpty.upper).toBeGreaterThanOrEqual(Math.exp(-a));
    // And the intervals are informative (not wide enough to cover anything).
    expect(level.halfWidth).toBeLessThan(0.01 * a);
    expect(pEmpty.halfWidth).toBeLessThan(0.02 * Math.exp(-a));
  });

  /**
   * The hand-computed case. Six parts released at 0, 2.5, 5, 7.5, 10 and 12.5 s travel on a 3 m belt at
   * 1 m/s with 1 m spacing (capacity 3, transit 3 s) to machine M (process 10 s, input buffer of 1),
   * then to the sink. M works p1 3–13, p2 13–23, …, p6 53–63 in both cases: it is the bottleneck.
   */
  function slowMachineCase(accumulating: boolean) {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], via: ['belt'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, {
      id: 'M',
      input: new PartBuffer(plant, { id: 'M/in', capacity: 1 }),
      processTimes: { p: c(10) },
    });
    const belt = new Conveyor(plant, { id: 'belt', lengthM: 3, speedMps: 1, spacingM: 1, accumulating });
    const orders = [0, 2.5, 5, 7.5, 10, 12.5].map((releaseS) => ({ releaseS, product: 'p', quantity: 1 }));
    const source = new OrderSource(plant, { id: 'orders', orders });
    const stats = new ConveyorStatistics(plant);
    const moves = recordMoves(plant);
    const transits = recordTransits(plant, 'belt');
    const stops: number[] = [];
    plant.events.on('conveyorStateChanged', (_c, _from, to, t) => {
      if (to === 'stopped') stops.push(t);
    });
    return { sim, plant, belt, source, stats, moves, transits, stops };
  }

  it('a non-accumulating belt stops as a whole while its head cannot leave (hand-computed case)', () => {
    // p1 enters 0, reaches the end at 3 → M (busy 3–13). p2 enters 2.5, end 5.5 → waits in M/in.
    // p3 enters 5, end 8: M/in full → the belt stops at 8 with p3 at 3 m and p4 (entered 7.5) at 0.5 m,
    //   short of the 1 m spacing, so the entrance stays blocked: p5 (released 10) waits at the source.
    // 13: M takes p2, p3 leaves, the belt restarts: p4 0.5 m → end at 15.5; p4 clears the entrance at
    //   13.5 → p5 enters; p5 clears at 14.5 → p6 enters.
    // 15.5: p4 at the end, M/in full (p3) → stop; p5 at 2 m, p6 at 1 m.
    // 23: p4 leaves, restart; 24: p5 at the end → stop (p6 at 2 m). 33: p5 leaves, restart; 34: p6 at the
    //   end → stop. 43: p6 leaves; empty until M finishes p6 at 63.
    // running 0–8, 13–15.5, 23–24, 33–34 = 12.5 s; stopped 8–13, 15.5–23, 24–33, 34–43 = 30.5 s;
    // empty 43–63 = 20 s. Transits: 3, 3, 8, 15.5, 19.5, 28.5 s.
    const m = slowMachineCase(false);
    m.plant.run({ until: 12 });
    expect([m.belt.level, m.belt.state, m.source.waiting]).toEqual([2, 'stopped', 1]);
    expect(m.belt.positions().map((i) => [i.part.id, i.positionM, i.speedMps])).toEqual([
      [3, 3, 0],
      [4, 0.5, 0],
    ]);
    m.plant.run();
    expect(m.sim.now).toBe(63);
    expect(m.plant.finished).toBe(6);
    expect(m.stats.stateDurations('belt')).toEqual({ empty: 20, running: 12.5, stopped: 30.5 });
    const r = m.stats.report().belt!;
    expect(r.stoppedFraction).toBe(30.5 / 63);
    expect(r.stateFractions).toEqual({ empty: 20 / 63, running: 12.5 / 63, stopped: 30.5 / 63 });
    expect(m.stops).toEqual([8, 15.5, 24, 34]);
    expect(m.transits).toEqual([3, 3, 8, 15.5, 19.5, 28.5]);
    expect(r.moved).toBe(6);
    expect(r.meanTransitS).toBeCloseTo(77.5 / 6, 12);
    expect(r.level.max).toBe(3);
    // Every change of speed, [part, position m, speed m/s, time s]; p1 and p2 leave without stopping.
    expect(m.moves).toEqual([
      [1, 0, 1, 0],
      [2, 0, 1, 2.5],
      [3, 0, 1, 5],
      [4, 0, 1, 7.5],
      [3, 3, 0, 8],
      [4, 0.5, 0, 8],
      [4, 0.5, 1, 13],
      [5, 0, 1, 13.5],
      [6, 0, 1, 14.5],
      [4, 3, 0, 15.5],
      [5, 2, 0, 15.5],
      [6, 1, 0, 15.5],
      [5, 2, 1, 23],
      [6, 1, 1, 23],
      [5, 3, 0, 24],
      [6, 2, 0, 24],
      [6, 2, 1, 33],
      [6, 3, 0, 34],
    ]);
  });

  it('an accumulating belt lets parts in while its head waits (same case, hand-computed)', () => {
    // As above until 8: p3 waits at the end (stopped) but p4 (0.5 m at 8) keeps moving to its place at
    //   2 m (reached at 9.5) and clears the entrance at 8.5, so p5 enters at 10 and queues at 1 m (11).
    // 12.5: p6 waits at the source (3 on the belt). 13: p3 leaves; p4 and p5 restart; p6 enters.
    // 14: p4 at the end, M/in full → stopped; p5 (2 m) and p6 (1 m) queue at once, in step behind it.
    // 23: p4 leaves; 24: p5 stops at the end, p6 queues at 2 m; 33: p5 leaves; 34: p6 stops; 43: leaves.
    // running 0–8, 13–14, 23–24, 33–34 = 11 s; stopped 8–13, 14–23, 24–33, 34–43 = 32 s; empty 20 s.
    // Transits: 3, 3, 8, 15.5, 23 (10→33), 30 (13→43) s.
    const m = slowMachineCase(true);
    m.plant.run({ until: 12 });
    expect([m.belt.level, m.belt.state, m.source.waiting]).toEqual([3, 'stopped', 0]);
    expect(m.belt.positions().map((i) => [i.part.id, i.positionM, i.speedMps])).toEqual([
      [3, 3, 0],
      [4, 2, 0],
      [5, 1, 0],
    ]);
    m.plant.run();
    expect(m.sim.now).toBe(63);
    expect(m.stats.stateDurations('belt')).toEqual({ empty: 20, running: 11, stopped: 32 });
    expect(m.stats.report().belt!.stoppedFraction).toBe(32 / 63);
    expect(m.stops).toEqual([8, 14, 24, 34]);
    expect(m.transits).toEqual([3, 3, 8, 15.5, 23, 30]);
    expect(m.moves).toEqual([
      [1, 0, 1, 0],
      [2, 0, 1, 2.5],
      [3, 0, 1, 5],
      [4, 0, 1, 7.5],
      [3, 3, 0, 8],
      [4, 2, 0, 9.5],
      [5, 0, 1, 10],
      [5, 1, 0, 11],
      [4, 2, 1, 13],
      [5, 1, 1, 13],
      [6, 0, 1, 13],
      [4, 3, 0, 14],
      [5, 2, 0, 14],
      [6, 1, 0, 14],
      [5, 2, 1, 23],
      [6, 1, 1, 23],
      [5, 3, 0, 24],
      [6, 2, 0, 24],
      [6, 2, 1, 33],
      [6, 3, 0, 34],
    ]);
  });

  it('a blocked machine upstream waits for the entrance and hands its part on the instant it clears', () => {
    // A (1 s per part) feeds a belt of 4 m at 1 m/s with 2 m spacing (capacity 2). p1 enters at 1 and
    // clears the entrance at 3; A finishes p2 at 2 and is blocked 2–3; p2 enters at 3, A works p3 3–4
    // and is blocked again 4–5: p2 clears at 5, the instant p1 leaves at the far end (1 + 4).
    const sim = new Simulation();
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['A', 'B'], via: [undefined, 'belt'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const a = new Station(plant, { id: 'A', processTimes: { p: c(1) } });
    new Station(plant, { id: 'B', processTimes: { p: c(0.5) } });
    new Conveyor(plant, { id: 'belt', lengthM: 4, speedMps: 1, spacingM: 2, accumulating: false });
    new OrderSource(plant, { id: 'orders', orders: [{ releaseS: 0, product: 'p', quantity: 3 }] });
    const entered: number[] = [];
    plant.events.on('partMoved', (_p, _from, to, t) => {
      if (to === 'belt') entered.push(t);
    });
    const states: string[] = [];
    for (const t of [2.5, 3.5, 4.5]) {
      plant.run({ until: t });
      states.push(a.serverState(0));
    }
    plant.run();
    expect(states).toEqual(['blocked', 'busy', 'blocked']);
    expect(entered).toEqual([1, 3, 5]);
    expect(plant.finished).toBe(3);
  });

  it('a head woken while its destination is still full waits again; nothing enters a full buffer', () => {
    // M/in wakes its waiters spuriously (every 0.5 s while they wait), as if another holder had taken
    // the slot first: the head must check again and keep waiting.
    const sim = new Simulation();
    const plant = new Plant(sim);
    class Spurious extends PartBuffer {
      override onSpace(waiter: () => void): void {
        super.onSpace(waiter);
        sim.schedule(0.5, waiter);
      }
    }
    plant.addProduct({ id: 'p', routing: ['M'], via: ['belt'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    const input = new Spurious(plant, { id: 'M/in', capacity: 1 });
    new Station(plant, { id: 'M', input, processTimes: { p: c(10) } });
    new Conveyor(plant, { id: 'belt', lengthM: 3, speedMps: 1, spacingM: 1, accumulating: true });
    new OrderSource(plant, { id: 'orders', orders: [{ releaseS: 0, product: 'p', quantity: 4 }] });
    const transits = recordTransits(plant, 'belt');
    let maxLevel = 0;
    plant.events.on('bufferLevelChanged', (_b, level) => {
      maxLevel = Math.max(maxLevel, level);
    });
    plant.run();
    // p1 → M at 3 (10 s), p2 waits in M/in from 4, p3 at the end from 5 until M takes p2 at 13,
    // p4 queued behind it reaches the end at 14 and leaves at 23.
    expect(transits).toEqual([3, 3, 11, 20]);
    expect(maxLevel).toBe(1);
    expect(plant.finished).toBe(4);
  });

  it('statistics reset at the end of a warm-up keep the current level and state', () => {
    const m = slowMachineCase(false);
    m.sim.scheduleAt(10, () => m.stats.reset(10));
    m.plant.run({ until: 20 });
    // From 10 (see the hand computation above): stopped 10–13 and 15.5–20, running 13–15.5. Level 2 on
    // 10–13, 1 on 13–13.5 (p3 left), 2 on 13.5–14.5 (p5 in), 3 on 14.5–20 (p6 in): mean 25 / 10.
    expect(m.stats.stateDurations('belt')).toEqual({ empty: 0, running: 2.5, stopped: 7.5 });
    const r = m.stats.report().belt!;
    expect(r.moved).toBe(1); // p3 at 13
    expect(r.meanTransitS).toBe(8);
    expect(r.level.mean).toBe(2.5);
    expect(r.level.max).toBe(3);
  });
});
