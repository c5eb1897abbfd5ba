import {
  AmbientLight,
  BoxGeometry,
  Color,
  ConeGeometry,
  CylinderGeometry,
  DirectionalLight,
  DynamicDrawUsage,
  GridHelper,
  InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  type Object3D,
  PerspectiveCamera,
  Quaternion,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { CSS2DObject, CSS2DRenderer } from 'three/addons/renderers/CSS2DRenderer.js';
import { STATE_COLOURS } from '../feed/palette.js';
import { beltPos, type LayoutIndex, moverAt, type PlantState } from '../feed/plant-state.js';
import { type ConveyorLayout, type Point, SERVER_STATES, type StationLayout } from '../feed/types.js';

/** Most parts drawn at once; more are left out of the picture (never of the data). */
export const MAX_PARTS = 8192;
/** Height of one queued part in a queue bar, metres. */
const QUEUE_STEP_M = 0.25;
/** Side of a part's box, metres. */
const PART_M = 0.45;
/** Height of a belt's top, metres. */
const BELT_HEIGHT_M = 0.6;

// Scratch objects: the frame loop allocates nothing.
const M = new Matrix4();
const Q = new Quaternion();
const P = new Vector3();
const S = new Vector3();
const UP = new Vector3(0, 1, 0);
const Z = new Vector3(0, 0, 1);
const DIR = new Vector3();
const XY = { x: 0, y: 0 };
const STATE_COLOUR = SERVER_STATES.map((s) => new Color(STATE_COLOURS[s]));

/** What a pick hit: a kind of object and its index (server, mover, conveyor, buffer index). */
export interface Pick {
  readonly kind: 'server' | 'mover' | 'conveyor' | 'buffer' | 'source' | 'sink';
  readonly index: number;
}

/**
 * The 3D plant: the layout drawn with one `InstancedMesh` per kind of object (station servers, queue bars,
 * buffers, belts, belt arrows, robots, crews, sources, sinks, parts). The instance index of a server is its
 * index in `LayoutIndex.serverOf`, of a robot or crew its mover index, so data, drawing and picking share one
 * key. `update(state, t)` places and colours everything for simulated time `t` (seconds), interpolating belt
 * items and trips, and allocates nothing. `dispose()` frees every GPU resource.
 */
export class PlantScene {
  readonly renderer: WebGLRenderer;
  readonly scene = new Scene();
  readonly camera: PerspectiveCamera;
  /** Whether the user turned, panned or zoomed the view (then a resize keeps it). */
  private userMoved = false;
  private readonly labels = new CSS2DRenderer();
  private readonly controls: OrbitControls;
  private readonly servers: InstancedMesh;
  private readonly queues: InstancedMesh;
  private readonly buffers: InstancedMesh;
  private readonly belts: InstancedMesh;
  private readonly arrows: InstancedMesh;
  private readonly robots: InstancedMesh;
  private readonly crews: InstancedMesh;
  private readonly sources: InstancedMesh;
  private readonly sinks: InstancedMesh;
  private readonly parts: InstancedMesh;
  private readonly stations: readonly StationLayout[];
  private readonly conveyors: readonly ConveyorLayout[];
  /** Per server: the label element of its station (state shown as `data-state`). */
  private readonly stationLabels: HTMLElement[] = [];
  private readonly lastState: number[];
  private readonly raycaster = new Raycaster();
  private readonly pointer = new Vector2();
  private readonly nRobots: number;

  constructor(
    readonly container: HTMLElement,
    readonly index: LayoutIndex,
  ) {
    const { layout } = index.info;
    this.renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(1);
    this.renderer.setClearColor(0xf2f3f5);
    container.appendChild(this.renderer.domElement);
    this.labels.domElement.className = 'labels';
    container.appendChild(this.labels.domElement);
    this.camera = new PerspectiveCamera(45, 1, 0.5, 2000);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.scene.add(new AmbientLight(0xffffff, 1.6));
    const sun = new DirectionalLight(0xffffff, 1.4);
    sun.position.set(10, 40, 20);
    this.scene.add(sun);

    this.stations = layout.stations;
    this.conveyors = layout.conveyors;
    const nServers = index.serverOf.length;
    this.nRobots = index.robotCount;
    const nCrews = index.moverOf.length - this.nRobots;
    const box = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
    const mesh = (geometry: BoxGeometry | ConeGeometry | CylinderGeometry, colour: number, count: number) => {
      const m = new InstancedMesh(geometry, new MeshLambertMaterial({ color: colour }), Math.max(1, count));
      m.count = count;
      m.instanceMatrix.setUsage(DynamicDrawUsage);
      this.scene.add(m);
      return m;
    };
    this.servers = mesh(box, 0xffffff, nServers);
    this.queues = mesh(box, 0x5b6b8c, this.stations.length);
    this.buffers = mesh(box, 0x8d99ae, layout.buffers.length);
    this.belts = mesh(box, 0x444c56, this.conveyors.length);
    this.arrows = mesh(new ConeGeometry(0.35, 0.9, 12).rotateX(Math.PI / 2), 0xf5f5f5, this.conveyors.length);
    this.robots = mesh(new CylinderGeometry(0.45, 0.6, 1.2, 16).translate(0, 0.6, 0), 0xf08c00, this.nRobots);
    this.crews = mesh(new CylinderGeometry(0.3, 0.3, 1.8, 12).translate(0, 0.9, 0), 0x1c7ed6, nCrews);
    this.sources = mesh(box, 0x37b24d, layout.sources.length);
    this.sinks = mesh(box, 0x495057, layout.sinks.length);
    this.parts = mesh(box, 0x8b5a2b, MAX_PARTS);
    this.parts.count = 0;
    // Things that move: their bounds change every frame, so they are never culled.
    for (const m of [this.robots, this.crews, this.parts, this.queues]) m.frustumCulled = false;
    this.lastState = new Array<number>(nServers).fill(-1);

    this.placeStatic();
    this.frameCamera();
  }

  /** Lays out what never moves: servers' boxes, pads, belts with their direction, sources, sinks, labels. */
  private placeStatic(): void {
    const { layout } = this.index.info;
    const { serverOf, firstServer } = this.index;
    for (let i = 0; i < serverOf.length; i++) {
      const st = this.stations.find((e) => e.id === serverOf[i]!.station)!;
      const w = st.size.width / st.servers;
      P.set(st.position.x - st.size.width / 2 + w * (serverOf[i]!.server + 0.5), 0, st.position.y);
      S.set(w * 0.92, st.size.height, st.size.depth);
      this.servers.setMatrixAt(i, M.compose(P, Q.identity(), S));
      this.servers.setColorAt(i, STATE_COLOUR[1]!);
    }
    for (const st of this.stations) {
      const el = this.label(st.id, st.position, st.size.height + 0.6, 'station');
      const first = firstServer.get(st.id)!;
      for (let s = 0; s < st.servers; s++) this.stationLabels[first + s] = el;
    }
    layout.buffers.forEach((b, i) => {
      const at = this.bufferSpot(b.position, b.station);
      this.buffers.setMatrixAt(i, M.compose(P.set(at.x, 0, at.y), Q.identity(), S.set(1.2, 0.1, 1.2)));
    });
    this.conveyors.forEach((c, i) => {
      const { start: from, end: to } = c;
      const len = Math.max(0.1, Math.hypot(to.x - from.x, to.y - from.y));
      Q.setFromAxisAngle(UP, -Math.atan2(to.y - from.y, to.x - from.x));
      P.set((from.x + to.x) / 2, 0, (from.y + to.y) / 2);
      this.belts.setMatrixAt(i, M.compose(P, Q, S.set(len, BELT_HEIGHT_M, 0.8)));
      // The arrow sits at two-thirds of the belt and points from entrance to exit.
      P.set(from.x + (to.x - from.x) * 0.66, BELT_HEIGHT_M + 0.25, from.y + (to.y - from.y) * 0.66);
      DIR.set(to.x - from.x, 0, to.y - from.y).normalize();
      Q.setFromUnitVectors(Z, DIR);
      this.arrows.setMatrixAt(i, M.compose(P, Q, S.set(1, 1, 1)));
      const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
      this.label(c.id, mid, BELT_HEIGHT_M + 0.8, 'conveyor');
    });
    layout.sources.forEach((e, i) => {
      this.sources.setMatrixAt(
        i,
        M.compose(P.set(e.position.x, 0, e.position.y), Q.identity(), S.set(1, 0.5, 1)),
      );
      this.label(e.id, e.position, 0.9, 'source');
    });
    layout.sinks.forEach((e, i) => {
      this.sinks.setMatrixAt(
        i,
        M.compose(P.set(e.position.x, 0, e.position.y), Q.identity(), S.set(1, 0.5, 1)),
      );
      this.label(e.id, e.position, 0.9, 'sink');
    });
    for (const m of [this.servers, this.buffers, this.belts, this.arrows, this.sources, this.sinks]) {
      m.instanceMatrix.needsUpdate = true;
      m.computeBoundingSphere();
    }
    if (this.servers.instanceColor) this.servers.instanceColor.needsUpdate = true;
  }

  /** Where a station's queue is drawn: in front of its left corner (a buffer of its own sits there too). */
  private bufferSpot(fallback: Point, station: string | null): Point {
    const st = station === null ? undefined : this.stations.find((e) => e.id === station);
    if (st === undefined) return fallback;
    return { x: st.position.x - st.size.width / 2 - 0.7, y: st.position.y + st.size.depth / 2 + 0.7 };
  }

  private label(id: string, at: Point, height: number, kind: string): HTMLElement {
    const el = document.createElement('div');
    el.className = 'label';
    el.textContent = id;
    el.dataset.entity = id;
    el.dataset.kind = kind;
    const obj = new CSS2DObject(el);
    obj.position.set(at.x, height, at.y);
    this.scene.add(obj);
    return el;
  }

  /** Lays the floor grid under the whole layout and points the camera at it ({@link PlantScene.aimCamera}). */
  private frameCamera(): void {
    const { min, max } = this.index.info.layout.bounds;
    const span = Math.max(20, max.x - min.x, max.y - min.y);
    const grid = new GridHelper(Math.ceil(span * 1.6), Math.ceil(span * 1.6) / 2, 0xc8ccd2, 0xdde0e4);
    grid.position.set((min.x + max.x) / 2, -0.01, (min.y + max.y) / 2);
    this.scene.add(grid);
    // Once the user turns or zooms the view, a resize keeps their view instead of framing again.
    this.controls.addEventListener('start', () => {
      this.userMoved = true;
    });
    this.aimCamera();
  }

  /**
   * Points the camera at the whole layout from the south-east, above, far enough back that the layout's
   * width fits the canvas: a narrow canvas (one half of a side-by-side view) moves the camera back
   * instead of cropping the plant's sides.
   */
  private aimCamera(): void {
    const { min, max } = this.index.info.layout.bounds;
    const cx = (min.x + max.x) / 2;
    const cy = (min.y + max.y) / 2;
    const width = Math.max(20, max.x - min.x);
    const span = Math.max(20, max.x - min.x, max.y - min.y);
    // Distance from the target along the view direction (0, 0.9, 0.75): the framing of a wide canvas …
    const along = Math.hypot(0.9, 0.75);
    const wide = span * along;
    // … or what the horizontal field of view needs to show the width with 10 % to spare on each side.
    const halfH = Math.atan(Math.tan((this.camera.fov * Math.PI) / 360) * this.camera.aspect);
    const distance = Math.max(wide, (width * 0.6) / Math.tan(halfH));
    const k = distance / along;
    this.camera.position.set(cx, 0.9 * k, cy + 0.75 * k);
    this.controls.target.set(cx, 0, cy);
    this.controls.update();
  }

  /** Fits the renderer to its container (CSS pixels); frames the layout again unless the user moved the view. */
  resize(): void {
    const w = Math.max(1, this.container.clientWidth);
    const h = Math.max(1, this.container.clientHeight);
    this.renderer.setSize(w, h);
    this.labels.setSize(w, h);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    if (!this.userMoved) this.aimCamera();
  }

  /** Places and colours every moving or changing object for the state at simulated time `t`, seconds. */
  update(state: PlantState, t: number): void {
    const { servers } = state;
    for (let i = 0; i < servers.length; i++) {
      const s = servers[i]!.state;
      if (s === this.lastState[i]) continue;
      this.lastState[i] = s;
      this.servers.setColorAt(i, STATE_COLOUR[s]!);
      const el = this.stationLabels[i];
      // The label carries the first server's state (tests and screen readers read it).
      if (el !== undefined && this.index.serverOf[i]!.server === 0) el.dataset.state = SERVER_STATES[s]!;
    }
    if (this.servers.instanceColor) this.servers.instanceColor.needsUpdate = true;

    // Queue bars: one per station, height by the level of its input.
    for (let i = 0; i < this.stations.length; i++) {
      const st = this.stations[i]!;
      const level = state.levels[st.input] ?? 0;
      P.set(st.position.x - st.size.width / 2 - 0.7, 0.1, st.position.y + st.size.depth / 2 + 0.7);
      S.set(0.6, Math.max(0.02, level * QUEUE_STEP_M), 0.6);
      this.queues.setMatrixAt(i, M.compose(P, Q.identity(), S));
    }
    this.queues.instanceMatrix.needsUpdate = true;

    let n = 0;
    // Parts on servers: a box on top of the machine.
    for (let i = 0; i < servers.length && n < MAX_PARTS; i++) {
      if (servers[i]!.parts.length === 0) continue;
      this.servers.getMatrixAt(i, M);
      P.setFromMatrixPosition(M);
      S.setFromMatrixScale(M);
      P.y = S.y;
      this.parts.setMatrixAt(n++, M.compose(P, Q.identity(), S.set(PART_M, PART_M, PART_M)));
    }
    // Parts on belts, exactly where their last published position and speed put them.
    for (let b = 0; b < this.conveyors.length; b++) {
      const c = this.conveyors[b]!;
      const items = state.belts[b]!;
      const len = c.lengthM;
      const { start: a, end: z } = c;
      for (let k = 0; k < items.length && n < MAX_PARTS; k++) {
        const f = beltPos(items[k]!, t, len) / len;
        P.set(a.x + (z.x - a.x) * f, BELT_HEIGHT_M, a.y + (z.y - a.y) * f);
        this.parts.setMatrixAt(n++, M.compose(P, Q.identity(), S.set(PART_M, PART_M, PART_M)));
      }
    }
    // Robots and crews along their trips; a loaded robot carries its part on top.
    const movers = state.movers;
    for (let i = 0; i < movers.length; i++) {
      const m = movers[i]!;
      moverAt(m, t, XY);
      P.set(XY.x, 0, XY.y);
      const robot = i < this.nRobots;
      (robot ? this.robots : this.crews).setMatrixAt(
        robot ? i : i - this.nRobots,
        M.compose(P, Q.identity(), S.set(1, 1, 1)),
      );
      // States travelling-loaded (3), placing (4) and waiting (5) hold the part.
      if (robot && m.part >= 0 && m.state >= 3 && n < MAX_PARTS) {
        P.y = 1.2;
        this.parts.setMatrixAt(n++, M.compose(P, Q.identity(), S.set(PART_M, PART_M, PART_M)));
      }
    }
    this.robots.instanceMatrix.needsUpdate = true;
    this.crews.instanceMatrix.needsUpdate = true;
    this.parts.count = n;
    this.parts.instanceMatrix.needsUpdate = true;
  }

  /** Draws the scene and its labels. */
  render(): void {
    this.controls.update();
    this.renderer.render(this.scene, this.camera);
    this.labels.render(this.scene, this.camera);
  }

  /** The object under a point of the canvas (client pixels), or null. */
  pick(clientX: number, clientY: number): Pick | null {
    const rect = this.renderer.domElement.getBoundingClientRect();
    this.pointer.set(
      ((clientX - rect.left) / rect.width) * 2 - 1,
      -((clientY - rect.top) / rect.height) * 2 + 1,
    );
    this.raycaster.setFromCamera(this.pointer, this.camera);
    // Movers move: their bounds are recomputed at each pick (a click, not a frame). They are tried first: a
    // robot picking or placing stands inside the station's box, and must still be pickable.
    this.robots.computeBoundingSphere();
    this.crews.computeBoundingSphere();
    const robots = this.raycaster.intersectObject(this.robots, false)[0];
    const crews = this.raycaster.intersectObject(this.crews, false)[0];
    const mover = [robots, crews]
      .filter((h) => h?.instanceId !== undefined)
      .sort((a, b) => a!.distance - b!.distance)[0];
    if (mover !== undefined)
      return {
        kind: 'mover',
        index: mover.object === this.crews ? mover.instanceId! + this.nRobots : mover.instanceId!,
      };
    const targets: [Object3D, Pick['kind']][] = [
      [this.servers, 'server'],
      [this.belts, 'conveyor'],
      [this.buffers, 'buffer'],
      [this.sources, 'source'],
      [this.sinks, 'sink'],
    ];
    const hit = this.raycaster.intersectObjects(
      targets.map(([o]) => o),
      false,
    )[0];
    if (hit === undefined || hit.instanceId === undefined) return null;
    return { kind: targets.find(([o]) => o === hit.object)![1], index: hit.instanceId };
  }

  /**
   * Where a server's top centre or a mover's middle is on the canvas (client pixels), for tests and the
   * picked-object marker. Uses the current matrices, so call after `update`.
   */
  screenOf(kind: 'server' | 'mover', index: number): { x: number; y: number } {
    const m = kind === 'server' ? this.servers : index < this.nRobots ? this.robots : this.crews;
    m.getMatrixAt(kind === 'server' || index < this.nRobots ? index : index - this.nRobots, M);
    P.setFromMatrixPosition(M);
    S.setFromMatrixScale(M);
    P.y += kind === 'server' ? S.y : 0.7;
    P.project(this.camera);
    const rect = this.renderer.domElement.getBoundingClientRect();
    return { x: rect.left + ((P.x + 1) / 2) * rect.width, y: rect.top + ((1 - P.y) / 2) * rect.height };
  }

  /** Parts drawn in the last `update`. */
  get partCount(): number {
    return this.parts.count;
  }

  /** Floor position (metres) and height of the `i`-th part drawn, written into `out`. */
  partPosition(i: number, out: { x: number; y: number; z: number }): void {
    this.parts.getMatrixAt(i, M);
    P.setFromMatrixPosition(M);
    out.x = P.x;
    out.y = P.z;
    out.z = P.y;
  }

  /** The colour drawn at a point of the canvas (client pixels), as [r, g, b] 0…255 (reads the last frame). */
  pixel(clientX: number, clientY: number): [number, number, number] {
    const canvas = this.renderer.domElement;
    const rect = canvas.getBoundingClientRect();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const x = Math.round(((clientX - rect.left) / rect.width) * canvas.width);
    const y = Math.round(((clientY - rect.top) / rect.height) * canvas.height);
    const d = ctx.getImageData(x, y, 1, 1).data;
    return [d[0]!, d[1]!, d[2]!];
  }

  /** Frees GPU resources and removes the canvases. */
  dispose(): void {
    this.scene.traverse((o) => {
      if (o instanceof InstancedMesh) {
        o.geometry.dispose();
        (o.material as MeshLambertMaterial).dispose();
        o.dispose();
      }
    });
    this.controls.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
    this.labels.domElement.remove();
  }
}
