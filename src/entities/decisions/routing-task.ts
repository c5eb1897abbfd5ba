import { InvalidStateError } from '../../engine/index.js';
import type { AnyDecisionPoint, RouteView, RoutingPoint, RoutingPolicy } from '../../policies/contract.js';
import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import type { DecisionTask } from './decision-task.js';
import { partView, stationView } from './views.js';

/**
 * The routing decision of one part at one step with alternative stations: which of them it goes to.
 * Options in the order the routing step lists the stations. Tasks of one instant run by the part's
 * product (natural order), then part id.
 * @internal created by `Plant.whenRouted`.
 */
export class RoutingTask implements DecisionTask {
  readonly kind = 'routing' as const;
  readonly key: string;
  readonly policy: RoutingPolicy | undefined;
  queued = false;
  private readonly step: number;
  private readonly readyS: number;

  constructor(
    private readonly plant: Plant,
    private readonly part: Part,
    private readonly then: () => void,
  ) {
    this.step = part.step;
    this.readyS = plant.sim.now;
    // NOTE: fixed-width id so that plain string order is numeric order.
    this.key = `${part.plan.sortKey}\u0001${String(part.id).padStart(15, '0')}`;
    this.policy = plant.product(part.product).routingRules?.[this.step];
  }

  private stations(): readonly string[] {
    const alts = this.part.alternatives[this.step];
    if (alts === undefined || this.part.step !== this.step) {
      throw new InvalidStateError(`Plant: routing task of part ${this.part.id} is stale (step ${this.step})`);
    }
    return alts;
  }

  build(): RoutingPoint {
    const plant = this.plant;
    const options: RouteView[] = this.stations().map((id) => {
      const st = plant.stations.get(id);
      if (st === undefined) {
        throw new InvalidStateError(`Plant: routing of ${this.part.product} names unknown station ${id}`);
      }
      return { ...stationView(st), processTimeS: st.meanTimeS(this.part.product, this.step) };
    });
    return {
      kind: 'routing',
      at: this.part.location,
      now: plant.sim.now,
      options,
      part: partView(this.part, Number.NaN, this.readyS),
    };
  }

  apply(point: AnyDecisionPoint, index: number): void {
    const chosen = (point as RoutingPoint).options[index]!.id;
    this.choose(chosen);
  }

  applyFirst(): boolean {
    this.choose(this.stations()[0]!);
    return true;
  }

  private choose(station: string): void {
    this.part.chosen[this.step] = station;
    this.plant.events.emit('partRouted', this.part, this.step, station, this.plant.sim.now);
    this.then();
  }
}
