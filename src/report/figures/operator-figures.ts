import type { OperatorPoolReport } from '../../entities/index.js';
import type { ReplicationData } from '../../scenario/index.js';
import { familyFigure, valueFigure } from './declaration.js';

const pool = (r: ReplicationData, id: string): OperatorPoolReport => r.plant.operators!.pools[id]!;

/** Per operator pool (`operators.<id>`, `operators.csv`), of operator-time. */
export const OPERATOR_FIGURES = [
  valueFigure({
    key: 'utilization',
    label: 'utilisation',
    unit: 'fraction',
    description: 'walking and working time over on-shift operator-time (null when never on shift)',
    aggregate: 'mean-if-defined',
    value: (r, id) => pool(r, id).utilization,
  }),
  valueFigure({
    key: 'walkingFraction',
    label: 'walking',
    unit: 'fraction',
    description: 'walking time over on-shift operator-time: the share of the working day spent walking',
    aggregate: 'mean-if-defined',
    value: (r, id) => pool(r, id).walkingFraction,
  }),
  valueFigure({
    key: 'visits',
    label: 'visits',
    unit: 'count',
    description: 'machines the operators arrived at (one visit may cover several tasks of a part)',
    aggregate: 'mean',
    format: { digits: 0 },
    value: (r, id) => pool(r, id).visits,
  }),
  valueFigure({
    key: 'meanWalkS',
    label: 'mean walk',
    unit: 's',
    description: 'mean walk per visit',
    aggregate: 'mean-if-defined',
    format: { time: 's', digits: 1 },
    value: (r, id) => pool(r, id).meanWalkS,
  }),
  familyFigure({
    key: 'stateFractions',
    label: 'state',
    unit: 'fraction',
    description: 'fraction of all operator-time in each state (idle, travelling, working, off-shift)',
    csvPrefix: 'state:',
    table: false,
    members: (r, id) => pool(r, id).stateFractions,
  }),
] as const;
