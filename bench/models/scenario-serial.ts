import { runScenario } from '../../src/report/index.js';
import { loadScenario } from '../../src/scenario/index.js';

/** Mean process time of every station of the generated line, minutes. */
export const SERIAL_PROCESS_MIN = 1;
/** Mean interarrival time at the head of the line, minutes (utilisation 0.5 per station). */
export const SERIAL_INTERARRIVAL_MIN = 2;
/** Capacity of each finite buffer between two stations. */
export const SERIAL_BUFFER = 2;

/** What one run of the generated serial line yields. */
export interface SerialLineResult {
  readonly stations: number;
  readonly horizonS: number;
  /** Calendar events processed. */
  readonly events: number;
  /** Parts that reached the sink. */
  readonly finished: number;
  /** Time-average parts in the system. */
  readonly wip: number;
}

/**
 * The text of a serial line of `stations` stations as a scenario file (JSON): Poisson arrivals, one
 * exponential machine per station, a finite buffer of {@link SERIAL_BUFFER} parts in front of every
 * station but the first (whose queue is infinite), so blocking propagates upstream. Stable: the arrival
 * rate is well below the line's capacity, so the parts in the system stay bounded whatever the horizon.
 */
export function serialLineScenarioText(stations: number): string {
  const ids = Array.from({ length: stations }, (_, i) => `s${i + 1}`);
  const scenario = {
    name: `serial line of ${stations} stations`,
    run: { horizon: '1d', warmup: '0s', replications: 1, seed: 2026 },
    products: [
      {
        id: 'part',
        routing: ids.map((station) => ({
          station,
          processTime: { exponential: { mean: `${SERIAL_PROCESS_MIN}min` } },
        })),
      },
    ],
    sources: [
      {
        id: 'arrivals',
        product: 'part',
        interarrival: { exponential: { mean: `${SERIAL_INTERARRIVAL_MIN}min` } },
      },
    ],
    buffers: ids.slice(1).map((id) => ({ id: `before-${id}`, capacity: SERIAL_BUFFER })),
    stations: ids.map((id, i) => (i === 0 ? { id } : { id, input: `before-${id}` })),
    sinks: [{ id: 'out' }],
  };
  return JSON.stringify(scenario);
}

/**
 * Runs the generated line of `stations` stations for `horizonS` seconds through the code path of
 * `shopfloor run`: load and validate the text, build the entities, run with statistics on, aggregate
 * the report.
 */
export function scenarioSerialLine(stations: number, horizonS: number): SerialLineResult {
  const loaded = loadScenario(serialLineScenarioText(stations), { fileName: `serial-${stations}.json` });
  if (!loaded.ok) throw new Error(`serial line scenario is invalid: ${loaded.problems[0]?.message}`);
  const result = runScenario(loaded.scenario, { horizon: horizonS, replications: 1 });
  return {
    stations,
    horizonS,
    events: result.events,
    finished: result.kpis.finished.mean,
    wip: result.kpis.wip.mean,
  };
}
