import Table from 'cli-table3';
import type { CommandModule } from 'yargs';
import { TraceFormatError } from '../../stream/codec.js';
import { openTrace } from '../../stream/open-trace.js';
import type { TraceReader } from '../../stream/trace-reader.js';
import { EXIT_USAGE } from '../exit-codes.js';

interface InfoArgs {
  file: string;
  json: boolean;
}

/** What `shopfloor trace info` reports of a trace. */
export function traceInfo(reader: TraceReader): Record<string, unknown> {
  const h = reader.header;
  const counts = reader.counts();
  const last = reader.stateAt(reader.durationS);
  return {
    formatVersion: h.formatVersion,
    shopfloorVersion: h.shopfloorVersion,
    name: h.name,
    scenarioSha256: h.scenarioSha256,
    seed: h.seed,
    replication: h.replication,
    horizonS: h.horizonS,
    warmupS: h.warmupS,
    durationS: reader.durationS,
    endReason: reader.endReason,
    bytes: reader.byteLength,
    blocks: reader.blocks.length,
    keyframeEveryS: h.keyframeEveryS,
    frames: Object.values(counts).reduce((a, b) => a + b, 0),
    framesByKind: counts,
    entities: {
      stations: h.layout.stations.length,
      buffers: h.layout.buffers.length,
      conveyors: h.layout.conveyors.length,
      robots: h.layout.robots.reduce((n, f) => n + f.robots.length, 0),
      crews: h.layout.crews.reduce((n, p) => n + p.crews.length, 0),
    },
    counters: last.counters,
  };
}

const infoCommand: CommandModule<object, InfoArgs> = {
  command: 'info <file>',
  describe: 'Print what a trace holds: its run, duration, size and frame counts',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'trace file (.sftrace)' })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON document' }),
  handler: (argv) => {
    let info: Record<string, unknown>;
    try {
      info = traceInfo(openTrace(argv.file));
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (error instanceof TraceFormatError || typeof e.code === 'string') {
        process.stderr.write(`✖ ${argv.file}: ${e.message}\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      throw error;
    }
    if (argv.json) {
      process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
      return;
    }
    const h = (s: unknown) => `${((s as number) / 3600).toFixed(2)} h`;
    const table = new Table({ colWidths: [14, 90], wordWrap: true, style: { head: [], border: [] } });
    const rows: [string, string][] = [
      ['scenario', `${info.name} (sha256 ${String(info.scenarioSha256).slice(0, 12)}…)`],
      ['recorded by', `shopfloor ${info.shopfloorVersion}, trace format ${info.formatVersion}`],
      ['replication', `${(info.replication as number) + 1} (seed ${info.seed})`],
      [
        'duration',
        `${h(info.durationS)} of ${h(info.horizonS)} (warm-up ${h(info.warmupS)}), ended: ${info.endReason}`,
      ],
      [
        'size',
        `${((info.bytes as number) / 1e6).toFixed(2)} MB in ${info.blocks} blocks, a keyframe every ${h(info.keyframeEveryS)}`,
      ],
      [
        'entities',
        Object.entries(info.entities as object)
          .map(([k, v]) => `${v} ${k}`)
          .join(', '),
      ],
      [
        'parts',
        Object.entries(info.counters as object)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ],
      [
        'frames',
        `${(info.frames as number).toLocaleString('en-US')}: ${Object.entries(info.framesByKind as object)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      ],
    ];
    for (const [k, v] of rows) table.push({ [k]: v });
    process.stdout.write(`${table.toString()}\n`);
  },
};

/** `shopfloor trace …`: commands on recorded traces. */
export const traceCommand: CommandModule = {
  command: 'trace <command>',
  describe: 'Inspect a recorded trace (see `shopfloor run --trace`)',
  builder: (y) =>
    y.command(infoCommand).demandCommand(1, 'Give a trace command, e.g. `shopfloor trace info FILE`.'),
  handler: () => {},
};
