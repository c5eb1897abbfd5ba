import type { OperatorPolicy } from './contract.js';

/** First come, first served: the machine whose part entered its station's queue first. */
export const firstComeOperator: OperatorPolicy = { name: 'fifo', alwaysFirst: true, decide: () => 0 };

/** The nearest machine (shortest walk); ties by first come, first served. */
export const nearestMachine: OperatorPolicy = {
  name: 'nearest',
  decide: (p) => {
    let best = 0;
    for (let i = 1; i < p.options.length; i++) {
      if (p.options[i]!.distanceM < p.options[best]!.distanceM) best = i;
    }
    return best;
  },
};

/** The machine of the highest station priority; ties by first come, first served. */
export const operatorByPriority: OperatorPolicy = {
  name: 'priority',
  decide: (p) => {
    let best = 0;
    for (let i = 1; i < p.options.length; i++) {
      if (p.options[i]!.priority > p.options[best]!.priority) best = i;
    }
    return best;
  },
};

/** The built-in operator rules by the name a scenario file uses. */
export const OPERATOR_RULES: Readonly<Record<'fifo' | 'nearest' | 'priority', OperatorPolicy>> = {
  fifo: firstComeOperator,
  nearest: nearestMachine,
  priority: operatorByPriority,
};
