import type { CommandModule } from 'yargs';
import { scenarioJsonSchema } from '../../scenario/index.js';

/** `shopfloor schema`: prints the scenario JSON Schema (for editors: `shopfloor schema > scenario.schema.json`). */
export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (shopfloor schema > scenario.schema.json)',
  handler: () => {
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  },
};
