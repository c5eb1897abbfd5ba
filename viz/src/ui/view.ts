import { emptyState, type PlantState } from '../feed/plant-state.js';
import type { Recording, SeekResult } from '../feed/recording.js';
import { PlantScene } from '../scene/plant-scene.js';

/**
 * One recording shown in one 3D scene: the feed's state kept at the clock's time (forward by applying
 * events, or from a keyframe when jumping) and the scene updated from it.
 */
export class View {
  readonly scene: PlantScene;
  state: PlantState;
  /** The state's cursor in the recording, and the seek's result (kept: the frame loop allocates nothing). */
  private readonly moved: SeekResult;
  /** Wall-clock milliseconds the last `goTo` took (the seek cost). */
  lastSeekMs = 0;
  /** Fits the scene to its host whenever the host's size changes (a window resize, a second view added). */
  private readonly sizes: ResizeObserver;

  constructor(
    readonly host: HTMLElement,
    readonly recording: Recording,
  ) {
    this.scene = new PlantScene(host, recording.index);
    this.state = emptyState(recording.index);
    this.moved = { state: this.state, cursor: 0 };
    this.scene.resize();
    this.sizes = new ResizeObserver(() => this.scene.resize());
    this.sizes.observe(host);
  }

  /** Moves the state to simulated time `t` (seconds) and updates the scene. */
  goTo(t: number): void {
    const t0 = performance.now();
    const moved = this.recording.seek(this.state, this.moved.cursor, t, this.moved);
    this.state = moved.state;
    this.scene.update(this.state, t);
    this.lastSeekMs = performance.now() - t0;
  }

  render(): void {
    this.scene.render();
  }

  dispose(): void {
    this.sizes.disconnect();
    this.scene.dispose();
    this.host.replaceChildren();
  }
}
