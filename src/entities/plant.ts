import {
  InvalidArgumentError,
  InvalidStateError,
  type RunOptions,
  type RunResult,
  type Simulation,
} from '../engine/index.js';
import type { AnyDecisionPoint } from '../policies/contract.js';
import { checkBranches } from './branching.js';
import type { Buffer, SpaceWaiter } from './buffer.js';
import type { CrewPool } from './crew-pool.js';
import { DecisionBroker, type DecisionBrokerOptions } from './decisions/decision-broker.js';
import { naturalKey } from './decisions/natural-key.js';
import { RoutingTask } from './decisions/routing-task.js';
import { Emitter } from './emitter.js';
import { DeadlockError, ZeroTimeLoopError } from './errors.js';
import type { PlantEvents } from './events.js';
import type { OperatorPool } from './operator-pool.js';
import { Part, type PartOptions, type ProductPlan } from './part.js';
import type { ProductSpec } from './product.js';
import type { Sink } from './sink.js';
import { announceState, snapshotOf } from './snapshot.js';
import type { PlantSnapshot } from './snapshot-types.js';
import type { Station } from './station/station.js';

/**
 * Something a part can be handed to: a station's input buffer, a sink, or a carrier (a conveyor or a
 * robot fleet) that takes it on to its next destination.
 */
export interface PartReceiver {
  readonly id: string;
  /** `true` when a {@link PartReceiver.tryPut} would succeed now. */
  hasRoom(): boolean;
  /** Takes `part` if it has room; `false` (nothing changed) otherwise. */
  tryPut(part: Part): boolean;
  /** Calls `waiter` once when room frees up. */
  onSpace(waiter: SpaceWaiter): void;
}

/** Default of {@link PlantRunOptions.maxEventsPerInstant}: events at one instant before a run stops. */
export const DEFAULT_MAX_EVENTS_PER_INSTANT = 1_000_000;

/** Events a {@link Plant.run} hands to the engine at a time, between checks of the clock. */
const CHUNK_EVENTS = 10_000;

/** Events watched, after a zero-time loop is found, to name the entities in it. */
const LOOP_SAMPLE_EVENTS = 2_000;

/** Limits of one call to {@link Plant.run}: those of the engine's `run`, and a guard against zero-time loops. */
export interface PlantRunOptions extends RunOptions {
  /**
   * Events that may run at one instant (the clock not advancing) before the run stops with a
   * {@link ZeroTimeLoopError}: an integer ≥ 1, default {@link DEFAULT_MAX_EVENTS_PER_INSTANT}
   * (1,000,000). Checked every 10,000 events, so the error comes within that many events of the limit.
   */
  maxEventsPerInstant?: number;
}

/** Where {@link Plant.runUntilDecision} stopped for the agent: the decision to answer with {@link Plant.decide}. */
export interface DecisionStop {
  readonly reason: 'decision';
  readonly point: AnyDecisionPoint;
  /** The clock, s. */
  readonly now: number;
  /** Events processed by this call. */
  readonly events: number;
}

/**
 * The shared context of the entities of one model: the simulation, the event channel
 * (`events`, see {@link PlantEvents}) the builder subscribes to, the product routings, the registry of
 * entities (each registers itself when built), the parts in the system, and the {@link DecisionBroker}
 * every decision goes through. It also stops a run that can make no more progress with a
 * {@link DeadlockError}.
 */
export class Plant {
  readonly sim: Simulation;
  /** Everything the entities publish. */
  readonly events = new Emitter<PlantEvents>();
  /** Takes every decision of the plant's entities (see {@link DecisionBroker}). */
  readonly broker: DecisionBroker;
  private readonly products_ = new Map<string, ProductSpec>();
  private readonly plans_ = new Map<string, ProductPlan>();
  private readonly stations_ = new Map<string, Station>();
  private readonly buffers_ = new Map<string, Buffer>();
  private readonly sinks_ = new Map<string, Sink>();
  private readonly crewPools_ = new Map<string, CrewPool>();
  private readonly operatorPools_ = new Map<string, OperatorPool>();
  private readonly carriers_ = new Map<string, PartReceiver>();
  /** Per product, the receiver of each step and of the sink, resolved on first use (see `Part.receivers`). */
  private readonly receivers_ = new Map<string, (PartReceiver | undefined)[]>();
  /** Live listener list of `partMoved` (see `Emitter.listenersOf`), tested on every move. */
  private readonly movedListeners = this.events.listenersOf('partMoved');
  private readonly sources_ = new Set<string>();
  private readonly inSystem_ = new Set<Part>();
  /**
   * Keep one {@link Part.steps} record per station visit (default `true`). `false` keeps only the current
   * visit's record, so a part's memory does not grow with the length of its routing; nothing of the plant
   * reads older records (first-pass counts use the part's own record of its inspections).
   */
  keepStepHistory = true;
  private nextPartId = 1;
  private released_ = 0;
  private finished_ = 0;
  private scrapped_ = 0;
  private consumed_ = 0;
  private assembled_ = 0;
  /** The instant (s) of the events counted in `loopEvents`, and how many ran at it, for {@link Plant.run}. */
  private loopInstantS = Number.NaN;
  private loopEvents = 0;
  /** Whether the entities have announced their initial state (at the first run). */
  private announced = false;
  /** Deadlock walks run so far: each marks the buffers it reaches with its number (see `closesCycle`). */
  private cycleWalks = 0;

