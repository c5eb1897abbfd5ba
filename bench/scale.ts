/**
 * `npm run bench -- scale [--quick] [--json]`: the cost per event and the memory of a generated serial
 * line (bench/models/scenario-serial.ts) of 10, 100 and 1,000 stations, through the code path of
 * `shopfloor run` (statistics on).
 *
 * - Speed: each line runs for the same number of station visits (horizon × stations constant), so every
 *   size processes about the same number of events; the three sizes are interleaved in each round
 *   (harness.ts) and the median events per wall-clock second is reported, with the ratio to 10 stations
 *   and the median of each round's own ratio (the sizes of a round run back to back).
 * - Cost per event of the full line: each size runs in a fresh child process (scale-steady.ts) that fills
 *   the line, then measures the CPU time of the same number of events (about 330,000; load, build and
 *   report excluded), 9 rounds interleaved (9 fresh processes per size: where a large line's objects land
 *   in memory moves its cost from one process to the next), median: CPU time is what the sharing of a machine disturbs
 *   least, so this is the figure to compare when other processes run.
 * - Memory: each (size, horizon) runs three times (once with --quick), each in a fresh child process
 *   (memory-probe.ts) that reports its peak resident set size, median, at two horizons 10× apart; the
 *   shorter one is the same station-days for every size (3 d at 1,000 stations, past that line's filling
 *   of about 33 h; 300 d at 10), so a flat figure means nothing is retained per part or per event.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compare, median } from './harness.js';
import { type SerialLineResult, scenarioSerialLine } from './models/scenario-serial.js';

const SIZES = [10, 100, 1000] as const;
const DAY_S = 86_400;

/** One size's speed. */
export interface ScaleSpeed {
  readonly stations: number;
  readonly horizonDays: number;
  readonly events: number;
  /** Median events per wall-clock second (load, build, run and report of the scenario). */
  readonly eventsPerSecond: number;
  /** `eventsPerSecond` / that of 10 stations. */
  readonly ratioTo10: number;
  /**
   * Median over the rounds of each round's own ratio to 10 stations: the sizes of one round run back to
   * back, so a drift of the machine's speed between rounds cancels out.
   */
  readonly roundRatioTo10: number;
}

/** One fresh-process run. */
export interface ScaleProbe {
  readonly stations: number;
  readonly horizonDays: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly peakRssMiB: number;
}

/** One size's steady-state cost per event (the line full). */
export interface ScaleSteady {
  readonly stations: number;
  readonly events: number;
  /** Median CPU microseconds per event over the rounds. */
  readonly cpuUsPerEvent: number;
  /** The lowest and highest CPU microseconds per event of single rounds. */
  readonly cpuUsRange: readonly [number, number];
  /** Events per CPU-second / that of 10 stations. */
  readonly ratioTo10: number;
  /** Median over the rounds of each round's own ratio to 10 stations (see {@link ScaleSpeed.roundRatioTo10}). */
  readonly roundRatioTo10: number;
}

