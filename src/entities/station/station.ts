import {
  type Distribution,
  InvalidArgumentError,
  InvalidStateError,
  type RandomStream,
} from '../../engine/index.js';
import type { DispatchPolicy, MaintenancePolicy, StationView } from '../../policies/contract.js';
import { Buffer } from '../buffer.js';
import { naturalKey } from '../decisions/natural-key.js';
import { stationView } from '../decisions/views.js';
import type { FailureModeOptions } from '../failure-mode.js';
import type { MachineTender } from '../machine-tender.js';
import type { MaintenancePlanOptions } from '../maintenance-plan.js';
import type { Part } from '../part.js';
import type { Plant } from '../plant.js';
import type { Position } from '../position.js';
import type { ServerState } from '../server-state.js';
import { DispatchTask } from './dispatch-task.js';
import { Grouping } from './grouping.js';
import { Inspector } from './inspector.js';
import { OperatorNeed } from './operator-need.js';
import { passQualityGate } from './quality-gate.js';
import { NO_EVENT, type PlanClock, Server, type ServerOwner } from './server.js';
import { nextStep, type ServerStep, type ServerTransitions, type ServerTrigger } from './server-machine.js';
import { setupFor } from './setup-table.js';
import { ShiftControl } from './shift-control.js';
import { standardTimeOf } from './standard-time.js';
import { checkGrouping, checkInspection, checkServers, checkStepTables } from './station-checks.js';
import type { StationOptions } from './station-options.js';
import { StepTimes } from './step-times.js';
import { allBlockedOnBuffers, blockedBuffers, jamError, stuckReason } from './stuck.js';
import { checkUpkeep, failureClocks, planClock, Upkeep } from './upkeep.js';

/** The shift view of a station without a shift calendar: always on shift. */
const ALWAYS_ON: Pick<ShiftControl, 'onShift' | 'holdsWork'> = { onShift: true, holdsWork: false };

/**
 * The end of a job's work: one handler for every server, the server as the event's data.
 * NOTE: not a closure per server, so a finish touches no function object of its own, for speed.
 */
const FINISH = (s: Server): void => s.owner.finishJob(s);

/**
 * A machine group: `servers` parallel identical servers fed by one input buffer.
 *
 * A free server takes the part chosen by the dispatch rule, processes it for a time drawn from the
 * product's distribution (stream `${id}/process`), then hands it to the next step's station (or the
 * sink). If that destination is full the server is `blocked`, holding the part, until a slot frees
 * (blocking after service). Servers fail under the station's failure modes and stop for preventive
 * maintenance; see {@link FailureModeOptions} and {@link MaintenancePlanOptions} for the rules.
 * Every state change of every server is published as `serverStateChanged`.
 *
 * The station holds the parts' path (arrival, start, setup, work, inspection, unload) and the one place
 * where server states change (`setState`, which keeps the idle count). The rest lives beside it:
 * the server machine's transitions in `server-machine.ts`, the failure and maintenance clocks in
 * `upkeep.ts`, the shift calendar in `shift-control.ts`, batches and kits in `grouping.ts`.
 */
