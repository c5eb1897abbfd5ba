import type { CrewPolicy } from './contract.js';

/** First failed, first served: the job requested earliest. */
export const firstRequested: CrewPolicy = { name: 'fifo', alwaysFirst: true, decide: () => 0 };

/** Highest station priority first; ties by request order. */
export const byStationPriority: CrewPolicy = {
  name: 'priority',
  decide: (p) => {
    let best = 0;
    for (let i = 1; i < p.options.length; i++) {
      if (p.options[i]!.priority > p.options[best]!.priority) best = i;
    }
    return best;
  },
};

/** The built-in crew rules by the name a scenario file uses. */
export const CREW_RULES: Readonly<Record<'fifo' | 'priority', CrewPolicy>> = {
  fifo: firstRequested,
  priority: byStationPriority,
};