  /**
   * @param decisions plant-wide policies, the kinds an external agent answers, and whether single-option
   * decisions go to the agent too (see {@link DecisionBrokerOptions}).
   */
  constructor(sim: Simulation, decisions: DecisionBrokerOptions = {}) {
    this.sim = sim;
    this.broker = new DecisionBroker(sim, decisions);
  }

  /** Parts released so far. */
  get released(): number {
    return this.released_;
  }

  /** Parts that reached a sink so far. */
  get finished(): number {
    return this.finished_;
  }

  /** Parts scrapped so far (they left the system without reaching a sink). */
  get scrapped(): number {
    return this.scrapped_;
  }

  /** Parts consumed as components by assembly stations so far. */
  get consumed(): number {
    return this.consumed_;
  }

  /** Parts made by assembly stations so far (they enter the system there, not at a source). */
  get assembled(): number {
    return this.assembled_;
  }

  /** Parts in the system now (`released + assembled − finished − scrapped − consumed`). */
  get inSystem(): number {
    return this.inSystem_.size;
  }

  /** The parts in the system now, in release order. */
  partsInSystem(): Part[] {
    return [...this.inSystem_];
  }

  get stations(): ReadonlyMap<string, Station> {
    return this.stations_;
  }

  get buffers(): ReadonlyMap<string, Buffer> {
    return this.buffers_;
  }

  get crewPools(): ReadonlyMap<string, CrewPool> {
    return this.crewPools_;
  }

  get operatorPools(): ReadonlyMap<string, OperatorPool> {
    return this.operatorPools_;
  }

  get sinks(): ReadonlyMap<string, Sink> {
    return this.sinks_;
  }

  /** Conveyors and robot fleets, by id. */
  get carriers(): ReadonlyMap<string, PartReceiver> {
    return this.carriers_;
  }

  /** Ids of the sources (each registers itself when built), in build order. */
  get sources(): ReadonlySet<string> {
    return this.sources_;
  }

  /**
   * The whole observable state now, as plain data (see {@link PlantSnapshot}): per server its state and
   * parts, buffer contents, conveyor items with positions, robots and crews with positions, trips and jobs,
   * working time, counters, and every part in the system with its location.
   */
  snapshot(): PlantSnapshot {
    return snapshotOf(this);
  }

  /** Declares a product. Its stations and sink may be built later; they are resolved when a part moves. */
  addProduct(spec: ProductSpec): void {
    if (this.products_.has(spec.id))
      throw new InvalidArgumentError(`Plant.addProduct: duplicate product ${spec.id}`);
    if (spec.routing.length === 0) {
      throw new InvalidArgumentError(`Plant.addProduct: routing of ${spec.id} must have at least one step`);
    }
    if (spec.branches !== undefined) checkBranches(spec.id, spec.routing.length, spec.branches);
    this.products_.set(spec.id, spec);
  }

  /** The product `id`; throws if unknown. */
  product(id: string): ProductSpec {
    const p = this.products_.get(id);
    if (p === undefined) throw new InvalidArgumentError(`Plant.product: unknown product ${id}`);
    return p;
  }

  /** @internal returns the station's index: its position in {@link Plant.stations}. */
  registerStation(station: Station): number {
    this.unique(station.id);
    this.stations_.set(station.id, station);
    return this.stations_.size - 1;
  }

  /** @internal returns the buffer's index: its position in {@link Plant.buffers}. */
  registerBuffer(buffer: Buffer): number {
    this.unique(buffer.id);
    this.buffers_.set(buffer.id, buffer);
    return this.buffers_.size - 1;
  }