export class Station extends DispatchTask implements ServerOwner {
  // NOTE: the fields read on every part first, so that they share the object's first cache lines; and what a
  // station without failures, batches, assemblies, shifts, inspection or operators skips is read from the
  // station itself (no other object touched per part), for speed.
  readonly id: string;
  /** Its position in `plant.stations` (from 0), published with its events. */
  readonly index: number;
  /** @internal the plant it belongs to. */
  readonly plant: Plant;
  readonly input: Buffer;
  /** `servers[0]`, read without the array on every job, for speed. */
  private readonly first: Server;
  private idle = 0;
  /** A start takes a group of parts (a batch or an assembly kit). */
  private readonly grouped: boolean;
  private readonly assembles: boolean;
  // NOTE: a table with a single distribution (a station of one product and one step, as on a line) is
  // read from the station itself, which a job touches anyway, not from the table's object, for speed.
  /** The product of the table's single distribution (`undefined`: none, read the table). */
  private readonly soleProduct: string | undefined;
  /** Its step (`-1`: every visit) and distribution. */
  private readonly soleStep: number;
  private readonly soleDist: Distribution | undefined;
  private readonly processStream: RandomStream;
  /** Per product: the standard times given (`undefined` when none is). */
  private readonly standardTimes: StepTimes<number> | undefined;
  private readonly setupTimes: StationOptions['setupTimes'];
  private readonly tender: MachineTender | undefined;
  private readonly inspector: Inspector | undefined;
  /** The operators its servers need (for loading, setups, processing, unloading), if any. */
  private readonly operators: OperatorNeed | undefined;
  /** Some failure mode or maintenance plan runs clocks on busy time or counts cycles. */
  private readonly clocked: boolean;
  /** Parts of a full batch (1 without batching): a job's standard time is shared by them. */
  private readonly batchSize: number;
  /** The shift control, or an always-on stand-in without a shift calendar. */
  private readonly shiftView: Pick<ShiftControl, 'onShift' | 'holdsWork'>;
  /** Live listener lists of the per-part events, to test `length` on the hot path. */
  private readonly movedListeners: readonly unknown[];
  private readonly startedListeners: readonly unknown[];
  private readonly finishedListeners: readonly unknown[];
  /** Per product: one distribution for every step here, or one per routing step done here. */
  private readonly processTimes: StepTimes<Distribution>;
  readonly priority: number;
  readonly position: Position | undefined;
  private readonly servers: Server[] = [];
  /** The station's own dispatch rule (`undefined`: first in tie-break order). */
  readonly dispatchPolicy: DispatchPolicy | undefined;
  /** The station's own maintenance rule (`undefined`: maintain when due). */
  readonly maintenancePolicy: MaintenancePolicy | undefined;
  /** @internal sort key of its decisions. */
  get sortKey(): string {
    return this.key;
  }
  /** Failure and maintenance clocks of the servers, and their crew jobs. */
  private readonly upkeep: Upkeep;
  private readonly setupStream: RandomStream;
  /** Working time under the shift calendar. */
  private readonly shift: ShiftControl;
  /** Batches and assembly kits: which parts start together. */
  private readonly grouping: Grouping;

