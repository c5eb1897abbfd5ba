/**
 * The package as a user gets it: pack, install, import. On every run (about a minute; it runs npm):
 *
 * 1. copies what the package is made of (package.json, README, tsconfigs, src/ and the `files` entries)
 *    to a temporary directory and runs `npm pack` there, so the tarball is built by the project's own
 *    `prepack` from the sources as they are now, without touching this repository's dist/ (which other
 *    test files run at the same time);
 * 2. creates an empty project and `npm install`s the tarball into it (from the warm npm cache);
 * 3. runs the README's "Use it as a library" example there, type-checks a TypeScript file importing from
 *    'shopfloor' with NodeNext resolution, and runs `npx shopfloor --version`.
 *
 * Works with CI=true and no stdin; the temporary directories are removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadScenarioFile, runScenario } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
};
const TSC = join(ROOT, 'node_modules/.bin/tsc');

/** Config an npm started from `npm test` must not inherit (`npm_config_local_prefix` would point it here). */
const KEEP_NPM_CONFIG = new Set(
  ['cache', 'registry', 'userconfig', 'globalconfig', 'cafile', 'proxy', 'https_proxy', 'noproxy'].map(
    (k) => `npm_config_${k}`,
  ),
);

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.toLowerCase().startsWith('npm_') && !KEEP_NPM_CONFIG.has(key.toLowerCase())) continue;
    env[key] = value;
  }
  return { ...env, CI: 'true' };
}

