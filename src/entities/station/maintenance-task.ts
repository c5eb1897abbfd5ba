import type { AnyDecisionPoint, MaintenancePoint } from '../../policies/contract.js';
import type { DecisionTask } from '../decisions/decision-task.js';
import type { MaintenancePlanOptions } from '../maintenance-plan.js';
import type { Server } from './server.js';
import type { Station } from './station.js';

/**
 * The maintenance decision of one plan of one server when it falls due: do it now (option 0) or
 * postpone it by the plan's `postponeS` (option 1).
 * @internal
 */
export class MaintenanceTask implements DecisionTask {
  readonly kind = 'maintenance' as const;
  readonly key: string;
  queued = false;
  private readonly delayS: number;

  constructor(
    private readonly station: Station,
    private readonly server: Server,
    private readonly plan: MaintenancePlanOptions,
  ) {
    this.key = `${station.sortKey}\u0001${String(server.index).padStart(6, '0')}\u0001${plan.name}`;
    this.delayS = plan.postponeS ?? plan.intervalS / 10;
  }

  get policy() {
    return this.station.maintenancePolicy;
  }

  build(): MaintenancePoint {
    const st = this.station;
    const s = this.server;
    const now = st.plant.sim.now;
    return {
      kind: 'maintenance',
      at: st.id,
      now,
      options: [
        { action: 'now', delayS: 0 },
        { action: 'postpone', delayS: this.delayS },
      ],
      station: st.view(),
      server: s.index,
      plan: this.plan.name,
      serverState: s.state,
      sinceMaintenanceS: now - s.maintainedS,
      failuresSinceMaintenance: s.failuresSinceMaintenance,
      postponed: this.clock().postponed,
    };
  }

  private clock() {
    return this.server.plans.find((p) => p.plan === this.plan)!;
  }

  apply(_point: AnyDecisionPoint, index: number): void {
    this.station.maintain(this.server, this.clock(), index === 0, this.delayS);
  }

  applyFirst(): boolean {
    this.station.maintain(this.server, this.clock(), true, this.delayS);
    return true;
  }
}
