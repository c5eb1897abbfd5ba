/**
 * DESIGN.md's module rules, checked on every `.ts` file under `src/` (one test per rule, so a failure
 * names the rule and lists each forbidden import as `file:line  kind 'specifier' → target`). The checker
 * is a pure function (test/_support/module-rules.ts); the self-tests at the end run it on small in-memory
 * trees to show that it does fail on a forbidden import.
 *
 * Known today (not fixed here): src/policies/{crew,dispatch,transport}-rules.ts take their types from
 * '../entities/index.js'. The `src/policies` test lists them until the rules import src/policies/contract.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkModuleRules,
  formatViolation,
  importsOf,
  type Layer,
  RULES,
  type Violation,
} from './_support/module-rules.js';

const ROOT = join(import.meta.dirname, '..');

function sourcesUnderSrc(): Record<string, string> {
  const files: Record<string, string> = {};
  const src = join(ROOT, 'src');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const abs = join(entry.parentPath, entry.name);
    files[relative(ROOT, abs).split(sep).join('/')] = readFileSync(abs, 'utf8');
  }
  return files;
}

const files = sourcesUnderSrc();
const violations = checkModuleRules(files);
const lines = (rule: Violation['rule']): string[] =>
  violations.filter((v) => v.rule === rule).map(formatViolation);

describe('module rules of DESIGN.md on src/', () => {
  test('the checker reads the real tree (src/ has files and they import each other)', () => {
    expect(Object.keys(files).length).toBeGreaterThan(50);
    expect(importsOf(files['src/index.ts'] ?? '').length).toBeGreaterThan(10);
  });

  for (const layer of Object.keys(RULES) as Layer[]) {
    test(RULES[layer].says, () => {
      expect(lines(layer), 'forbidden imports').toEqual([]);
    });
  }

  test('nothing outside src/cli imports src/cli', () => {
    const intoCli = violations.filter((v) => v.target.startsWith('src/cli/')).map(formatViolation);
    expect(intoCli).toEqual([]);
  });

  test('no file of src/ imports a file outside src/ (packages aside)', () => {
    expect(lines('outside-src')).toEqual([]);
  });

  test('every folder of src/ is covered by a module rule', () => {
    expect(lines('unknown-folder')).toEqual([]);
  });

  test('one forbidden import added to a real file is caught (the real tree is checked, not a copy)', () => {
    const engineFile = 'src/engine/simulation.ts';
    const tampered = {
      ...files,
      [engineFile]: `${files[engineFile]}\nimport { Plant } from '../entities/index.js';\n`,
    };
    const added = checkModuleRules(tampered).filter(
      (v) => !violations.some((w) => formatViolation(w) === formatViolation(v)),
    );
    expect(added.map((v) => [v.rule, v.file, v.target])).toEqual([
      ['engine', engineFile, 'src/entities/index.ts'],
    ]);
  });
});

describe('the module-rule checker (self-test on in-memory files)', () => {
  const clean: Record<string, string> = {
    'src/engine/index.ts': "export { Simulation } from './simulation.js';\n",
    'src/engine/simulation.ts': "import seedrandom from 'seedrandom';\nexport class Simulation {}\n",
    'src/entities/plant.ts': [
      "import { Simulation } from '../engine/index.js';",
      "import type { DispatchPolicy } from '../policies/contract.js';",
      "import { DECISION_KINDS } from '../policies/decision-kinds.js';",
      'export class Plant {}',
    ].join('\n'),
    'src/policies/contract.ts': 'export interface Policy { readonly name: string }\n',
    'src/policies/dispatch-rules.ts': "import type { Policy } from './contract.js';\n",
    'src/scenario/build.ts': [
      "import { readFileSync } from 'node:fs';",
      "import { Plant } from '../entities/plant.js';",
      "import { fifo } from '../policies/dispatch-rules.js';",
    ].join('\n'),
    'src/rl/env.ts':
      "import { buildPlant } from '../scenario/build.js';\nimport { x } from '../report/kpis.js';\n",
    'src/cli/main.ts': "import { Env } from '../rl/env.js';\nimport { Plant } from '../entities/plant.js';\n",
    'src/index.ts':
      "export { Simulation } from './engine/index.js';\nexport type { Policy } from './policies/contract.js';\n",
    // Only src/ is judged: a test may import anything.
    'test/anything.test.ts': "import { main } from '../src/cli/main.js';\n",
  };

  const withFile = (path: string, source: string): string[] =>
    checkModuleRules({ ...clean, [path]: source }).map(formatViolation);

  test('a tree that follows the rules has no violation', () => {
    expect(checkModuleRules(clean)).toEqual([]);
  });

  test('the engine importing an entity fails, naming file, line, specifier and target', () => {
    const found = checkModuleRules({
      ...clean,
      'src/engine/simulation.ts': "// the kernel\nimport { Plant } from '../entities/plant.js';\n",
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'engine', line: 2, target: 'src/entities/plant.ts' });
    expect(formatViolation(found[0]!)).toBe(
      "src/engine/simulation.ts:2  import '../entities/plant.js' → src/entities/plant.ts",
    );
  });

  test('a type-only import counts: a policy taking its types from src/entities fails', () => {
    expect(
      withFile('src/policies/crew-rules.ts', "import type { CrewPolicy } from '../entities/index.js';\n"),
    ).toEqual(["src/policies/crew-rules.ts:1  import type '../entities/index.js' → src/entities/index.ts"]);
  });

  test('a policy may not reach into engine internals (the engine index is the most it sees)', () => {
    expect(
      withFile('src/policies/random-rule.ts', "import { Stream } from '../engine/random/stream.js';\n"),
    ).toEqual([
      "src/policies/random-rule.ts:1  import '../engine/random/stream.js' → src/engine/random/stream.ts",
    ]);
    expect(withFile('src/policies/random-rule.ts', "import type { X } from '../engine/index.js';\n")).toEqual(
      [],
    );
  });

  test('entities may import the contract but not the rules', () => {
    expect(
      withFile('src/entities/station.ts', "import { fifo } from '../policies/dispatch-rules.js';\n"),
    ).toEqual([
      "src/entities/station.ts:1  import '../policies/dispatch-rules.js' → src/policies/dispatch-rules.ts",
    ]);
  });

  test('imports over several lines, re-exports, side-effect and dynamic imports are all seen', () => {
    const source = [
      'import {',
      '  Plant,',
      '  Station,',
      "} from '../../entities/index.js';",
      "export { fifo } from '../../policies/index.js';",
      "export * from '../../scenario/index.js';",
      "import '../../cli/main.js';",
      'type T = import("../../entities/plant.js").Plant;',
      "const lazy = () => import('../../rl/env.js');",
    ].join('\n');
    expect(withFile('src/engine/stats/x.ts', source)).toEqual([
      "src/engine/stats/x.ts:1  import '../../entities/index.js' → src/entities/index.ts",
      "src/engine/stats/x.ts:5  export '../../policies/index.js' → src/policies/index.ts",
      "src/engine/stats/x.ts:6  export '../../scenario/index.js' → src/scenario/index.ts",
      "src/engine/stats/x.ts:7  side-effect '../../cli/main.js' → src/cli/main.ts",
      "src/engine/stats/x.ts:8  dynamic '../../entities/plant.js' → src/entities/plant.ts",
      "src/engine/stats/x.ts:9  dynamic '../../rl/env.js' → src/rl/env.ts",
    ]);
  });

  test('nothing but src/cli imports src/cli: not the scenario, not the layers above it, not the public index', () => {
    for (const file of ['src/scenario/x.ts', 'src/report/x.ts', 'src/stream/x.ts', 'src/index.ts']) {
      const from = file === 'src/index.ts' ? './cli/version.js' : '../cli/version.js';
      expect(withFile(file, `import { VERSION } from '${from}';\n`)).toEqual([
        `${file}:1  import '${from}' → src/cli/version.ts`,
      ]);
    }
  });

  test('the scenario may not import the layers above it', () => {
    expect(withFile('src/scenario/y.ts', "import { Env } from '../rl/env.js';\n")).toEqual([
      "src/scenario/y.ts:1  import '../rl/env.js' → src/rl/env.ts",
    ]);
  });

  test('an import leaving src/ fails; packages and imports in comments are ignored', () => {
    const source = [
      '/**',
      " * import { nothing } from '../entities/index.js';",
      ' */',
      "// import { Plant } from '../entities/plant.js';",
      "import { parse } from 'yaml';",
      "import { x } from '../../bench/harness.js';",
    ].join('\n');
    expect(withFile('src/engine/z.ts', source)).toEqual([
      "src/engine/z.ts:6  import '../../bench/harness.js' → bench/harness.ts",
    ]);
  });

  test('a file in a folder that no rule covers fails', () => {
    expect(withFile('src/viewer/scene.ts', 'export const a = 1;\n')).toEqual([
      "src/viewer/scene.ts  no module rule covers src/viewer/: add the folder to DESIGN.md's module rules and to this test",
    ]);
  });
});
