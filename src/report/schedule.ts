import type { Part, Plant } from '../entities/index.js';
import { csvCell } from './_internal/csv.js';

/** What a {@link ScheduleRow} is about. */
export type ScheduleRowKind = 'operation' | 'setup' | 'failure' | 'maintenance';

/**
 * One row of a run's schedule: something that occupied one server of one station for an interval.
 * Times are simulated seconds from the start of the run; `NaN` where a time does not apply or has not
 * happened yet (the run ended first).
 */
export interface ScheduleRow {
  readonly kind: ScheduleRowKind;
  /** Part id (operation rows only). */
  readonly part: number | undefined;
  /** Product of the part (operation rows only). */
  readonly product: string | undefined;
  /**
   * Index of the step in the product's routing, from 0 (operation rows only). A part sent back for rework
   * visits a step again, so the same (part, step) can appear twice.
   */
  readonly step: number | undefined;
  readonly station: string;
  /** Server index within the station, from 0. */
  readonly server: number;
  /** Operation: when the part entered the station's queue, seconds (`NaN` for other kinds). */
  readonly queuedS: number;
  /**
   * When it began, seconds. Operation: when the server first started working on the part, i.e. after a
   * robot loaded it and after any setup (a failure that interrupts the work does not start a new row).
   * Failure: the breakdown. Maintenance: the server stopped for it. Setup: the changeover began.
   */
  readonly startedS: number;
  /**
   * When it ended, seconds. Operation: processing done (the part may then wait, blocked, on the
   * server). Failure: the repair ended, so the row covers waiting for a crew, its travel and the repair.
   * Maintenance: the crew was done. Setup: the changeover ended.
   */
  readonly finishedS: number;
  /** Failure: the failure mode; maintenance: the plan; setup: `from->to` products; operation: empty. */
  readonly detail: string;
}

/** The schedule of one run, collected from a plant's events; see {@link recordSchedule}. */
export interface ScheduleRecorder {
  /**
   * Every row so far (a copy), ordered by start, then station, then server, then kind (setup,
   * operation, failure, maintenance), then part id. A row still open has `finishedS` `NaN`; an
   * operation whose part is on the server but not yet worked on (waiting for a robot or a setup) also
   * has `startedS` `NaN` and comes last.
   */
  rows(): ScheduleRow[];
  /**
   * The rows as CSV text, header first: `kind,part,product,step,station,server,queued_s,started_s,
   * finished_s,detail`. Numbers are written in their shortest exact form (`String(n)`), so they read
   * back as the very same floats; a time that does not apply is an empty cell.
   */
  toCsv(): string;
  /** Stops listening to the plant (rows collected so far stay). */
  stop(): void;
}

/** Options of {@link recordSchedule}. */
export interface ScheduleOptions {
  /**
   * Receives, as the run goes on, the finished rows that no row seen later can come before, in the order
   * of {@link ScheduleRecorder.rows}; the recorder then forgets them, so that a long run's schedule can go
   * to a file as it grows instead of being held whole. Called from within the plant's events, in batches
   * once about {@link ScheduleOptions.spillRows} rows are held. Every batch comes before the next and
   * before what `rows()` returns at the end: their concatenation is what `rows()` alone would have given.
   */
  readonly spill?: (rows: ScheduleRow[]) => void;
  /** Rows held before a batch is handed to `spill` (default 65,536; more while a long stop keeps rows back), >= 1. */
  readonly spillRows?: number;
}

/** Rows held before they are handed to {@link ScheduleOptions.spill}, by default. */
const DEFAULT_SPILL_ROWS = 65_536;

/** The CSV header of a schedule, see {@link ScheduleRecorder.toCsv}. */
export const SCHEDULE_CSV_HEADER =
  'kind,part,product,step,station,server,queued_s,started_s,finished_s,detail' as const;

const KIND_ORDER: Readonly<Record<ScheduleRowKind, number>> = {
  setup: 0,
  operation: 1,
  failure: 2,
  maintenance: 3,
};

interface OpenRow {
  kind: ScheduleRowKind;
  part: number | undefined;
  product: string | undefined;
  step: number | undefined;
  station: string;
  server: number;
  queuedS: number;
  startedS: number;
  finishedS: number;
  detail: string;
  /** Operation: when the part was taken onto the server (`processStarted`), seconds. */
  takenS: number;
}

/** What the recorder knows of one server. */
interface ServerTrack {
  /** Its last published state is `busy`. */
  busy: boolean;
  /** Operations on it (a batch or a kit holds several), by part. */
  readonly operations: Map<Part, OpenRow>;
  /** Operations taken onto it whose work has not begun. */
  waiting: OpenRow[];
  setup: OpenRow | undefined;
  /** Open failure and maintenance rows. */
  readonly stops: OpenRow[];
}

