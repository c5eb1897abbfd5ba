import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Conveyor,
  type Part,
  type Plant,
  RobotFleet,
  SERVER_STATES,
  serverPowerKW,
} from '../../src/entities/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import { BREAK, build, load } from './_support/harness.js';
import { type Doc, scenarioDoc } from './_support/scenario-arbitrary.js';

/**
 * Properties of whole scenarios (issue 3 §6), over generated valid scenario files loaded through
 * `loadScenario` and built with `buildPlant`: 1–5 stations, 1–3 products, finite/infinite buffers,
 * failures of every basis, preventive plans, crews, interarrival/mix/CONWIP/order sources.
 * Runs in about 2–3 s. `SHOPFLOOR_BREAK=…` (see `_support/harness.ts`) runs them on broken models.
 */

/** Applies the deliberately wrong models of `SHOPFLOOR_BREAK` that act on the built plant. */
function breakPlant(plant: Plant): void {
  if (BREAK === 'lose-part') {
    // A sink that loses the second part it receives: it is neither finished nor held by anyone.
    const finish = plant.finish.bind(plant);
    let n = 0;
    plant.finish = (part: Part, sink: string) => {
      if (++n === 2) return;
      finish(part, sink);
    };
  }
  if (BREAK === 'overfill') {
    // Every finite buffer admits one part more than its capacity.
    for (const b of plant.buffers.values())
      if (Number.isFinite(b.capacity)) (b as { capacity: number }).capacity = b.capacity + 1;
  }
  if (BREAK === 'no-repair-time') {
    // Repair is published as a state the statistics do not know: its time is not counted.
    const emit = plant.events.emit.bind(plant.events);
    (plant.events as { emit: unknown }).emit = (name: string, ...args: unknown[]) => {
      if (name === 'serverStateChanged' && args[3] === 'repair') args[3] = 'under-repair';
      (emit as (n: string, ...a: unknown[]) => void)(name, ...args);
    };
  }
}

/**
 * Parts held by some entity right now: waiting at their source (its first destination was full), in a
 * buffer, on a server (processing, blocked or down), on a conveyor, waiting at a robot fleet's pickup spot
 * or carried by a robot. Also checks each part in the system is where its `location` says, and that no
 * part is counted twice (a server being loaded by a robot holds the part, which the robot still carries).
 */
function partsHeld(plant: Plant, sourceIds: ReadonlySet<string>): number {
  let held = 0;
  for (const b of plant.buffers.values()) held += b.level;
  const carriers = new Set<string>();
  const robots = new Set<string>();
  for (const c of plant.carriers.values()) {
    if (c instanceof Conveyor) held += c.level;
    else if (c instanceof RobotFleet) {
      carriers.add(c.id);
      for (const r of c.robotIds) robots.add(`${c.id}/${r}`);
    }
  }
  const servers = new Set([...plant.stations.values()].flatMap((st) => st.serverIds()));
  for (const st of plant.stations.values())
    for (let i = 0; i < st.serverCount; i++) {
      const part = st.partOn(i);
      if (part !== null && part.location === `${st.id}/${i}`) held++;
    }
  for (const part of plant.partsInSystem()) {
    const at = part.location;
    if (sourceIds.has(at) || carriers.has(at) || robots.has(at)) held++;
    else if (!plant.buffers.has(at) && !servers.has(at) && !(plant.carriers.get(at) instanceof Conveyor))
      expect.fail(`part ${part.id} is at ${JSON.stringify(at)}, which holds no part`);
  }
  return held;
}

/** Ids of the source entities a scenario builds (a mix source is one entity per product). */
function sourceIdsOf(scenario: Scenario): Set<string> {
  return new Set(
    scenario.sources.flatMap((s) =>
      s.mix === undefined ? [s.id] : s.mix.map((m) => `${s.id}.${m.product}`),
    ),
  );
}

const docs = scenarioDoc();
const format = fc.constantFrom<'yaml' | 'json'>('yaml', 'json');