  /** @internal */
  registerSink(sink: Sink): void {
    this.unique(sink.id);
    this.sinks_.set(sink.id, sink);
  }

  /** @internal */
  registerCrewPool(pool: CrewPool): void {
    this.unique(pool.id);
    this.crewPools_.set(pool.id, pool);
  }

  /** @internal */
  registerOperatorPool(pool: OperatorPool): void {
    this.unique(pool.id);
    this.operatorPools_.set(pool.id, pool);
  }

  /** @internal called by a conveyor or robot fleet when built. */
  registerCarrier(carrier: PartReceiver): void {
    this.unique(carrier.id);
    this.carriers_.set(carrier.id, carrier);
  }

  /** @internal */
  registerSource(id: string): void {
    this.unique(id);
    this.sources_.add(id);
  }

  private unique(id: string): void {
    if (typeof id !== 'string' || id === '')
      throw new InvalidArgumentError('Plant: entity ids must be non-empty strings');
    if (
      this.stations_.has(id) ||
      this.buffers_.has(id) ||
      this.sinks_.has(id) ||
      this.crewPools_.has(id) ||
      this.operatorPools_.has(id) ||
      this.carriers_.has(id) ||
      this.sources_.has(id)
    ) {
      throw new InvalidArgumentError(`Plant: duplicate entity id ${id}`);
    }
  }

  /**
   * Creates and releases a new part of `product` at source `source`: it is in the system from now on.
   * @param dueS absolute due date, seconds (default: release + the product's `dueInS`, or `Infinity`).
   */
  release(product: string, source: string, dueS?: number, priority?: number): Part {
    const spec = this.product(product);
    const now = this.sim.now;
    const part = this.newPart(spec, {
      source,
      releaseS: now,
      dueS: dueS ?? now + (spec.dueInS ?? Number.POSITIVE_INFINITY),
      priority: priority ?? spec.priority ?? 0,
    });
    this.inSystem_.add(part);
    this.released_++;
    this.events.emit('partReleased', part, now);
    return part;
  }

  /** A new part of `spec` with the next id, its routing and the plant's per-product caches. */
  private newPart(
    spec: ProductSpec,
    own: Pick<PartOptions, 'source' | 'releaseS' | 'createdS' | 'dueS' | 'priority'>,
  ): Part {
    return new Part({
      id: this.nextPartId++,
      product: spec.id,
      routing: spec.routing,
      sink: spec.sink,
      via: spec.via,
      alternatives: spec.alternatives,
      plan: this.planOf(spec),
      receivers: this.receiversOf(spec.id),
      ...own,
    });
  }

  /**
   * Where `part` goes next: the carrier of its next hop if it travels by one, else
   * {@link Plant.finalDestination}.
   */
  destination(part: Part): PartReceiver {
    // NOTE: length first: reading past the end of an (empty) array is slow in V8, and most hops are direct.
    const via = part.via.length === 0 ? undefined : part.via[part.step];
    if (via !== undefined) {
      const carrier = this.carriers_.get(via);
      if (carrier === undefined) {
        throw new InvalidArgumentError(
          `Plant: routing of product ${part.product} names unknown carrier ${via}`,
        );
      }
      return carrier;
    }
    return this.finalDestination(part);
  }

  /** The input of `part`'s current step's station, or its sink when all steps are done (carriers aside). */
  finalDestination(part: Part): PartReceiver {
    const cached = part.receivers[part.step];
    if (cached !== undefined) return cached;
    const receiver = this.resolve(part);
    // A step with alternatives has no one receiver for the product: not cached.
    if (part.alternatives.length === 0 || part.alternatives[part.step] === undefined) {
      part.receivers[part.step] = receiver;
    }
    return receiver;
  }

  /**
   * Calls `then` once `part`'s current step has its station: at once for a step with one station or
   * one already chosen, else after the `routing` decision (at the end of the instant).
   * @internal called by whoever is about to hand the part on.
   */
  whenRouted(part: Part, then: () => void): void {
    if (!part.needsRoute(part.step)) {
      then();
      return;
    }
    this.broker.request(new RoutingTask(this, part, then));
  }