  constructor(plant: Plant, options: StationOptions) {
    super(naturalKey(options.id), options.dispatch);
    const id = options.id;
    const n = checkServers(id, options.servers);
    this.id = id;
    this.plant = plant;
    this.index = plant.registerStation(this);
    this.input = options.input ?? new Buffer(plant, { id: `${id}/queue` });
    this.priority = options.priority ?? 0;
    this.position = options.position;
    checkStepTables(id, options);
    this.processTimes = StepTimes.of(options.processTimes);
    const sole = this.processTimes.sole;
    this.soleProduct = sole?.product;
    this.soleStep = sole?.step ?? -1;
    this.soleDist = sole?.value;
    const standard = StepTimes.of(options.standardTimes ?? {});
    this.standardTimes = standard.empty ? undefined : standard;
    this.processStream = plant.sim.streams.get(`${id}/process`);
    this.dispatchPolicy = options.dispatch;
    this.maintenancePolicy = options.maintenancePolicy;
    this.setupTimes = options.setupTimes;
    this.setupStream = plant.sim.streams.get(`${id}/setup`);
    this.tender = options.tender;
    // Upkeep and shifts change servers only through these, so the idle count stays right.
    const transitions: ServerTransitions = {
      setState: (s: Server, to: ServerState) => this.setState(s, to),
      interrupt: (s: Server) => this.interrupt(s),
      becomeUp: (s: Server) => this.becomeUp(s),
    };
    this.shift = new ShiftControl(
      this,
      options.shifts,
      options.atShiftEnd === 'stop',
      this.servers,
      transitions,
    );
    this.operators =
      options.operator === undefined
        ? undefined
        : new OperatorNeed(this, options.operator, transitions, options.tender !== undefined);
    this.inspector =
      options.inspection === undefined ? undefined : new Inspector(plant, id, options.inspection);
    if (options.inspection !== undefined) checkInspection(id, options.inspection);
    this.movedListeners = plant.events.listenersOf('partMoved');
    this.startedListeners = plant.events.listenersOf('processStarted');
    this.finishedListeners = plant.events.listenersOf('processFinished');
    this.grouping = new Grouping(plant, options.batch, options.assembly, () => this.requestDispatch());
    checkGrouping(id, options);
    this.grouped = this.grouping.groups;
    this.assembles = options.assembly !== undefined;
    this.batchSize = options.batch?.size ?? 1;
    this.shiftView = options.shifts === undefined ? ALWAYS_ON : this.shift;
    const failures = options.failures ?? [];
    const plans = options.maintenance ?? [];
    checkUpkeep(id, options.crews, failures, plans);
    this.clocked = failures.length > 0 || plans.length > 0;
    this.upkeep = new Upkeep(this, options.crews, transitions);
    const sim = plant.sim;
    for (let i = 0; i < n; i++) {
      const clocks = this.clocked ? failureClocks(sim.streams, id, failures) : null;
      const server = new Server(i, `${id}/${i}`, sim.now, clocks, this, plant);
      for (const plan of plans) server.plans.push(planClock(sim.streams, this, server, plan));
      this.servers.push(server);
    }
    this.first = this.servers[0]!;
    this.idle = n;
    for (const s of this.servers) this.upkeep.arm(s);
    this.input.setConsumer(this);
    if (!this.shift.begin()) {
      // Created off shift: no server was ever idle, so nothing is published.
      for (const s of this.servers) s.state = 'off-shift';
      this.idle = 0;
    }
  }

  /**
   * Standard time credited to `part` for the job that server `server` holds (or has just finished),
   * seconds: the step's `standardTimes` entry if given, else the process time drawn for the job; shared by
   * a full batch at a batch station (a partial batch earns less), and by the components of a kit at an
   * assembly station. Never more than the job's drawn work time, so OEE's performance is ≤ 1.
   */
  standardTimeS(part: Part, server: number): number {
    const s = server === 0 ? this.first : this.servers[server];
    if (s === undefined) return Number.NaN;
    const a = this.assembles ? this.grouping.assembly : undefined;
    return standardTimeOf(this.standardTimes, a, this.plant, this.id, part, s.jobWorkS, this.batchSize);
  }

  /** Work seconds drawn for the job server `server` holds or has just finished (0 before the first). */
  jobWorkS(server: number): number {
    const s = server === 0 ? this.first : this.servers[server];
    return s === undefined ? Number.NaN : s.jobWorkS;
  }

  /** The process-time distribution of routing step `step` of `product` here, if it is processed here. */
  private dist(product: string, step: number): Distribution | undefined {
    if (product === this.soleProduct) {
      const k = this.soleStep;
      return k === -1 || k === step ? this.soleDist : undefined;
    }
    return this.processTimes.get(product, step);
  }

  /** Mean process time of routing step `step` of `product` here, s (`NaN` if not processed here). */
  meanTimeS(product: string, step: number): number {
    return this.dist(product, step)?.mean ?? Number.NaN;
  }

  /** Servers idle now (free, on shift, able to take a part). */
  get idleServers(): number {
    return this.idle;
  }

  /** Sum of the mean process times of the parts in the input queue, s. */
  workInQueueS(): number {
    let sum = 0;
    for (const p of this.input.contents) {
      const m = this.meanTimeS(p.product, p.step);
      if (Number.isFinite(m)) sum += m;
    }
    return sum;
  }

  /** What a policy sees of this station now. */
  view(): StationView {
    return stationView(this);
  }

  /** `true` while the station is within its working time (always, without a shift calendar). */
  get onShiftNow(): boolean {
    return this.shift.onShift;
  }

  /** Number of servers. */
  get serverCount(): number {
    return this.servers.length;
  }