/**
 * Records what happened to every part, and to every server, from a plant's published events
 * ({@link Plant.events}; the entities do not know it listens). Subscribe right after the model is built
 * and before it runs: what happened before is not seen.
 *
 * - `operation`: one row per part per station visit, on the server that processed it; a batch or an
 *   assembly kit gives one row per part, all with the same server and times. A part interrupted by a
 *   failure (or by the end of a shift) keeps one row, from the first start of its work to its end; the
 *   failure is a row of its own that overlaps it. `queuedS` is the time the part joined the station's
 *   queue, taken from the part's own step record (`part.currentStep.queuedS`) at `processStarted`: the
 *   station stamps it on arrival, for a rework visit too, whereas `partMoved` names the input buffer
 *   (which a scenario may name as it likes) and, through a conveyor or robot, a carrier first.
 *   `startedS` is the first `busy` of the server after `processStarted`, so it is later than the step
 *   record's `startedS` (the moment the part was taken onto the server) by any robot loading and setup.
 *   A part made by an assembly station has no row there (its components do).
 * - `setup`: from `setupStarted` to the server leaving the `setup` state.
 * - `failure`: from `failed` to `repaired` (down time, waiting for the crew included).
 * - `maintenance`: from `maintenanceStarted` to `maintenanceEnded` (waiting for the crew included).
 *
 * ```ts
 * const model = buildPlant(scenario, seed);
 * const schedule = recordSchedule(model.plant);
 * model.plant.run({ until: horizonS });
 * writeFileSync('schedule.csv', schedule.toCsv());
 * ```
 */
export function recordSchedule(plant: Plant, options: ScheduleOptions = {}): ScheduleRecorder {
  const spill = options.spill;
  const spillRows = options.spillRows ?? DEFAULT_SPILL_ROWS;
  if (!(Number.isInteger(spillRows) && spillRows >= 1))
    throw new RangeError(`recordSchedule: spillRows must be an integer >= 1 (got ${options.spillRows})`);
  /** Rows not yet handed to `spill`: every row, without it. */
  let all: OpenRow[] = [];
  let spillAt = spillRows;
  /**
   * Hands out the finished rows that start before every row still open and before `now` (rows seen
   * later start at `now` or after; an operation not yet worked on starts no earlier than it was taken
   * on). Strictly before, so that rows starting at the same time go out together, in their order.
   */
  const spillNow = (now: number): void => {
    let frontier = now;
    for (const r of all) {
      if (!Number.isNaN(r.finishedS)) continue;
      const start = Number.isNaN(r.startedS) ? r.takenS : r.startedS;
      if (start < frontier) frontier = start;
    }
    const out: OpenRow[] = [];
    const keep: OpenRow[] = [];
    for (const r of all) (!Number.isNaN(r.finishedS) && r.startedS < frontier ? out : keep).push(r);
    all = keep;
    // A long stop (a failure waiting days for its crew) holds rows back: wait for twice as many before
    // looking again, so that the rows are scanned a bounded number of times on average.
    spillAt = Math.max(spillRows, 2 * keep.length);
    if (out.length > 0) spill!(out.map(publicRow).sort(compareRows));
  };
  const add = (row: OpenRow, now: number): void => {
    all.push(row);
    if (spill !== undefined && all.length >= spillAt) spillNow(now);
  };
  const tracks = new Map<string, Map<number, ServerTrack>>();
  const track = (station: string, server: number): ServerTrack => {
    let byServer = tracks.get(station);
    if (byServer === undefined) {
      byServer = new Map();
      tracks.set(station, byServer);
    }
    let t = byServer.get(server);
    if (t === undefined) {
      t = { busy: false, operations: new Map(), waiting: [], setup: undefined, stops: [] };
      byServer.set(server, t);
    }
    return t;
  };
  const open = (
    kind: Exclude<ScheduleRowKind, 'operation'>,
    station: string,
    server: number,
    detail: string,
    now: number,
  ): OpenRow => {
    const row: OpenRow = {
      kind,
      part: undefined,
      product: undefined,
      step: undefined,
      station,
      server,
      queuedS: Number.NaN,
      startedS: now,
      finishedS: Number.NaN,
      detail,
      takenS: Number.NaN,
    };
    add(row, now);
    return row;
  };
  const close = (t: ServerTrack, kind: ScheduleRowKind, detail: string, now: number): void => {
    const i = t.stops.findIndex((r) => r.kind === kind && r.detail === detail);
    if (i < 0) return; // began before the recorder subscribed
    t.stops[i]!.finishedS = now;
    t.stops.splice(i, 1);
  };

  const events = plant.events;
  const offs = [
    events.on('processStarted', (part, station, server, now) => {
      const t = track(station, server);
      const rec = part.currentStep;
      const row: OpenRow = {
        kind: 'operation',
        part: part.id,
        product: part.product,
        step: part.step,
        station,
        server,
        queuedS: rec !== undefined && rec.station === station ? rec.queuedS : Number.NaN,
        // Work begins at the next `busy` (after loading and setup), or now if the server is already busy.
        startedS: t.busy ? now : Number.NaN,
        finishedS: Number.NaN,
        detail: '',
        takenS: now,
      };
      t.operations.set(part, row);
      if (!t.busy) t.waiting.push(row);
      add(row, now);
    }),
    events.on('serverStateChanged', (station, server, from, to, now) => {
      const t = track(station, server);
      t.busy = to === 'busy';
      if (t.busy && t.waiting.length > 0) {
        for (const row of t.waiting) row.startedS = now;
        t.waiting = [];
      }
      if (from === 'setup' && t.setup !== undefined) {
        t.setup.finishedS = now;
        t.setup = undefined;
      }
    }),
    events.on('processFinished', (part, station, server, now) => {
      const t = track(station, server);
      const row = t.operations.get(part);
      if (row === undefined) return; // taken onto the server before the recorder subscribed
      t.operations.delete(part);
      if (Number.isNaN(row.startedS)) {
        // Never seen busy (not published for this work): the best known start is when it was taken on.
        row.startedS = row.takenS;
        t.waiting = t.waiting.filter((r) => r !== row);
      }
      row.finishedS = now;
    }),
    events.on('setupStarted', (station, server, from, to, now) => {
      const t = track(station, server);
      if (t.setup !== undefined) t.setup.finishedS = now;
      t.setup = open('setup', station, server, `${from}->${to}`, now);
    }),
    events.on('failed', (station, server, mode, now) => {
      track(station, server).stops.push(open('failure', station, server, mode, now));
    }),
    events.on('repaired', (station, server, mode, now) =>
      close(track(station, server), 'failure', mode, now),
    ),
    events.on('maintenanceStarted', (station, server, plan, now) => {
      track(station, server).stops.push(open('maintenance', station, server, plan, now));
    }),
    events.on('maintenanceEnded', (station, server, plan, now) =>
      close(track(station, server), 'maintenance', plan, now),
    ),
  ];

  const rows = (): ScheduleRow[] => all.map(publicRow).sort(compareRows);

  return {
    rows,
    toCsv: () => scheduleToCsv(rows()),
    stop: () => {
      for (const off of offs) off();
      offs.length = 0;
    },
  };
}

