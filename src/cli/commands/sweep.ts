import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import {
  checkSweepPolicies,
  createReplicationPool,
  formatSweep,
  mergeShards,
  parseFactor,
  parseShard,
  planSweep,
  runSweep,
  sweepHtml,
  sweepTableJson,
  tuneV8ForReplications,
  writeTable,
} from '../../experiments/index.js';
import { PolicyError } from '../../rl/index.js';
import { checkOutputFile, writeFileAtomic } from '../report/output-file.js';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { checkRunFlags } from './check-run-flags.js';
import {
  asUsage,
  durationSeconds,
  type ExperimentFlags,
  figureKey,
  parseObjective,
  progressBar,
  workerCount,
} from './experiment-flags.js';

interface SweepArgs extends ExperimentFlags {
  file: string;
  set?: string[];
  design: 'grid' | 'lhs';
  samples?: number;
  out: string;
  resume: boolean;
  shard?: string;
  html?: string;
  policy?: string[];
}

/** `shopfloor sweep FILE --set path=levels …`. */
export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <file>',
  describe:
    'Run a scenario over a grid or Latin hypercube of settings, in parallel; a table of KPIs per point',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('set', {
        type: 'string',
        array: true,
        describe:
          'a factor: path=levels, e.g. buffers.b1.capacity=1..8, crews.tech.size=1,2,3, run.warmup=4h',
      })
      .option('design', {
        choices: ['grid', 'lhs'] as const,
        default: 'grid' as const,
        describe: 'every combination, or a Latin hypercube',
      })
      .option('samples', { type: 'number', describe: 'points of a Latin hypercube (--design lhs)' })
      .option('replications', {
        type: 'number',
        describe: "replications per point (default the file's run.replications)",
      })
      .option('seed', {
        type: 'number',
        describe: 'master seed: replication r of every point uses seed + r; also seeds the hypercube',
      })
      .option('horizon', { type: 'string', describe: 'simulated time, e.g. 8h' })
      .option('warmup', { type: 'string', describe: 'warm-up, e.g. 1h' })
      .option('kpi', {
        type: 'string',
        array: true,
        describe: 'figures in the table (default every plant KPI)',
      })
      .option('objective', {
        type: 'string',
        describe: 'figure:max|min; the table names the best point (default kpis.throughputPerHour:max)',
      })
      .option('policy', {
        type: 'string',
        array: true,
        describe:
          'who takes a kind of decision at every point, repeatable: KIND=RULE (e.g. dispatch=spt) or ' +
          "KIND=FILE.onnx (a trained policy exported by shopfloor_gym.export_onnx); other kinds keep the scenario's rules",
      })
      .option('workers', { type: 'number', describe: 'worker threads (default all cores)' })
      .option('out', {
        type: 'string',
        default: 'sweep-results',
        describe: 'folder for the journal and sweep.json/sweep.csv (or the shard file)',
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'continue an interrupted sweep from the journal in --out',
      })
      .option('shard', {
        type: 'string',
        describe: 'run slice i of n (points with index ≡ i−1 mod n), e.g. 2/8; writes shard-i-of-n.json',
      })
      .option('html', {
        type: 'string',
        describe: 'also write a self-contained HTML report (response plot or heat maps)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print the table as JSON' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' })
      .check(checkRunFlags),
  handler: (argv) =>
    asUsage(async () => {
      if (argv.warmup === 'auto')
        throw new UsageError(
          '--warmup auto is not available on sweep; run `shopfloor run FILE --warmup auto` on a typical point and pass the result',
        );
      const factors = (argv.set ?? []).map(parseFactor);
      if (factors.length === 0) throw new UsageError('sweep needs at least one --set path=levels');
      if (argv.out.trim() === '') throw new UsageError('--out needs a folder, e.g. --out sweep-results');
      const shard = argv.shard === undefined ? undefined : parseShard(argv.shard);
      if (shard !== undefined && argv.html !== undefined)
        throw new UsageError(
          '--html goes with a whole sweep: a shard has no table (give --html to merge instead)',
        );
      const workers = workerCount(argv.workers);
      // The worker threads start (and load the simulator) while this thread plans and validates.
      tuneV8ForReplications();
      const pool = createReplicationPool(workers);
      let plan: ReturnType<typeof planSweep>;
      const checking = progressBar(!argv.json && !argv.quiet, 'checking', 'points');
      try {
        // Everything is validated here, before the first replication.
        plan = planSweep({
          file: argv.file,
          factors,
          design: argv.design,
          samples: argv.samples,
          seed: argv.seed,
          replications: argv.replications,
          horizonS: durationSeconds('horizon', argv.horizon),
          warmupS: durationSeconds('warmup', argv.warmup),
          kpis: argv.kpi?.map(figureKey),
          objective: parseObjective(argv.objective),
          ...(argv.policy === undefined ? {} : { policies: argv.policy }),
          shopfloorVersion: VERSION,
          onChecked: (done, total) => {
            // Shown from a few thousand points on (about half a millisecond each).
            if (total >= 2000 && (done % 100 === 0 || done === total)) checking.update(done, total);
          },
        });
        checking.stop();
        try {
          for (const note of await checkSweepPolicies(plan)) process.stderr.write(`note: ${note}\n`);
        } catch (error) {
          if (error instanceof PolicyError) throw new UsageError(error.message);
          throw error;
        }
        if (argv.html !== undefined) checkOutputFile('html', argv.html);
        if (plan.manifest.replications < 2)
          process.stderr.write(
            'warning: 1 replication per point: the table has no confidence intervals, and the best point may be chance (give --replications 2 or more)\n',
          );
      } catch (error) {
        checking.stop();
        await pool.close();
        throw error;
      }
      const bar = progressBar(!argv.json && !argv.quiet, 'sweep');
      try {
        const result = await runSweep(plan, {
          out: argv.out,
          shard,
          resume: argv.resume,
          runner: pool.run,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        if (argv.html !== undefined && result.table !== null) {
          writeFileAtomic(argv.html, sweepHtml(result.table));
          if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${argv.html}\n`);
        }
        if (argv.json && result.table !== null) process.stdout.write(sweepTableJson(result.table));
        else if (!argv.json) {
          if (result.resumed > 0)
            process.stdout.write(`resumed: ${result.resumed} of ${result.points} points were already done\n`);
          if (result.table !== null) process.stdout.write(formatSweep(result.table));
          else process.stdout.write(`shard ${shard!.index}/${shard!.count}: ${result.points} points\n`);
          if (result.failed > 0)
            process.stdout.write(`${result.failed} point(s) failed: see the error column\n`);
          process.stdout.write(`wrote ${result.files.join(', ')}\n`);
        }
      } finally {
        bar.stop();
        await pool.close();
      }
    }),
};

interface MergeArgs {
  files: string[];
  out?: string;
  json: boolean;
  html?: string;
}

/** `shopfloor merge results/shard-*.json`. */
export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <files..>',
  describe: 'Join the shard files of a sweep run with --shard into the table one machine would have written',
  builder: (y) =>
    y
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'shard files (shard-i-of-n.json)',
      })
      .option('out', {
        type: 'string',
        describe: "folder for sweep.json and sweep.csv (default the first file's folder)",
      })
      .option('html', { type: 'string', describe: 'also write a self-contained HTML report' })
      .option('json', { type: 'boolean', default: false, describe: 'print the table as JSON' }),
  handler: (argv) =>
    asUsage(async () => {
      if (argv.out !== undefined && argv.out.trim() === '')
        throw new UsageError("--out needs a folder (default: the first shard file's folder)");
      const table = mergeShards(argv.files);
      if (argv.html !== undefined) checkOutputFile('html', argv.html);
      const written = writeTable(argv.out ?? dirname(argv.files[0]!), table);
      if (argv.html !== undefined) {
        writeFileAtomic(argv.html, sweepHtml(table));
        written.push(argv.html);
      }
      if (argv.json) process.stdout.write(sweepTableJson(table));
      else process.stdout.write(`${formatSweep(table)}wrote ${written.join(', ')}\n`);
    }),
};