describe('generated scenarios', () => {
  it('parts are conserved: released = finished + in system = finished + held by buffers and servers', () => {
    fc.assert(
      fc.property(
        docs,
        format,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (doc, f, cuts) => {
          const scenario = load(doc, f);
          const { sim, plant } = build(scenario);
          breakPlant(plant);
          const sources = sourceIdsOf(scenario);
          let released = 0;
          let finished = 0;
          let scrapped = 0;
          plant.events.on('partReleased', () => released++);
          plant.events.on('partFinished', () => finished++);
          plant.events.on('partScrapped', () => scrapped++);
          const horizon = scenario.run.horizon;
          for (const until of [...cuts.map((c) => c * horizon).sort((a, b) => a - b), horizon]) {
            plant.run({ until: Math.max(until, sim.now) });
            expect(plant.released).toBe(released);
            expect(plant.finished).toBe(finished);
            expect(plant.scrapped).toBe(scrapped);
            // Rework loops keep a part in the system; scrap takes it out.
            expect(plant.released).toBe(plant.finished + plant.scrapped + plant.inSystem);
            expect(partsHeld(plant, sources)).toBe(plant.inSystem);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a buffer or conveyor level never exceeds its capacity', () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const scenario = load(doc);
        const { plant } = build(scenario);
        breakPlant(plant);
        const capacity = new Map<string, number>(scenario.buffers.map((b) => [b.id, b.capacity]));
        const violations: string[] = [];
        plant.events.on('bufferLevelChanged', (id, level, t) => {
          const cap = capacity.get(id) ?? Number.POSITIVE_INFINITY; // a station's own queue is infinite
          if (!(Number.isInteger(level) && level >= 0 && level <= cap))
            violations.push(`${id}=${level}/${cap}@${t}`);
          if (plant.buffers.get(id)?.level !== level) violations.push(`${id}: event ${level} ≠ level`);
        });
        plant.events.on('conveyorLevelChanged', (id, level, t) => {
          const c = plant.carriers.get(id) as Conveyor;
          if (!(Number.isInteger(level) && level >= 0 && level <= c.capacity))
            violations.push(`${id}=${level}/${c.capacity}@${t}`);
        });
        plant.run({ until: scenario.run.horizon });
        expect(violations).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("each server's state durations sum to the elapsed time (horizon − warm-up)", () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const scenario = load(doc);
        const { plant, statistics: collected } = build(scenario);
        const statistics = collected!;
        breakPlant(plant);
        const { horizon, warmup } = scenario.run;
        plant.run({ until: horizon });
        const report = statistics.report(horizon);
        expect(report.elapsedS).toBeCloseTo(horizon - warmup, 6);
        for (const st of scenario.stations) {
          const durations = statistics.stateDurations(st.id, horizon);
          expect(durations).toHaveLength(st.servers);
          for (const d of durations) {
            for (const s of SERVER_STATES) expect(d[s]).toBeGreaterThanOrEqual(0);
            const sum = SERVER_STATES.reduce((acc, s) => acc + d[s], 0);
            expect(Math.abs(sum - (horizon - warmup))).toBeLessThan(1e-6 * horizon);
          }
          const fractions = report.stations[st.id]!.stateFractions;
          expect(SERVER_STATES.reduce((acc, s) => acc + fractions[s], 0)).toBeCloseTo(1, 9);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Forces station `b` to fail only on a calendar basis (one or two modes), with no preventive plan:
 * its failure times then depend on its own stream and its own (dedicated) crew only, not on its
 * workload. Operating/cycles failures and preventive plans legitimately depend on the workload, so
 * they would change when an upstream station's process time changes; so would a crew shared with it.
 */
function calendarOnly(doc: Doc, b: number, modes: number): Doc {
  const copy = structuredClone(doc);
  const stations = copy.stations as Doc[];
  const st = stations[b]!;
  const skill = `own-s${b}`;
  st.failures = Array.from({ length: modes }, (_, j) => ({
    name: `cal${j}`,
    basis: 'calendar',
    ttf: { uniform: { min: '5min', max: `${20 + 10 * j}min` } },
    ttr: { uniform: { min: '2min', max: '9min' } },
    skill,
  }));
  delete st.preventive;
  // A setup postpones a failure to its end, and the setups depend on the order parts arrive in.
  delete st.setups;
  // Off shift a failure waits for the shift start; keep b always on so that its failures show in the run.
  delete st.shift;
  // Likewise a failure waits for a robot's load or unload to end, and a shared arm's timing depends on the
  // other stations' work (as a shared crew's would).
  delete st.tendedBy;
  const crews = (copy.crews as Doc[] | undefined) ?? [];
  if (!crews.some((c) => c.id === `crew-s${b}`)) {
    const travel = crews[0]?.travel;
    crews.push({
      id: `crew-s${b}`,
      skills: [skill],
      ...(crews[0] ? { dispatch: crews[0].dispatch } : {}),
      ...(travel ? { travel } : {}),
    });
  }
  copy.crews = crews;
  return copy;
}

/** Replaces every process time at station `a` by another distribution. */
function newProcessTime(doc: Doc, a: number, dist: unknown): Doc {
  const copy = structuredClone(doc);
  for (const p of copy.products as Doc[])
    for (const step of p.routing as Doc[]) if (step.station === `s${a}`) step.processTime = dist;
  return copy;
}

function failureLog(doc: Doc): Map<string, string[]> {
  const scenario = load(doc);
  const { plant } = build(scenario);
  const log = new Map<string, string[]>();
  plant.events.on('failed', (station, server, mode, t) => {
    const list = log.get(station) ?? [];
    list.push(`${server}/${mode}@${t}`);
    log.set(station, list);
  });
  plant.run({ until: scenario.run.horizon });
  return log;
}

describe('generated scenarios with shifts, setups, inspection and energy', () => {
  it('no part is taken off shift; kWh = Σ power(state) × time in state; scrap only where inspected', () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const scenario = load(doc);
        const { plant, statistics: collected } = build(scenario);
        const statistics = collected!;
        breakPlant(plant);
        const inspecting = new Set(
          scenario.stations.filter((st) => st.inspection !== undefined).map((st) => st.id),
        );
        plant.events.on('processStarted', (_part, station) => {
          expect(plant.stations.get(station)!.onShiftNow).toBe(true);
        });
        plant.events.on('partScrapped', (_part, at) => expect(inspecting.has(at.split('/')[0]!)).toBe(true));
        const { horizon } = scenario.run;
        plant.run({ until: horizon });
        const report = statistics.report(horizon);
        let kJ = 0;
        for (const st of scenario.stations) {
          if (st.energy === undefined) continue;
          const spec = {
            busyKW: st.energy.busy,
            idleKW: st.energy.idle,
            setupKW: st.energy.setup,
            downKW: st.energy.down,
            offKW: st.energy.off,
          };
          for (const d of statistics.stateDurations(st.id, horizon))
            for (const s of SERVER_STATES) kJ += serverPowerKW(spec, s) * d[s];
        }
        if (scenario.stations.some((st) => st.energy !== undefined))
          expect(report.energy!.kWh).toBeCloseTo(kJ / 3600, 6);
        else expect(report.energy).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});

describe('common random numbers', () => {
  it("changing one station's process time does not change another station's failure times", () => {
    fc.assert(
      fc.property(
        scenarioDoc({ minStations: 2, dedicatedCrews: true }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom<unknown>(
          '30s',
          { exponential: { mean: '9min' } },
          { uniform: { min: '1min', max: '2min' } },
        ),
        (generated, ai, bi, modes, dist) => {
          const n = (generated.stations as Doc[]).length;
          const a = ai % n;
          const b = (a + 1 + (bi % (n - 1))) % n;
          const base = calendarOnly(generated, b, modes);
          const changed = newProcessTime(base, a, dist);
          const before = failureLog(base).get(`s${b}`) ?? [];
          const after = failureLog(changed).get(`s${b}`) ?? [];
          expect(before.length).toBeGreaterThan(0); // the horizon is ≥ 1 h, a TTF ≤ 30 min
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
