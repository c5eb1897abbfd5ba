import { createHash } from 'node:crypto';
import type { CommandModule } from 'yargs';
import {
  type Alternative,
  checkNamedFigures,
  compareAlternatives,
  compareHtml,
  createReplicationPool,
  detectWarmup,
  formatCompare,
  type Override,
  parseOverride,
  policySetting,
  rawDocument,
  readScenarioSource,
  scenarioWithOverrides,
  tuneV8ForReplications,
} from '../../experiments/index.js';
import { checkPoliciesFit, PolicyError, sharedPolicies } from '../../rl/index.js';
import type { Scenario } from '../../scenario/index.js';
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

interface CompareArgs extends ExperimentFlags {
  files: string[];
  alt?: string[];
  set?: string[];
  policy?: string[];
  baseline: 'first' | 'best';
  delta?: number;
  alpha?: number;
  'max-replications'?: number;
  html?: string;
}

/** Overrides and trained policies that make an alternative. */
interface Settings {
  readonly overrides: Override[];
  readonly policies: string[];
}

const joined = (parts: readonly Settings[]): Settings => ({
  overrides: parts.flatMap((p) => p.overrides),
  policies: parts.flatMap((p) => p.policies),
});

/**
 * The settings of one `--alt`: `;`-separated `path=value` overrides and `policy:kind=rule` or
 * `policy:kind=file.onnx` settings.
 * @throws OverrideError for a malformed one.
 */
function altSettings(document: unknown, text: string): Settings {
  return joined(
    text
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) =>
        s.startsWith('policy:')
          ? policySetting(document, s.slice(7))
          : { overrides: [parseOverride(s, '--alt')], policies: [] },
      ),
  );
}

/** The settings of one `--policy`: `;`-separated `kind=rule` or `kind=file.onnx`. */
function policySettings(document: unknown, text: string): Settings {
  return joined(
    text
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map((s) => policySetting(document, s)),
  );
}

/**
 * Loads each alternative's trained policies and checks them against its scenario before anything runs
 * (in this thread; the runner loads them again where it runs). Notes go to stderr.
 * @throws UsageError naming the alternative when a policy cannot be read or does not fit.
 */
async function checkPolicies(alternatives: readonly Alternative[], scenarios: readonly Scenario[]) {
  for (const [i, a] of alternatives.entries()) {
    if (a.policies === undefined || a.policies.length === 0) continue;
    try {
      const loaded = await sharedPolicies(a.policies);
      const fit = checkPoliciesFit(scenarios[i]!, loaded);
      for (const note of fit.notes) process.stderr.write(`note: ${a.name}: ${note}\n`);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      throw new UsageError(`alternative "${a.name}": ${error.message}`);
    }
  }
}

/**
 * Checks the selection's flags before anything runs: `--delta` > 0, `--alpha` in (0, 1 − 1/k),
 * `--max-replications` an integer ≥ 2; and warns when they cannot apply (the selection needs 3 or more
 * alternatives and a δ).
 * @throws UsageError naming the flag.
 */
function checkSelectionFlags(
  argv: { delta?: number; alpha?: number; 'max-replications'?: number },
  k: number,
): void {
  const { delta, alpha } = argv;
  const cap = argv['max-replications'];
  if (delta !== undefined && !(Number.isFinite(delta) && delta > 0))
    throw new UsageError(`--delta must be a number > 0, in the objective's unit (got ${delta})`);
  if (alpha !== undefined && !(alpha > 0 && alpha < 1 - 1 / Math.max(k, 2)))
    throw new UsageError(
      `--alpha must be in (0, 1 − 1/k) = (0, ${(1 - 1 / Math.max(k, 2)).toPrecision(3)}) with k = ${k} alternatives (got ${alpha})`,
    );
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 2))
    throw new UsageError(`--max-replications must be an integer >= 2 (got ${cap})`);
  const given = [
    ...(delta !== undefined ? ['--delta'] : []),
    ...(alpha !== undefined ? ['--alpha'] : []),
    ...(cap !== undefined ? ['--max-replications'] : []),
  ];
  if (given.length === 0) return;
  if (k < 3)
    process.stderr.write(
      `warning: ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} for selecting the best of 3 or more alternatives; with ${k}, the paired difference and its CI decide (ignored)\n`,
    );
  else if (delta === undefined)
    process.stderr.write(
      `warning: ${given.join(', ')} without --delta: no selection is made (give the indifference zone --delta D)\n`,
    );
}