  /**
   * What policies read of a product (sort key, mean work left per step), derived on first use from the
   * stations' process times.
   * @internal
   */
  planOf(spec: ProductSpec): ProductPlan {
    let plan = this.plans_.get(spec.id);
    if (plan !== undefined) return plan;
    const n = spec.routing.length;
    const workFromS = new Array<number>(n + 1).fill(0);
    for (let i = n - 1; i >= 0; i--) {
      const stations = spec.alternatives?.[i] ?? [spec.routing[i]!];
      let sum = 0;
      let k = 0;
      for (const id of stations) {
        const m = this.stations_.get(id)?.meanTimeS(spec.id, i) ?? Number.NaN;
        if (Number.isFinite(m)) {
          sum += m;
          k++;
        }
      }
      workFromS[i] = workFromS[i + 1]! + (k === 0 ? 0 : sum / k);
    }
    plan = { sortKey: naturalKey(spec.id), workFromS };
    this.plans_.set(spec.id, plan);
    return plan;
  }

  private receiversOf(product: string): (PartReceiver | undefined)[] {
    let list = this.receivers_.get(product);
    if (list === undefined) {
      // Holey-free: one slot per step and one for the sink, so lookups stay in bounds.
      list = new Array<PartReceiver | undefined>(this.product(product).routing.length + 1).fill(undefined);
      this.receivers_.set(product, list);
    }
    return list;
  }

  private resolve(part: Part): PartReceiver {
    if (part.step < part.routing.length) {
      const id = part.stationAt(part.step);
      if (id === undefined) {
        throw new InvalidStateError(
          `Plant: part ${part.id} (${part.product}) moves on before the station of its step ${part.step} is chosen`,
        );
      }
      const station = this.stations_.get(id);
      if (station === undefined) {
        throw new InvalidArgumentError(
          `Plant: routing of product ${part.product} names unknown station ${id}`,
        );
      }
      return station.input;
    }
    const sink = this.sinks_.get(part.sink);
    if (sink === undefined) {
      throw new InvalidArgumentError(
        `Plant: product ${part.product} leaves through unknown sink ${part.sink}`,
      );
    }
    return sink;
  }

  /**
   * Hands `part`, held by `from`, to its destination if it has room (publishing `partMoved`).
   * @returns `false` (nothing changed) when the destination is full.
   */
  forward(part: Part, from: string): boolean {
    return this.handOver(part, from, this.destination(part));
  }

  /**
   * Hands `part`, carried by `from` (a conveyor or a robot), to its final destination if it has room
   * (publishing `partMoved`); see {@link Plant.forward}.
   */
  deliver(part: Part, from: string): boolean {
    return this.handOver(part, from, this.finalDestination(part));
  }

  private handOver(part: Part, from: string, dest: PartReceiver): boolean {
    if (!dest.hasRoom()) return false;
    // Published before the receiver reacts, so a trace reads in causal order.
    if (this.movedListeners.length > 0) this.events.emit4('partMoved', part, from, dest.id, this.sim.now);
    if (!dest.tryPut(part)) {
      throw new InvalidStateError(`Plant.forward: ${dest.id} had room but refused part ${part.id}`);
    }
    return true;
  }

  /** @internal called by a sink. */
  finish(part: Part, sink: string): void {
    this.leave(part, sink, 'finish');
    this.finished_++;
    this.events.emit('partFinished', part, sink, this.sim.now);
  }

  /** Takes `part` out of the system at `at` (its last holder), stamping the time it left. */
  private leave(part: Part, at: string, why: 'finish' | 'consume' | 'scrap'): void {
    if (!this.inSystem_.delete(part)) {
      throw new InvalidStateError(`Plant.${why}: part ${part.id} is not in the system`);
    }
    part.finishedS = this.sim.now;
    part.location = at;
  }

  /**
   * Takes `part` out of the system as a component built into an assembly; publishes `partConsumed`.
   * @internal called by an assembly station.
   */
  consume(part: Part, at: string): void {
    this.leave(part, at, 'consume');
    this.consumed_++;
    this.events.emit('partConsumed', part, at, this.sim.now);
  }

  /**
   * Creates a part of `product` made at station `at` from `components` (already consumed). Its routing
   * continues after its visit of `at`; its release time is the earliest of its components' (so its cycle
   * time covers the whole kit) and its due date the latest of theirs, or the product's offset from that
   * release. Publishes `partAssembled`.
   * @internal called by an assembly station.
   */
  assemble(product: string, at: string, components: readonly Part[]): Part {
    const spec = this.product(product);
    const step = spec.routing.indexOf(at);
    if (step < 0) {
      throw new InvalidArgumentError(
        `Plant.assemble: routing of ${product} does not visit ${at}, where it is made`,
      );
    }
    const releaseS = Math.min(...components.map((c) => c.releaseS));
    const dues = components.map((c) => c.dueS).filter((d) => Number.isFinite(d));
    const part = this.newPart(spec, {
      source: at,
      releaseS,
      createdS: this.sim.now,
      dueS: dues.length > 0 ? Math.max(...dues) : releaseS + (spec.dueInS ?? Number.POSITIVE_INFINITY),
      priority: Math.max(spec.priority ?? 0, ...components.map((c) => c.priority)),
    });
    const now = this.sim.now;
    part.addStep({ station: at, queuedS: now, startedS: now, finishedS: now, blockedS: 0 });
    part.step = step + 1;
    part.location = at;
    this.inSystem_.add(part);
    this.assembled_++;
    this.events.emit('partAssembled', part, at, now);
    return part;
  }