  /** State of server `index`. */
  serverState(index: number): ServerState {
    const s = this.servers[index];
    if (s === undefined)
      throw new InvalidArgumentError(`Station.serverState: ${this.id} has no server ${index}`);
    return s.state;
  }

  /** Ids of the servers, `station/index`. */
  serverIds(): string[] {
    return this.servers.map((s) => s.id);
  }

  /** The part on server `index`, if any. */
  partOn(index: number): Part | null {
    return this.servers[index]?.part ?? null;
  }

  /**
   * The buffers every server is blocked on, or `null` if some server is not blocked.
   * @internal used by deadlock detection.
   */
  blockedTargets(): Buffer[] | null {
    return blockedBuffers(this.servers);
  }

  /**
   * The buffer server `index` is blocked on, or `null` if it is not blocked on a buffer.
   * @internal used by deadlock detection.
   */
  blockedTargetAt(index: number): Buffer | null {
    const s = this.servers[index]!;
    return s.state === 'blocked' && s.blockedOn instanceof Buffer ? s.blockedOn : null;
  }

  /**
   * `true` when every server is blocked on a buffer ({@link Station.blockedTargets} is not `null`),
   * found without allocating.
   * @internal used by deadlock detection.
   */
  allBlockedOnBuffers(): boolean {
    // NOTE: the first server first, without the array (the usual answer: it is not blocked), for speed.
    if (this.first.state !== 'blocked') return false;
    return allBlockedOnBuffers(this.servers);
  }

  /**
   * Why the parts waiting here can never start, when nothing else can happen any more (see
   * {@link stuckReason}); `null` when no part waits.
   * @internal used by deadlock reports.
   */
  whyStuck(): string | null {
    return stuckReason(this.input.contents, this.grouping, this.idle, this.servers);
  }

  private setState(s: Server, to: ServerState): void {
    const from = s.state;
    if (from === to) return;
    s.state = to;
    if (from === 'idle') this.idle--;
    else if (to === 'idle') this.idle++;
    // An operator leaves before the change is published, so no listener sees her at an idle machine.
    if (this.operators !== undefined) this.operators.onState(s, to);
    this.plant.events.emit6('serverStateChanged', this.id, s.index, from, to, this.plant.sim.now, this.index);
  }

  /** @internal a part was put into its input. */
  receive(part: Part): void {
    if (this.assembles && this.grouping.assembly!.inputs[part.product] === undefined) {
      throw new InvalidStateError(
        `Station: part ${part.id} of ${part.product} reached assembly ${this.id}, whose bill of materials does not use it`,
      );
    }
    part.enterStep(this.id, this.plant.sim.now, this.plant.keepStepHistory);
    this.requestDispatch();
  }

  /** Asks for a dispatch decision at the end of the instant when a server is idle and parts wait. */
  private requestDispatch(): void {
    if (this.idle > 0 && this.input.level > 0) this.plant.broker.request(this);
  }

  /** @internal the lowest-index idle server, or `undefined`. */
  firstIdleServer(): Server | undefined {
    if (this.idle === 0) return undefined;
    if (this.first.state === 'idle') return this.first;
    for (const s of this.servers) if (s.state === 'idle') return s;
    return undefined;
  }

  /** @internal `true` for a batch or assembly station (a start takes a group of parts). */
  get groups(): boolean {
    return this.grouped;
  }

  /** @internal the queue is served newest first (a `lifo` input buffer). */
  get lifo(): boolean {
    return this.input.discipline === 'lifo';
  }

  /**
   * @internal The parts a free server could start now, in tie-break order: the waiting parts; at a batch
   * station those of a product whose batch can start now (full, or its oldest part waited `maxWaitS`,
   * arming the wake-up otherwise); at an assembly station the lead part of the oldest complete kit.
   */
  startable(ordered: readonly Part[]): readonly Part[] {
    const out = this.grouping.startable(ordered);
    if (out.length === 0 && this.input.full) this.checkJam();
    return out;
  }

