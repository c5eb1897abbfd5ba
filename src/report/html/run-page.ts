import type { ScenarioResult } from '../figures/sections.js';
import { activePeriodBottlenecks } from '../observe/active-period.js';
import type { RunObservations } from '../observe/run-observer.js';
import { ganttChart, histogramChart, rankingChart, stackedShareChart, timeSeriesChart } from './charts.js';
import { type PageBlock, type ReportPage, renderPage } from './page.js';
import { resultTableBlocks } from './tables.js';

/** What {@link runReportHtml} draws. */
export interface RunReportInput {
  readonly title: string;
  /** What was run, shown first (the `manifest` of `--json`). */
  readonly manifest: ReportPage['manifest'];
  readonly result: ScenarioResult;
  /** The first replication watched over time (see `observeRun`); without it, only tables and state bars. */
  readonly observations?: RunObservations;
  /** Hours of the run the Gantt chart shows, from its start (default {@link DEFAULT_GANTT_HOURS}, at most the run). */
  readonly ganttHours?: number;
}

/** Hours of the run the Gantt chart shows by default, from its start. */
export const DEFAULT_GANTT_HOURS = 8;

/** Gantt rows drawn at most (the first ones in time), so that a busy plant's page stays light. */
const MAX_GANTT_ROWS = 4000;

/** Time-series lines (buffers) drawn at most: the ones with the highest mean level. */
const MAX_SERIES = 12;