  /**
   * Takes `part` out of the system as scrap (a failed inspection); publishes `partScrapped`.
   * @internal called by the entity that scraps it.
   */
  scrap(part: Part, at: string): void {
    this.leave(part, at, 'scrap');
    this.scrapped_++;
    this.events.emit('partScrapped', part, at, this.sim.now);
  }

  /**
   * Runs the simulation (see `Simulation.run`), then throws a {@link DeadlockError} if the calendar
   * ran empty while parts are still in the system (nothing can ever move them again), naming the
   * stations where parts wait and why none can start. Throws a {@link ZeroTimeLoopError} when more than
   * `maxEventsPerInstant` events run without the clock advancing. The events run are those of one
   * `Simulation.run` with the same `until` and `maxEvents`: the engine runs them in chunks of 10,000,
   * which changes nothing.
   */
  run(options: PlantRunOptions = {}): RunResult {
    const waiting = this.broker.pending;
    if (waiting !== null) {
      throw new InvalidStateError(
        `Plant.run: a ${waiting.kind} decision at ${waiting.at} waits for the agent's answer (plant.decide(index))`,
      );
    }
    const perInstant = options.maxEventsPerInstant ?? DEFAULT_MAX_EVENTS_PER_INSTANT;
    if (!(Number.isInteger(perInstant) && perInstant >= 1)) {
      throw new InvalidArgumentError(
        `Plant.run: maxEventsPerInstant must be an integer >= 1 (got ${String(perInstant)})`,
      );
    }
    // The first run publishes every entity's state at the start, for listeners connected after the build.
    if (!this.announced) {
      this.announced = true;
      announceState(this);
    }
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const sim = this.sim;
    let events = 0;
    // Kept across calls, so that a run split into many short calls still finds a loop.
    if (sim.now !== this.loopInstantS) {
      this.loopInstantS = sim.now;
      this.loopEvents = 0;
    }
    let result: RunResult;
    for (;;) {
      const chunk = Math.min(CHUNK_EVENTS, maxEvents - events);
      result = sim.run({ until: options.until, maxEvents: chunk });
      events += result.events;
      // NOTE: counted per chunk, not per event, for speed: a chunk in which the clock moved restarts the count.
      if (sim.now === this.loopInstantS) {
        this.loopEvents += result.events;
        if (this.loopEvents >= perInstant) this.zeroTimeLoop(this.loopEvents);
      } else {
        this.loopInstantS = sim.now;
        this.loopEvents = 0;
      }
      if (result.reason !== 'maxEvents' || events >= maxEvents) break;
    }
    result = { ...result, events };
    if (result.reason === 'empty' && this.inSystem_.size > 0) {
      const where = [...new Set([...this.inSystem_].map((p) => p.location))];
      const jams: string[] = [];
      const jammed: string[] = [];
      for (const station of this.stations_.values()) {
        const why = station.whyStuck();
        if (why === null) continue;
        jammed.push(station.id);
        jams.push(`station ${station.id}: ${why}`);
      }
      const stuck = [...new Set([...jammed, ...where])];
      const detail = jams.length > 0 ? `; ${jams.join('; ')}` : '';
      throw new DeadlockError(
        `Plant.run: deadlock at ${sim.now} s — no event left but ${this.inSystem_.size} part(s) in the system, held by ${where.join(', ')}${detail}`,
        stuck,
      );
    }
    return result;
  }