/** What {@link benchScale} returns (the `scale` entry of the JSON). */
export interface ScaleResult {
  readonly speed: ScaleSpeed[];
  readonly steady: ScaleSteady[];
  /** Per size, the two horizons. */
  readonly memory: { readonly stations: number; readonly probes: ScaleProbe[]; readonly rssRatio: number }[];
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs the serial line once in a fresh process (memory-probe.ts) and returns its figures. */
function probe(stations: number, horizonDays: number): ScaleProbe {
  const script = fileURLToPath(new URL('./memory-probe.js', import.meta.url));
  const out = spawnSync(process.execPath, [script, 'serial', String(horizonDays * DAY_S), String(stations)], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`scale probe failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim()) as { events: number; seconds: number; peakRssMiB: number };
  return {
    stations,
    horizonDays,
    events: r.events,
    eventsPerSecond: Math.round(r.events / r.seconds),
    peakRssMiB: round(r.peakRssMiB, 1),
  };
}

/**
 * {@link probe} `runs` times (fresh processes), interleaved with nothing else: the run of median peak
 * RSS. A single process's peak RSS moves by a few percent from one run to the next (106–110 MiB for the
 * same 10-station run), as much as the difference between the horizons that is looked for.
 */
function medianProbe(stations: number, horizonDays: number, runs: number): ScaleProbe {
  const probes = Array.from({ length: runs }, () => probe(stations, horizonDays));
  probes.sort((a, b) => a.peakRssMiB - b.peakRssMiB);
  return probes[(runs - 1) >> 1]!;
}

/**
 * CPU microseconds per event of the line of `stations` stations once full (bench/scale-steady.ts in a
 * fresh process): filled for 40,000 / stations hours, then measured over `stationHours` / stations hours.
 * Every size thus runs about the same number of events before the measurement (~0.6–1.3 M): the 1,000-
 * station line needs its 40 h to fill, and a smaller line given fewer events would be measured while the
 * JIT still compiles (CPU time counts the compiler threads), which flattered the large line.
 */
function steadyProbe(stations: number, stationHours: number): { events: number; usPerEvent: number } {
  const script = fileURLToPath(new URL('./scale-steady.js', import.meta.url));
  const fillH = 40_000 / stations;
  const out = spawnSync(
    process.execPath,
    [script, String(stations), String(fillH), String(stationHours / stations)],
    {
      encoding: 'utf8',
    },
  );
  if (out.status !== 0) throw new Error(`scale steady-state probe failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim()) as { events: number; usPerEvent: number };
  return { events: r.events, usPerEvent: r.usPerEvent };
}

/**
 * Runs the scale benchmark; `log` gets one line per figure.
 * @param quick a fifth of the visits for speed, two thirds of the horizons for memory, 3 rounds (else 5 for the
 *   whole path, 9 for the full line).
 */
export function benchScale(quick: boolean, log: (line: string) => void): ScaleResult {
  // Station visits per timed run: stations × horizon in days.
  const stationDays = quick ? 600 : 3000;
  const rounds = quick ? 3 : 5;
  const measured = compare<SerialLineResult>(
    SIZES.map((n) => ({
      engine: `${n}`,
      run: () => scenarioSerialLine(n, (stationDays / n) * DAY_S),
      units: (r) => r.events,
    })),
    rounds,
    1,
  );
  const base = measured[0]!.medianPerSecond;
  const speed: ScaleSpeed[] = measured.map((m, i) => ({
    stations: SIZES[i]!,
    horizonDays: stationDays / SIZES[i]!,
    events: m.last.events,
    eventsPerSecond: Math.round(m.medianPerSecond),
    ratioTo10: round(m.medianPerSecond / base, 2),
    roundRatioTo10: round(median(m.rounds.map((perS, r) => perS / measured[0]!.rounds[r]!)), 2),
  }));
  for (const s of speed) {
    log(
      `scale     ${String(s.stations).padStart(5)} stations  ${(s.eventsPerSecond / 1e6).toFixed(3)} M events/s  (${(s.ratioTo10 * 100).toFixed(0)}% of 10 stations, median of the rounds' own ratios ${(s.roundRatioTo10 * 100).toFixed(0)}%; ${s.events} events, ${s.horizonDays} d)`,
    );
  }
  // Steady state: the same simulated station-hours for every size (about 330,000 events), interleaved.
  const stationHours = quick ? 4000 : 12000;
  const perSize = SIZES.map(() => [] as { events: number; usPerEvent: number }[]);
  const steadyRounds = quick ? 3 : 9;
  for (let r = 0; r < steadyRounds; r++) {
    const order = SIZES.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) perSize[i]!.push(steadyProbe(SIZES[i]!, stationHours));
  }
  const steadyUs = perSize.map((runs) => median(runs.map((x) => x.usPerEvent)));
  const steady: ScaleSteady[] = SIZES.map((n, i) => ({
    stations: n,
    events: perSize[i]![0]!.events,
    cpuUsPerEvent: round(steadyUs[i]!, 3),
    cpuUsRange: [
      round(Math.min(...perSize[i]!.map((x) => x.usPerEvent)), 3),
      round(Math.max(...perSize[i]!.map((x) => x.usPerEvent)), 3),
    ],
    ratioTo10: round(steadyUs[0]! / steadyUs[i]!, 2),
    roundRatioTo10: round(median(perSize[i]!.map((x, r) => perSize[0]![r]!.usPerEvent / x.usPerEvent)), 2),
  }));
  for (const s of steady) {
    log(
      `scale cpu ${String(s.stations).padStart(5)} stations  ${s.cpuUsPerEvent.toFixed(2)} CPU-µs/event once full  (${(s.ratioTo10 * 100).toFixed(0)}% of the speed of 10 stations, median of the rounds' own ratios ${(s.roundRatioTo10 * 100).toFixed(0)}%; single runs ${s.cpuUsRange[0].toFixed(2)}–${s.cpuUsRange[1].toFixed(2)}; ${s.events} events)`,
    );
  }
  // The shorter horizon is the same station-days for every size (3 d at 1,000 stations, past the filling
  // of that line; 300 d at 10), so that each size's short run is as many events as the others' (about
  // 2 M): with 3 d for every size, the 10-station line's short run was 24,000 events, over before V8 had
  // grown its heap to the size any longer run keeps, and its "growth" was that warm-up (+7 to +11 %).
  const shortStationDays = quick ? 2000 : 3000;
  const memoryRuns = quick ? 1 : 3;
  const memory = SIZES.map((n) => {
    const shortDays = shortStationDays / n;
    const probes = [medianProbe(n, shortDays, memoryRuns), medianProbe(n, shortDays * 10, memoryRuns)];
    const rssRatio = round(probes[1]!.peakRssMiB / probes[0]!.peakRssMiB, 3);
    log(
      `scale mem ${String(n).padStart(5)} stations  ${probes.map((p) => `${p.horizonDays} d (${p.events} events, ${(p.eventsPerSecond / 1e6).toFixed(3)} M events/s): peak RSS ${p.peakRssMiB} MiB`).join('   ')}   ratio ${rssRatio}`,
    );
    return { stations: n, probes, rssRatio };
  });
  return { speed, steady, memory };
}