  /** A full input holding no startable group that no part can ever join: throws (see {@link jamError}). */
  private checkJam(): void {
    const error = jamError(this.id, this.input, this.grouping, this.plant.sim.now, () => this.whyStuck());
    if (error !== null) throw error;
  }

  /**
   * @internal Starts `lead` (and, at a batch or assembly station, its group) on the idle server `s`,
   * then asks for the next dispatch decision if another server is idle and parts wait.
   */
  start(s: Server, lead: Part, ordered: readonly Part[]): void {
    const group = this.grouped ? this.grouping.group(lead, ordered) : null;
    if (group === null) this.startPart(s, this.input.indexOf(lead));
    else this.startGroup(s, group);
    this.requestDispatch();
  }

  /** Draws the work time of a job of routing step `step` of `product` here, s (stream `${id}/process`). */
  private drawWork(product: string, step: number): number {
    const dist = this.dist(product, step);
    if (dist === undefined) {
      throw new InvalidArgumentError(`Station: ${this.id} has no process time for product ${product}`);
    }
    const workS = dist.sample(this.processStream);
    if (!(workS >= 0 && workS < Number.POSITIVE_INFINITY)) {
      throw new InvalidStateError(`Station: process time of ${product} at ${this.id} drew ${workS} s`);
    }
    return workS;
  }

  /** Starts the part at `index` of the input on `s`, then takes it out (which may wake upstream holders). */
  private startPart(s: Server, index: number): void {
    const now = this.plant.sim.now;
    const part = this.input.partAt(index);
    const workS = this.drawWork(part.product, part.step);
    s.part = part;
    s.processed = false;
    part.location = s.id;
    const rec = part.currentStep;
    if (rec !== undefined) rec.startedS = now;
    const events = this.plant.events;
    // NOTE: has() first, so nothing is built for events nobody listens to, for speed.
    if (this.movedListeners.length > 0) events.emit4('partMoved', part, this.input.id, s.id, now);
    if (this.startedListeners.length > 0)
      events.emit5('processStarted', part, this.id, s.index, now, this.index);
    if (this.tender !== undefined) {
      this.setState(s, 'handling');
      this.input.take(index);
      this.tender.load({
        station: this.id,
        server: s.index,
        part,
        position: this.position,
        done: () => this.prepare(s, part.product, workS),
      });
      return;
    }
    this.prepare(s, part.product, workS);
    this.input.take(index);
  }

  /** Starts a batch or an assembly kit (`parts`, lead first) on `s`, then takes them out of the queue. */
  private startGroup(s: Server, parts: Part[]): void {
    const now = this.plant.sim.now;
    const lead = parts[0]!;
    const product = this.grouping.assembly?.output ?? lead.product;
    const workS = this.drawWork(product, this.grouping.jobStep(this.id, lead));
    s.part = lead;
    s.others = parts.slice(1);
    s.processed = false;
    const events = this.plant.events;
    for (const part of parts) {
      part.location = s.id;
      const rec = part.currentStep;
      if (rec !== undefined) rec.startedS = now;
      if (this.movedListeners.length > 0) events.emit4('partMoved', part, this.input.id, s.id, now);
      if (this.startedListeners.length > 0)
        events.emit5('processStarted', part, this.id, s.index, now, this.index);
    }
    this.prepare(s, product, workS);
    for (const part of parts) this.input.take(this.input.indexOf(part));
  }