  /** Runs a few more events to see who publishes in the stuck instant, then throws {@link ZeroTimeLoopError}. */
  private zeroTimeLoop(events: number): never {
    const sim = this.sim;
    const atS = sim.now;
    const seen = new Map<string, number>();
    const note = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
    const off = [
      this.events.on('partReleased', (part) => note(part.source)),
      this.events.on('processStarted', (_p, station) => note(station)),
      this.events.on('processFinished', (_p, station) => note(station)),
      this.events.on('partMoved', (_p, from, to) => {
        note(from);
        note(to);
      }),
      this.events.on('partFinished', (_p, sink) => note(sink)),
      this.events.on('serverStateChanged', (station) => note(station)),
    ];
    try {
      sim.run({ maxEvents: LOOP_SAMPLE_EVENTS });
    } finally {
      for (const f of off) f();
    }
    const stuck = [...seen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    const who = stuck.length > 0 ? `; entities busy at that instant: ${stuck.slice(0, 12).join(', ')}` : '';
    throw new ZeroTimeLoopError(
      `Plant.run: zero-time loop at ${atS} s — over ${events.toLocaleString('en-US')} events ran without the clock advancing (e.g. zero process times in a loop)${who}`,
      stuck,
      atS,
      events,
    );
  }

  /**
   * Runs like {@link Plant.run} until the agent must decide: then returns the decision (answer it with
   * {@link Plant.decide} and call again). Stopping at a decision loses and reorders nothing: the events
   * are those of an uninterrupted run whose rule made the same choices.
   */
  runUntilDecision(options: PlantRunOptions = {}): DecisionStop | RunResult {
    const before = this.broker.pending;
    if (before !== null) return { reason: 'decision', point: before, now: this.sim.now, events: 0 };
    const result = this.run(options);
    const point = this.broker.pending;
    if (point !== null) return { reason: 'decision', point, now: this.sim.now, events: result.events };
    return result;
  }

  /** The decision waiting for the agent's answer, or `null`. */
  get pendingDecision(): AnyDecisionPoint | null {
    return this.broker.pending;
  }

  /**
   * Answers the pending decision with option `index` (an integer in [0, options.length)); the run goes on
   * with the next {@link Plant.runUntilDecision} or {@link Plant.run}.
   */
  decide(index: number): void {
    this.broker.answer(index);
  }

  /**
   * Checks whether a server that just blocked on `buffer` closed a cycle of full buffers whose
   * consumers have every server blocked; throws a {@link DeadlockError} naming them if so.
   * @internal called by stations.
   */
  checkBlockingCycle(buffer: Buffer): void {
    // NOTE: the usual answer first, without allocating: the buffer is not full, or some server of its
    // consumer is not blocked on a buffer, so no cycle goes through it (as `visit` finds), for speed.
    if (!buffer.full) return;
    // The consumer itself, not looked up by id in the map (a cold entry and id string per put), for speed.
    const consumer = buffer.consumerEntity;
    if (consumer === null || !consumer.allBlockedOnBuffers()) return;
    // The walk that decides allocates nothing (it runs whenever a full buffer's station is all blocked,
    // often on a busy line); the one that names the entities runs only for a deadlock, for speed.
    if (this.closesCycle(buffer, ++this.cycleWalks)) this.throwDeadlock(buffer);
  }

  /**
   * `true` when every chain of full buffers and blocked servers from `b` ends in a buffer this walk
   * (number `walk`) already reached: the answer of `throwDeadlock`'s walk, without allocating. Marks the
   * buffers it reaches with `walk`.
   */
  private closesCycle(b: Buffer, walk: number): boolean {
    if (b.walkMark === walk) return true;
    if (!b.full) return false;
    const station = b.consumerEntity;
    if (station === null) return false;
    b.walkMark = walk;
    if (!station.allBlockedOnBuffers()) return false;
    const n = station.serverCount;
    for (let i = 0; i < n; i++) if (!this.closesCycle(station.blockedTargetAt(i)!, walk)) return false;
    return true;
  }

  /** Throws the {@link DeadlockError} of the cycle through `buffer`, naming its buffers and servers. */
  private throwDeadlock(buffer: Buffer): void {
    const onPath = new Set<Buffer>();
    const stuck: string[] = [];
    const visit = (b: Buffer): boolean => {
      if (onPath.has(b)) return true;
      if (!b.full) return false;
      const station = b.consumerEntity;
      if (station === null) return false;
      onPath.add(b);
      const targets = station.blockedTargets();
      if (targets === null) return false;
      for (const t of targets) if (!visit(t)) return false;
      stuck.push(b.id, ...station.serverIds());
      return true;
    };
    if (visit(buffer)) {
      const names = [...new Set(stuck)];
      throw new DeadlockError(
        `Plant: deadlock at ${this.sim.now} s — a cycle of full buffers and blocked servers: ${names.join(', ')}`,
        names,
      );
    }
  }
}
