import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exponential, Simulation } from '../../src/engine/index.js';
import {
  CONVEYOR_STATES,
  Conveyor,
  ConveyorStatistics,
  Buffer as PartBuffer,
  Plant,
  Sink,
  Source,
  Station,
} from '../../src/entities/index.js';

/**
 * Invariants of conveyors over random models: parts released at random onto a belt (directly from the
 * source, or from a machine that blocks when the entrance is not free) that delivers them to a machine
 * with a small input buffer, so the belt keeps stopping. Random length, speed, spacing, mode and
 * times. Positions are rebuilt only from `conveyorItemMoved` (what a viewer sees). About 3–4 s.
 */

interface BeltSpec {
  readonly seed: number;
  readonly lengthM: number;
  readonly speedMps: number;
  /** spacing = length × this */
  readonly spacingFraction: number;
  readonly accumulating: boolean;
  readonly feed: 'source' | 'station';
  readonly interarrivalS: number;
  readonly processAS: number;
  /** B's mean process time = interarrival × this: above 1, B is overloaded and the belt must stop. */
  readonly loadB: number;
  readonly inputB: number;
}

const beltSpec: fc.Arbitrary<BeltSpec> = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  lengthM: fc.double({ min: 0.5, max: 30, noNaN: true }),
  speedMps: fc.double({ min: 0.05, max: 3, noNaN: true }),
  spacingFraction: fc.double({ min: 0.02, max: 1, noNaN: true }),
  accumulating: fc.boolean(),
  feed: fc.constantFrom('source', 'station'),
  interarrivalS: fc.double({ min: 0.2, max: 8, noNaN: true }),
  processAS: fc.double({ min: 0.1, max: 4, noNaN: true }),
  loadB: fc.double({ min: 0.3, max: 3, noNaN: true }),
  inputB: fc.integer({ min: 1, max: 3 }),
});

const cutsArb = fc.array(fc.double({ min: 1, max: 200, noNaN: true }), { minLength: 1, maxLength: 4 });

function build(spec: BeltSpec) {
  const sim = new Simulation({ seed: spec.seed });
  const plant = new Plant(sim);
  if (spec.feed === 'source') plant.addProduct({ id: 'p', routing: ['B'], via: ['belt'], sink: 'out' });
  else plant.addProduct({ id: 'p', routing: ['A', 'B'], via: [undefined, 'belt'], sink: 'out' });
  new Sink(plant, { id: 'out' });
  if (spec.feed === 'station') {
    new Station(plant, { id: 'A', processTimes: { p: new Exponential({ mean: spec.processAS }) } });
  }
  new Station(plant, {
    id: 'B',
    input: new PartBuffer(plant, { id: 'B/in', capacity: spec.inputB }),
    processTimes: { p: new Exponential({ mean: spec.interarrivalS * spec.loadB }) },
  });
  const belt = new Conveyor(plant, {
    id: 'belt',
    lengthM: spec.lengthM,
    speedMps: spec.speedMps,
    spacingM: spec.lengthM * spec.spacingFraction,
    accumulating: spec.accumulating,
  });
  new Source(plant, { id: 'src', product: 'p', interarrival: new Exponential({ mean: spec.interarrivalS }) });
  const stats = new ConveyorStatistics(plant);
  return { sim, plant, belt, stats };
}

const TOL = 1e-9;

/**
 * Rebuilds every item's position from `conveyorItemMoved` (uniform motion in between) and records
 * each violation: a level above capacity or out of step with the parts moved on and off, an item
 * that does not enter at 0, jumps, goes backwards, passes the end, leaves anywhere but at the end,
 * or comes closer than the spacing to the item ahead. Checked just before and just after every change,
 * which is enough: between changes every item moves uniformly, so gaps and positions are linear.
 */
function observe(plant: Plant, belt: Conveyor) {
  const items = new Map<number, { posM: number; speed: number; t: number; maxM: number }>();
  const violations: string[] = [];
  let onBelt = 0;
  let levelEvents = 0;
  const at = (it: { posM: number; speed: number; t: number }, t: number) => it.posM + it.speed * (t - it.t);
  const checkAll = (t: number): void => {
    let ahead: number | undefined;
    for (const [id, it] of items) {
      const p = at(it, t);
      if (p > belt.lengthM + TOL) violations.push(`part ${id} at ${p} m past the end at ${t}`);
      if (p < it.maxM - TOL) violations.push(`part ${id} went back from ${it.maxM} to ${p} m at ${t}`);
      it.maxM = Math.max(it.maxM, p);
      if (ahead !== undefined && ahead - p < belt.spacingM - TOL) {
        violations.push(`part ${id} ${ahead - p} m behind the one ahead at ${t}`);
      }
      ahead = p;
    }
  };
  plant.events.on('conveyorItemMoved', (_c, id, posM, speed, t) => {
    checkAll(t);
    const it = items.get(id);
    if (it === undefined) {
      if (posM !== 0) violations.push(`part ${id} entered at ${posM} m`);
      items.set(id, { posM, speed, t, maxM: posM });
    } else {
      if (Math.abs(at(it, t) - posM) > TOL) violations.push(`part ${id} jumped to ${posM} m at ${t}`);
      Object.assign(it, { posM, speed, t });
    }
    if (!(speed === 0 || speed === belt.speedMps)) violations.push(`part ${id} speed ${speed}`);
    checkAll(t);
  });
  plant.events.on('partMoved', (part, from, to, t) => {
    if (to === 'belt') onBelt++;
    if (from !== 'belt') return;
    onBelt--;
    checkAll(t);
    const it = items.get(part.id);
    if (it === undefined) violations.push(`part ${part.id} left without entering`);
    else if (Math.abs(at(it, t) - belt.lengthM) > TOL)
      violations.push(`part ${part.id} left at ${at(it, t)} m`);
    items.delete(part.id);
  });
  plant.events.on('conveyorLevelChanged', (_c, level, t) => {
    levelEvents++;
    if (!(level >= 0 && level <= belt.capacity)) violations.push(`level ${level} at ${t}`);
    if (level !== onBelt) violations.push(`level ${level} but ${onBelt} parts moved on at ${t}`);
  });
  return { items, violations, levelEvents: () => levelEvents, at };
}