/** The blocks of a run report: KPI tables, then the plots. Exported for pages that embed a run. */
export function runReportBlocks(input: RunReportInput): PageBlock[] {
  const { result, observations: obs } = input;
  const blocks: PageBlock[] = [{ kind: 'heading', text: 'Figures' }];
  blocks.push({
    kind: 'text',
    text:
      result.replications > 1
        ? `Mean ± 95% confidence half-width over ${result.replications} replications (Student t); MTBF/MTTR pooled.`
        : 'One replication: no confidence interval.',
  });
  blocks.push(...resultTableBlocks(result));
  blocks.push({ kind: 'heading', text: 'Plots' });
  const hours = (s: number) => s / 3600;
  if (obs !== undefined && obs.timesS.length > 0) {
    const warmupH = hours(obs.warmupS);
    blocks.push({
      kind: 'chart',
      name: 'wip',
      title: 'Work in process over time (first replication)',
      spec: timeSeriesChart(
        obs.timesS.map((t, i) => ({ hours: hours(t), value: obs.wip[i]!, series: 'WIP' })),
        'parts in the system',
        warmupH,
      ),
      caption:
        'Parts released and not yet finished; the dashed line ends the warm-up (figures count only after it).',
    });
    const step = obs.timesS.length > 1 ? obs.timesS[1]! - obs.timesS[0]! : 1;
    blocks.push({
      kind: 'chart',
      name: 'throughput',
      title: 'Throughput over time (first replication)',
      spec: timeSeriesChart(
        obs.timesS.slice(1).map((t, i) => ({
          hours: hours(t),
          value: ((obs.finished[i + 1]! - obs.finished[i]!) / step) * 3600,
          series: 'throughput',
        })),
        'parts finished per hour',
        warmupH,
      ),
      caption: `Parts finished in each interval of ${(step / 60).toFixed(1)} min, per hour.`,
    });
  }
  const stateRows = Object.entries(result.stations).flatMap(([id, s]) =>
    Object.entries(s.stateFractions).map(([state, e]) => ({ entity: id, category: state, fraction: e.mean })),
  );
  if (stateRows.length > 0) {
    blocks.push({
      kind: 'chart',
      name: 'station-states',
      title: 'Station states',
      spec: stackedShareChart(stateRows, 'station'),
      caption: 'Share of server-time in each state (mean over replications), after the warm-up.',
    });
  }
  if (obs !== undefined) {
    if (obs.cycleTimesS.length > 0) {
      blocks.push({
        kind: 'chart',
        name: 'cycle-time',
        title: 'Cycle time (first replication)',
        spec: histogramChart(
          obs.cycleTimesS.map((c) => c / 60),
          'cycle time (min)',
        ),
        caption: `Release-to-sink time of the ${obs.cycleTimesS.length} parts finished after the warm-up.`,
      });
    }
    const buffers = Object.entries(obs.bufferLevels)
      .map(([id, levels]) => ({
        id,
        levels,
        mean: levels.reduce((a, b) => a + b, 0) / Math.max(1, levels.length),
      }))
      .sort((a, b) => b.mean - a.mean || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_SERIES);
    if (buffers.length > 0) {
      blocks.push({
        kind: 'chart',
        name: 'queues',
        title: 'Queue lengths over time (first replication)',
        spec: timeSeriesChart(
          buffers.flatMap((b) =>
            b.levels.map((level, i) => ({ hours: hours(obs.timesS[i]!), value: level, series: b.id })),
          ),
          'parts waiting',
          hours(obs.warmupS),
        ),
        caption: `Parts in each buffer and station input (the ${buffers.length} fullest on average).`,
      });
    }
    const ganttEndS = Math.min(obs.endS, (input.ganttHours ?? DEFAULT_GANTT_HOURS) * 3600);
    const gantt = obs.schedule
      .filter((r) => Number.isFinite(r.startedS) && r.startedS < ganttEndS)
      .slice(0, MAX_GANTT_ROWS)
      .map((r) => ({
        lane: `${r.station}/${r.server}`,
        start: hours(r.startedS),
        end: hours(Math.min(Number.isFinite(r.finishedS) ? r.finishedS : obs.endS, ganttEndS)),
        category: r.kind === 'operation' ? (r.product ?? 'operation') : r.kind,
        detail: r.kind === 'operation' ? `part ${r.part}, step ${r.step}` : r.detail,
      }));
    if (gantt.length > 0) {
      blocks.push({
        kind: 'chart',
        name: 'gantt',
        title: `Schedule of the first ${hours(ganttEndS).toFixed(1)} h (first replication)`,
        spec: ganttChart(gantt),
        caption:
          'Operations by product, setups, failures (to the end of the repair) and maintenance, per server.',
      });
    }
    if (obs.endS > obs.warmupS && Object.keys(obs.activePeriods).length > 0) {
      const ranking = activePeriodBottlenecks(obs.activePeriods, obs.warmupS, obs.endS);
      blocks.push({
        kind: 'chart',
        name: 'bottlenecks',
        title: 'Bottleneck ranking (active-period method, first replication)',
        spec: rankingChart(
          ranking.flatMap((r) => [
            { entity: r.station, part: 'sole bottleneck', value: r.sole },
            { entity: r.station, part: 'shifting bottleneck', value: r.shifting },
          ]),
          'share of the observed time',
        ),
        caption:
          'At each instant the bottleneck is the station with the longest uninterrupted active period (working, setup, loading, down or in maintenance); where two overlap it shifts.',
      });
      blocks.push({
        kind: 'table',
        title: 'Bottleneck ranking',
        head: ['station', 'sole', 'shifting', 'total'],
        rows: ranking.map((r) => [
          r.station,
          `${(r.sole * 100).toFixed(1)} %`,
          `${(r.shifting * 100).toFixed(1)} %`,
          `${((r.sole + r.shifting) * 100).toFixed(1)} %`,
        ]),
      });
    }
  }
  return blocks;
}

/** The HTML report of a run (`shopfloor run --html`): one self-contained file. */
export function runReportHtml(input: RunReportInput): string {
  const r = input.result;
  return renderPage({
    title: input.title,
    subtitle: `${r.replications} replication${r.replications === 1 ? '' : 's'} from seed ${r.seed}, horizon ${(r.horizonS / 3600).toFixed(2)} h, warm-up ${(r.warmupS / 3600).toFixed(2)} h${r.partial ? ` — PARTIAL RESULT: ${r.partialReason}` : ''}`,
    manifest: input.manifest,
    blocks: runReportBlocks(input),
  });
}