  /** The part is on the server: an operator loads it if one must, change over if the product changed, then work. */
  private prepare(s: Server, product: string, workS: number, loaded = false): void {
    if (!loaded && this.operators?.load(s, () => this.prepare(s, product, workS, true))) return;
    s.jobWorkS = workS;
    const from = s.lastProduct;
    s.lastProduct = product;
    s.runLength = from === product ? s.runLength + 1 : 1;
    const setup = setupFor(this.setupTimes, from, product);
    if (setup === undefined || from === undefined) {
      this.work(s, workS);
      return;
    }
    const setupS = setup.sample(this.setupStream);
    if (!(setupS >= 0 && setupS < Number.POSITIVE_INFINITY)) {
      throw new InvalidStateError(`Station: setup ${from} → ${product} at ${this.id} drew ${setupS} s`);
    }
    const change = (): void => {
      this.setState(s, 'setup');
      this.plant.events.emit('setupStarted', this.id, s.index, from, product, this.plant.sim.now);
      this.plant.sim.schedule(setupS, () => this.work(s, workS));
    };
    if (this.operators === undefined || !this.operators.gate(s, 'setup', change)) change();
  }

  /** Starts the work on the part now on the server, unless a failure or the shift end comes first. */
  private work(s: Server, workS: number): void {
    s.remainingWorkS = workS;
    this.advance(s, 'toWork');
  }

  private startWork(s: Server, workS: number): void {
    const sim = this.plant.sim;
    this.setState(s, 'busy');
    s.busySinceS = sim.now;
    s.workEndS = sim.now + workS;
    s.finishId = sim.schedule(workS, FINISH, s);
    if (this.clocked) this.upkeep.startClocks(s);
  }

  /** Stops the operating clocks at the end of (or an interruption of) busy time. */
  private stopWork(s: Server): void {
    if (this.clocked) this.upkeep.stopClocks(s);
    s.busySinceS = Number.NaN;
  }

  /** @internal the work of `s`'s job has ended (see {@link FINISH}). */
  finishJob(s: Server): void {
    const part = s.part!;
    s.finishId = NO_EVENT;
    this.stopWork(s);
    this.operators?.workDone(s);
    s.processed = true;
    s.remainingWorkS = 0;
    const now = this.plant.sim.now;
    this.finishPart(s, part, now);
    for (let i = 0; i < s.others.length; i++) this.finishPart(s, s.others[i]!, now);
    if (this.clocked) this.upkeep.countCycle(s);
    if (s.others.length > 0 || this.assembles) {
      this.finishGroup(s);
      return;
    }
    if (!passQualityGate(this.plant, this.inspector, part, s.maintainedS, s.id)) {
      this.release(s);
      return;
    }
    if (this.tender !== undefined) {
      const tender = this.tender;
      this.setState(s, 'handling');
      this.plant.whenRouted(part, () =>
        tender.unload({
          station: this.id,
          server: s.index,
          part,
          position: this.position,
          done: () => this.release(s),
        }),
      );
      return;
    }
    if (this.operators?.unload(s, () => this.tryUnload(s))) return;
    this.tryUnload(s);
  }

  private finishPart(s: Server, part: Part, now: number): void {
    const rec = part.currentStep;
    if (rec !== undefined) rec.finishedS = now;
    if (this.finishedListeners.length > 0)
      this.plant.events.emit5('processFinished', part, this.id, s.index, now, this.index);
    part.step++;
  }

  /** After a batch or an assembly: assemble, inspect each part, then pass them on one by one. */
  private finishGroup(s: Server): void {
    const parts = this.grouping
      .finished(this.id, [s.part!, ...s.others])
      .filter((p) => passQualityGate(this.plant, this.inspector, p, s.maintainedS, s.id));
    if (parts.length === 0) {
      s.others = [];
      this.release(s);
      return;
    }
    s.part = parts[0]!;
    s.others = parts.slice(1);
    if (this.operators?.unload(s, () => this.tryUnload(s))) return;
    this.tryUnload(s);
  }

  /** The part left the server (scrapped, or picked off by the tender). */
  private release(s: Server): void {
    s.part = null;
    s.processed = false;
    s.blockedOn = null;
    this.afterFree(s);
  }