/** Runs a command without stdin; returns stdout, or throws with the command, its output and exit status. */
function run(command: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(command, args, {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
  if (r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed: ${r.error?.message ?? `exit ${r.status}`}\n${r.stdout}\n${r.stderr}`,
    );
  }
  return r.stdout;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** The first ```js block of the README's "Use it as a library" section. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Use it as a library'));
  const code = section?.match(/^```js\n([\s\S]*?)^```/m)?.[1];
  if (code === undefined) throw new Error('README.md: no ```js block under "## Use it as a library"');
  return code;
}

/**
 * Type-checked in the installed project. Besides using the API as a user would, it asserts that the
 * exported types are real: a declaration that failed to resolve (say, a type from a dev dependency)
 * would turn into `any` quietly under skipLibCheck, and `NotAny` fails on it.
 */
const TYPES_CHECK = `import {
  BuildError,
  buildPlant,
  type DispatchPoint,
  type DispatchPolicy,
  fifo,
  formatProblems,
  type LoadResult,
  loadScenario,
  type Plant,
  type PlantEvents,
  type Policy,
  runScenario,
  type Scenario,
  type ScenarioResult,
  type ScenarioSource,
  Simulation,
  Station,
  Tally,
} from 'shopfloor';

type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T extends false> = T;
export type TypesAreReal = [
  NotAny<IsAny<Simulation>>,
  NotAny<IsAny<Simulation['now']>>,
  NotAny<IsAny<Tally['mean']>>,
  NotAny<IsAny<LoadResult>>,
  NotAny<IsAny<Scenario>>,
  NotAny<IsAny<Scenario['stations'][number]>>,
  NotAny<IsAny<ScenarioResult['kpis']['throughputPerHour']>>,
  NotAny<IsAny<ReturnType<typeof runScenario>>>,
  NotAny<IsAny<ReturnType<typeof buildPlant>['sim']>>,
  NotAny<IsAny<Plant>>,
  NotAny<IsAny<PlantEvents>>,
  NotAny<IsAny<Station>>,
  NotAny<IsAny<DispatchPoint['options'][number]>>,
  NotAny<IsAny<typeof fifo>>,
  NotAny<IsAny<Policy<DispatchPoint>>>,
  NotAny<IsAny<BuildError>>,
];

const sim = new Simulation({ seed: 1 });
export const now: number = sim.now;
// @ts-expect-error the clock is a number, not a string
export const wrong: string = sim.now;

/** A rule of one's own, written against the decision contract; a built-in rule fits the same type. */
export const earliestDue: DispatchPolicy = {
  name: 'earliest-due',
  decide(point: DispatchPoint): number {
    let best = 0;
    point.options.forEach((part, i) => {
      if (part.dueS < point.options[best]!.dueS) best = i;
    });
    return best;
  },
};
export const rules: readonly DispatchPolicy[] = [fifo, earliestDue];

export function throughput(text: string): number | string {
  const loaded: LoadResult = loadScenario(text, { fileName: 'line.yaml' });
  if (!loaded.ok) return formatProblems(loaded.problems, 'line.yaml');
  const scenario: Scenario = loaded.scenario;
  const sources: readonly ScenarioSource[] = scenario.sources;
  const plant: Plant = buildPlant(scenario, 1).plant;
  const result: ScenarioResult = runScenario(scenario, { replications: 2, horizon: 3600 });
  return sources.length > 0 && plant !== undefined ? result.kpis.throughputPerHour.mean : 0;
}
`;

describe(`npm pack → npm install → import '${PKG.name}'`, () => {
  let work = '';
  let project = '';
  let installed = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'shopfloor-pack-'));
    const stage = join(work, 'stage');
    project = join(work, 'project');
    mkdirSync(stage);
    mkdirSync(project);

    // What `npm pack`'s build (prepack) reads: the sources and the worker's bundling script.
    const sources = [
      'package.json',
      'README.md',
      'LICENSE',
      'tsconfig.json',
      'tsconfig.build.json',
      'src',
      'scripts/bundle-worker.mjs',
    ];
    for (const entry of [
      ...sources,
      ...PKG.files.filter((f) => !f.startsWith('dist') && !f.startsWith('!')),
    ]) {
      if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
    }
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(stage, 'node_modules'), 'dir');
    run('npm', ['pack', '--pack-destination', project], stage);

    const tarball = `${PKG.name}-${PKG.version}.tgz`;
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'uses-shopfloor', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
    );
    run('npm', ['install', `./${tarball}`, '--no-audit', '--no-fund', '--prefer-offline'], project);
    installed = join(project, 'node_modules', PKG.name);
  }, 300_000);

  afterAll(() => {
    if (work === '') return;
    // The staging copy links this repository's node_modules: remove the link itself first.
    const link = join(work, 'stage', 'node_modules');
    if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(link);
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  test('the tarball holds the built library, the CLI, scenarios, data, schema and README; no sources, tests or benchmarks', () => {
    const files = filesUnder(installed);
    for (const f of [
      'package.json',
      'README.md',
      'scenario.schema.json',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/main.js',
      'scenarios/serial-line.yaml',
      'data/jobshop/ft06.txt',
    ]) {
      expect(files, f).toContain(f);
    }
    const unexpected = files.filter(
      (f) =>
        !/^(dist\/src|scenarios|data)\//.test(f) &&
        !/^(package\.json|README\.md|LICENSE|scenario\.schema\.json)$/.test(f),
    );
    expect(unexpected).toEqual([]);
  });

  test("the README's library example runs there: a kernel simulation and a bundled scenario via the library API", () => {
    writeFileSync(join(project, 'line.mjs'), readmeLibraryExample());
    const out = run('node', ['line.mjs'], project).trim().split('\n');
    expect(out).toHaveLength(2);

    // M/M/1 with λ = 48/h for 8 h: about 384 parts; mean time in system 300 s in steady state.
    const kernel = out[0]!.match(/^lathe: (\d+) parts, (\d+) s in the system on average$/);
    expect(kernel, out[0]).not.toBeNull();
    expect(Number(kernel![1])).toBeGreaterThan(250);
    expect(Number(kernel![1])).toBeLessThan(520);
    expect(Number(kernel![2])).toBeGreaterThan(60);

    // The installed package computes exactly what the sources here compute (same scenario, same options).
    const loaded = loadScenarioFile(join(ROOT, 'scenarios/serial-line.yaml'));
    if (!loaded.ok) throw new Error('scenarios/serial-line.yaml does not load');
    const { mean, halfWidth } = runScenario(loaded.scenario, { replications: 5 }).kpis.throughputPerHour;
    expect(out[1]).toBe(
      `serial line: ${mean.toFixed(1)} ± ${halfWidth?.toFixed(1)} parts/h (95% CI, 5 replications)`,
    );
  });

  test("a TypeScript file importing from 'shopfloor' type-checks (NodeNext, strict) and its types are not `any`", () => {
    writeFileSync(join(project, 'check.ts'), TYPES_CHECK);
    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      // As `tsc --init` sets it; checking every dependency's declarations (zod, @types/node) would
      // triple the time, and TYPES_CHECK's NotAny assertions catch a declaration that did not resolve.
      skipLibCheck: true,
      // No @types/node: the public types must not need it.
      types: [],
    };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
    expect(run(TSC, ['-p', 'tsconfig.json'], project)).toBe('');
  });

  test('npx shopfloor --version in that project prints the package version', () => {
    // `--no`: never fetch a package of that name from the registry, the installed bin must answer;
    // `--`: the `--version` is shopfloor's, not npx's.
    expect(run('npx', ['--no', '--', 'shopfloor', '--version'], project).trim()).toBe(PKG.version);
  });
});
