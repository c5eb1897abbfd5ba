import { z } from 'zod';
import { DistributionObject } from './distribution-schema.js';
import { ScenarioSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the same zod schema the loader
 * validates with, describing what is *written* in a file (durations as strings with units).
 * Save it next to scenarios and point editors at it with a first line
 * `# yaml-language-server: $schema=./scenario.schema.json` (YAML) or a `"$schema"` key (JSON).
 * Checks the schema cannot express (references between elements, distribution parameters) are left
 * to `loadScenario`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // A distribution object names exactly one family.
      if (ctx.zodSchema === DistributionObject) {
        ctx.jsonSchema.minProperties = 1;
        ctx.jsonSchema.maxProperties = 1;
      }
    },
  }) as Record<string, unknown>;
}