/** The row as the recorder hands it out (without its bookkeeping). */
function publicRow(r: OpenRow): ScheduleRow {
  return {
    kind: r.kind,
    part: r.part,
    product: r.product,
    step: r.step,
    station: r.station,
    server: r.server,
    queuedS: r.queuedS,
    startedS: r.startedS,
    finishedS: r.finishedS,
    detail: r.detail,
  };
}

/** Writes schedule rows as CSV text (header {@link SCHEDULE_CSV_HEADER}, one line per row, `\n` endings). */
export function scheduleToCsv(rows: readonly ScheduleRow[]): string {
  return `${SCHEDULE_CSV_HEADER}\n${scheduleCsvLines(rows)}`;
}

/** Schedule rows as CSV lines without the header, each ending in `\n` (empty for no rows). */
export function scheduleCsvLines(rows: readonly ScheduleRow[]): string {
  let text = '';
  for (const r of rows) {
    text += `${[
      r.kind,
      r.part,
      r.product,
      r.step,
      r.station,
      r.server,
      r.queuedS,
      r.startedS,
      r.finishedS,
      r.detail,
    ]
      .map(csvCell)
      .join(',')}\n`;
  }
  return text;
}

/** Start (`NaN` last), station, server, kind, part, end: a total order, so the output is deterministic. */
function compareRows(a: ScheduleRow, b: ScheduleRow): number {
  return (
    compareTimes(a.startedS, b.startedS) ||
    compareStrings(a.station, b.station) ||
    a.server - b.server ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.part ?? 0) - (b.part ?? 0) ||
    compareTimes(a.finishedS, b.finishedS) ||
    compareStrings(a.detail, b.detail)
  );
}

function compareTimes(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}

/** By UTF-16 code units, not by locale, so the order is the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