describe('conveyor invariants (random belts, modes and loads)', () => {
  it('capacity, conservation, positions and spacing hold at every event; states are consistent', () => {
    // How many runs saw the belt stop, per mode, and saw a full belt: the properties must be exercised.
    const stopped = { acc: 0, nonAcc: 0 };
    let full = 0;
    fc.assert(
      fc.property(beltSpec, cutsArb, (spec, cuts) => {
        const { sim, plant, belt, stats } = build(spec);
        const obs = observe(plant, belt);
        let sawStop = false;
        let sawFull = false;
        plant.events.on('conveyorStateChanged', (_c, _from, to) => {
          if (to === 'stopped') sawStop = true;
        });
        plant.events.on('conveyorLevelChanged', (_c, level) => {
          if (level === belt.capacity && belt.capacity > 1) sawFull = true;
        });
        const t0 = sim.now;
        for (const dt of [...cuts, 600]) {
          plant.run({ until: sim.now + dt });
          const now = sim.now;
          expect(obs.violations).toEqual([]);
          // Conservation, and every part on the belt is located there.
          expect(plant.released).toBe(plant.finished + plant.inSystem);
          expect(plant.partsInSystem().filter((p) => p.location === 'belt').length).toBe(belt.level);
          // The rebuilt positions are the conveyor's own.
          const own = belt.positions();
          expect(own.map((i) => i.part.id)).toEqual([...obs.items.keys()]);
          own.forEach((i) => {
            expect(Math.abs(obs.at(obs.items.get(i.part.id)!, now) - i.positionM)).toBeLessThan(TOL);
          });
          // States: empty ⇔ no item; running ⇒ every item moves; stopped ⇒ the head waits at the end,
          // and on a non-accumulating belt so does every other item.
          const speeds = own.map((i) => i.speedMps);
          if (belt.state === 'empty') expect(belt.level).toBe(0);
          if (belt.state === 'running') expect(speeds.every((v) => v === belt.speedMps)).toBe(true);
          if (belt.state === 'stopped') {
            expect(own[0]!.positionM).toBe(belt.lengthM);
            expect(speeds[0]).toBe(0);
            if (!belt.accumulating) expect(speeds.every((v) => v === 0)).toBe(true);
          }
          // State durations sum to the elapsed time.
          const d = stats.stateDurations('belt');
          const sum = CONVEYOR_STATES.reduce((acc, s) => acc + d[s], 0);
          expect(Math.abs(sum - (now - t0))).toBeLessThan(1e-6);
          expect(stats.report().belt!.level.max).toBeLessThanOrEqual(belt.capacity);
        }
        expect(obs.levelEvents()).toBeGreaterThan(0);
        if (sawStop) stopped[spec.accumulating ? 'acc' : 'nonAcc']++;
        if (sawFull) full++;
      }),
      { numRuns: 100 },
    );
    // Typically about 25, 25 and 50 of 100 runs; 8 is far enough below to never flake.
    expect(stopped.acc).toBeGreaterThanOrEqual(8);
    expect(stopped.nonAcc).toBeGreaterThanOrEqual(8);
    expect(full).toBeGreaterThanOrEqual(8);
  });

  it('the same seed gives the identical conveyor log, however the run is split', () => {
    fc.assert(
      fc.property(beltSpec, fc.double({ min: 1, max: 299, noNaN: true }), (spec, cut) => {
        const record = (plant: Plant) => {
          const log: unknown[][] = [];
          plant.events.on('conveyorItemMoved', (...a) => log.push(['moved', ...a]));
          plant.events.on('conveyorLevelChanged', (...a) => log.push(['level', ...a]));
          plant.events.on('conveyorStateChanged', (...a) => log.push(['state', ...a]));
          return log;
        };
        const a = build(spec);
        const logA = record(a.plant);
        a.plant.run({ until: 300 });
        const b = build(spec);
        const logB = record(b.plant);
        b.plant.run({ until: cut });
        b.plant.run({ until: 300 });
        expect(logB).toEqual(logA);
      }),
      { numRuns: 30 },
    );
  });
});