/** `shopfloor compare A.yaml B.yaml …` or `shopfloor compare A.yaml --alt … --alt …`. */
export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <files..>',
  describe:
    'Compare alternatives on common random numbers: KPIs with CIs, paired differences, selection of the best',
  builder: (y) =>
    y
      .positional('files', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'scenario files (each one an alternative), or one file with --alt',
      })
      .option('alt', {
        type: 'string',
        array: true,
        describe:
          'with one file: an alternative, as "path=value; path=value; policy:kind=rule; policy:kind=file.onnx" (the file as it is comes first)',
      })
      .option('set', { type: 'string', array: true, describe: 'path=value applied to every alternative' })
      .option('policy', {
        type: 'string',
        array: true,
        describe:
          'kind=rule or kind=file.onnx applied to every alternative (dispatch=spt, crew=priority…); with one file and no --alt, each --policy is one alternative',
      })
      .option('replications', {
        type: 'number',
        describe: "replications per alternative, >= 2 (default the first file's run.replications)",
      })
      .option('seed', {
        type: 'number',
        describe: 'master seed: replication r of every alternative uses seed + r',
      })
      .option('horizon', { type: 'string', describe: 'simulated time, e.g. 8h' })
      .option('warmup', {
        type: 'string',
        describe:
          'warm-up, e.g. 1h, or "auto" (MSER-5 on pilot runs of each alternative; the longest is used)',
      })
      .option('kpi', {
        type: 'string',
        array: true,
        describe:
          'figures to report (default every plant KPI), e.g. kpis.cycleTimeS, stations.press.utilization',
      })
      .option('objective', {
        type: 'string',
        describe: 'figure:max|min for "best" and the selection (default kpis.throughputPerHour:max)',
      })
      .option('baseline', {
        choices: ['first', 'best'] as const,
        default: 'first' as const,
        describe: 'differences to the first or to the best alternative',
      })
      .option('delta', {
        type: 'number',
        describe:
          "indifference zone of the selection, in the objective's unit (with 3+ alternatives: Kim–Nelson)",
      })
      .option('alpha', {
        type: 'number',
        describe: '1 − probability of correct selection (default 0.05; with --delta)',
      })
      .option('max-replications', {
        type: 'number',
        describe: 'cap on replications per alternative in the selection (default 200; with --delta)',
      })
      .option('workers', { type: 'number', describe: 'worker threads (default all cores)' })
      .option('html', {
        type: 'string',
        describe: 'also write a self-contained HTML report (tables, forest plot of the differences)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON document' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar' })
      .check(checkRunFlags),
  handler: (argv) =>
    asUsage(async () => {
      const files = argv.files;
      const alts = argv.alt ?? [];
      // One file, no --alt and two or more --policy: each --policy is one alternative (a shadow
      // comparison of policies, e.g. dispatch=fifo against dispatch=policy.onnx).
      const policyAlternatives = files.length === 1 && alts.length === 0 && (argv.policy ?? []).length >= 2;
      if (alts.length > 0 && files.length !== 1)
        throw new UsageError('--alt goes with exactly one scenario file');
      if (alts.length === 0 && files.length < 2 && !policyAlternatives)
        throw new UsageError(
          'give two or more scenario files, or one file with --alt "path=value" alternatives or two or more --policy',
        );
      const common = (file: string): Settings => {
        const doc = rawDocument(readScenarioSource(file));
        return joined([
          { overrides: (argv.set ?? []).map((text) => parseOverride(text)), policies: [] },
          ...(policyAlternatives ? [] : (argv.policy ?? []).map((p) => policySettings(doc, p))),
        ]);
      };
      const alternative = (name: string, file: string, settings: Settings): Alternative => ({
        name,
        file,
        overrides: settings.overrides,
        ...(settings.policies.length > 0 ? { policies: settings.policies } : {}),
      });
      let alternatives: Alternative[];
      if (policyAlternatives) {
        const file = files[0]!;
        const doc = rawDocument(readScenarioSource(file));
        alternatives = argv.policy!.map((p) =>
          alternative(p, file, joined([common(file), policySettings(doc, p)])),
        );
      } else if (alts.length > 0) {
        const file = files[0]!;
        const doc = rawDocument(readScenarioSource(file));
        alternatives = [
          alternative(file, file, common(file)),
          ...alts.map((a) => alternative(a, file, joined([common(file), altSettings(doc, a)]))),
        ];
      } else alternatives = files.map((file) => alternative(file, file, common(file)));
      // The same file with the same settings twice is allowed, but its difference is 0 by construction.
      const sameAs = new Map<string, string>();
      for (const a of alternatives) {
        const key = JSON.stringify([a.file, a.overrides, a.policies ?? []]);
        const earlier = sameAs.get(key);
        if (earlier !== undefined)
          process.stderr.write(
            `warning: alternatives "${earlier}" and "${a.name}" are the same file with the same settings: they will not differ\n`,
          );
        else sameAs.set(key, a.name);
      }
      // Every alternative loads before anything runs (a bad path or value names its setting).
      const scenarios = alternatives.map((a) =>
        scenarioWithOverrides(readScenarioSource(a.file), a.overrides),
      );
      await checkPolicies(alternatives, scenarios);
      const first = scenarios[0]!;
      checkSelectionFlags(argv, alternatives.length);
      // Each figure once (`--kpi wip --kpi kpis.wip` names one).
      const kpis = argv.kpi === undefined ? undefined : [...new Set(argv.kpi.map(figureKey))];
      const objective = parseObjective(argv.objective);
      // Named figures must exist before anything runs (checked on the first alternative, the reference).
      checkNamedFigures(first, kpis, objective);
      const replications = argv.replications ?? first.run.replications;
      if (replications < 2)
        throw new UsageError(
          `compare needs at least 2 replications (the file says ${replications}; give --replications)`,
        );
      const cap = argv['max-replications'];
      if (cap !== undefined && cap < replications)
        throw new UsageError(
          `--max-replications (${cap}) must be at least the replications the selection starts from (${replications})`,
        );
      const seed = argv.seed ?? first.run.seed;
      const horizonS = durationSeconds('horizon', argv.horizon);
      if (argv.html !== undefined) checkOutputFile('html', argv.html);
      tuneV8ForReplications();
      const pool = createReplicationPool(workerCount(argv.workers));
      const bar = progressBar(!argv.json && !argv.quiet, 'compare');
      try {
        let warmupS: number | undefined;
        let warmupNote = '';
        if (argv.warmup === 'auto') {
          const found = await Promise.all(
            alternatives.map((a) =>
              detectWarmup({
                file: a.file,
                overrides: a.overrides,
                policies: a.policies,
                seed,
                horizonS,
                runner: pool.run,
              }),
            ),
          );
          warmupS = Math.max(...found.map((d) => d.warmupS));
          warmupNote = `warm-up: auto, MSER-5 on 5 pilot replications of each alternative: ${(warmupS / 3600).toFixed(2)} h (the longest)\n`;
          for (const [i, d] of found.entries())
            if (d.warning !== null) process.stderr.write(`warning: ${alternatives[i]!.name}: ${d.warning}\n`);
        } else warmupS = durationSeconds('warmup', argv.warmup);
        const result = await compareAlternatives(alternatives, {
          replications,
          seed,
          horizonS,
          warmupS,
          kpis,
          objective,
          baseline: argv.baseline,
          delta: argv.delta,
          alpha: argv.alpha,
          maxReplications: argv['max-replications'],
          runner: pool.run,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        if (argv.html !== undefined) {
          const sources = [...new Set(alternatives.map((a) => a.file))].map((file) =>
            readScenarioSource(file),
          );
          writeFileAtomic(
            argv.html,
            compareHtml(result, {
              shopfloorVersion: VERSION,
              scenarios: sources.map((s) => s.file).join(', '),
              scenarioSha256: sources
                .map((s) => createHash('sha256').update(s.text).digest('hex'))
                .join(', '),
              warmupS: warmupS ?? null,
            }),
          );
          if (!argv.json && !argv.quiet) process.stderr.write(`wrote ${argv.html}\n`);
        }
        if (argv.json)
          process.stdout.write(`${JSON.stringify({ warmupS: warmupS ?? null, ...result }, null, 2)}\n`);
        else process.stdout.write(warmupNote + formatCompare(result));
      } finally {
        bar.stop();
        await pool.close();
      }
    }),
};