  /** Passes the processed part on, or blocks holding it. */
  private tryUnload(s: Server): void {
    const part = s.part!;
    if (part.needsRoute(part.step)) {
      this.plant.whenRouted(part, () => this.tryUnload(s));
      return;
    }
    // The record of the step just done and its finish, read before the next station adds its own visit
    // (without step history, by writing over this one record: see `Part.enterStep`).
    const rec = part.currentStep;
    const finishedS = rec === undefined ? 0 : rec.finishedS;
    if (this.plant.forward(part, s.id)) {
      const blockedS = rec === undefined ? 0 : this.plant.sim.now - finishedS;
      // NOTE: nothing to add when the part was not blocked (the record's blockedS is still its 0), so the
      // part's and the record's boxed numbers are not touched, for speed.
      if (blockedS !== 0) {
        // Still the visit just done (not written over by the next one, which has no finish yet).
        if (rec!.finishedS === finishedS) rec!.blockedS = blockedS;
        part.blockedS += blockedS;
      }
      const next = s.others.length > 0 ? s.others.shift() : undefined;
      if (next !== undefined) {
        // The rest of a batch leaves one by one; the server stays blocked while any part is left.
        s.part = next;
        this.tryUnload(s);
        return;
      }
      s.part = null;
      s.processed = false;
      s.blockedOn = null;
      this.afterFree(s);
      return;
    }
    const dest = this.plant.destination(part);
    s.blockedOn = dest;
    this.setState(s, 'blocked');
    const token = ++s.waitToken;
    if (dest instanceof Buffer) dest.holdFor(s, token);
    else dest.onSpace(() => this.spaceFreed(s, token));
    // A cycle this block closes must come back to this station's input, full, with every server blocked
    // (any other cycle was reported when it closed): without those, no walk (O(1) on a line, for speed).
    if (
      this.advance(s, 'blocked') === 'wait' &&
      dest instanceof Buffer &&
      this.input.full &&
      this.allBlockedOnBuffers()
    ) {
      this.plant.checkBlockingCycle(dest);
    }
  }

  /** @internal Room freed up where `s` is blocked: it passes its part on, unless that wait is over. */
  spaceFreed(s: Server, token: number): void {
    if (s.waitToken === token && s.state === 'blocked') this.tryUnload(s);
  }

  /**
   * Carries out the step the server machine decides for `s` on `trigger` (see {@link ServerTrigger}).
   * @returns the step taken.
   */
  private advance(s: Server, trigger: ServerTrigger): ServerStep {
    const step = nextStep(trigger, s, this.shiftView);
    switch (step) {
      case 'fail':
        this.upkeep.goDown(s, s.pending.shift()!);
        break;
      case 'rest':
        this.setState(s, 'off-shift');
        break;
      case 'maintain':
        this.upkeep.startMaintenance(s);
        break;
      case 'idle':
        this.setState(s, 'idle');
        this.requestDispatch();
        break;
      case 'work':
        // An operator needed for the processing is asked for first; once there, the machine decides again.
        if (this.operators?.gate(s, 'process', () => this.advance(s, 'toWork'))) break;
        this.startWork(s, s.remainingWorkS);
        break;
      case 'unload':
        this.tryUnload(s);
        break;
      case 'wait':
        break;
    }
    return step;
  }

  /** The server holds no part (passed on or scrapped). */
  private afterFree(s: Server): void {
    this.advance(s, 'freed');
  }

  /** Back from a repair or a maintenance, or on shift again. */
  private becomeUp(s: Server): void {
    this.advance(s, 'up');
  }

  /**
   * @internal The maintenance decision of plan `p` of `s`: `now` queues it (it starts as soon as the
   * server is free), `postpone` asks again `delayS` seconds later. See {@link Upkeep.maintain}.
   */
  maintain(s: Server, p: PlanClock, now: boolean, delayS: number): void {
    this.upkeep.maintain(s, p, now, delayS);
  }

  /** Stops the work in progress on `s`, keeping the part and its remaining work. */
  private interrupt(s: Server): void {
    if (s.finishId === NO_EVENT) return;
    const sim = this.plant.sim;
    sim.cancel(s.finishId);
    s.finishId = NO_EVENT;
    s.remainingWorkS = s.workEndS - sim.now;
    this.stopWork(s);
  }
}
