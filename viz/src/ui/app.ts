import { differenceSeries } from '../feed/difference.js';
import type { Recording } from '../feed/recording.js';
import { SERVER_STATES } from '../feed/types.js';
import type { Pick } from '../scene/plant-scene.js';
import { DIFFERENCE_CHARTS, KpiPanel, PLANT_CHARTS } from './kpi-panel.js';
import { renderLegend } from './legend.js';
import { renderPicked } from './picked-panel.js';
import { TimelineBar } from './timeline-bar.js';
import { View } from './view.js';

/** Run control of a live simulation (the WebSocket server): the timeline's buttons drive it. */
export interface LiveControl {
  pause(): void;
  resume(): void;
  /** Simulated seconds per wall-clock second; `Infinity`: as fast as possible. */
  speed(x: number): void;
  /** Runs exactly the next event (useful while paused). */
  step(): void;
}

/** The page's elements the app fills. */
export interface AppElements {
  readonly views: HTMLElement;
  readonly timeline: HTMLElement;
  readonly legend: HTMLElement;
  readonly picked: HTMLElement;
  readonly kpis: HTMLElement;
  readonly diff: HTMLElement;
  readonly status: HTMLElement;
}

/**
 * The viewer: one clock (simulated time `t`, playing or paused, a speed) driving one or two views (side by
 * side: two runs of the same scenario, one timeline), the panels, and, in live mode, the server's run.
 */
export class App {
  views: View[] = [];
  t = 0;
  playing = false;
  speed = 300;
  /** Keep the clock at the newest frame (live, or a run still being simulated in the page). */
  follow = false;
  live: LiveControl | null = null;
  pick: Pick | null = null;
  private pickView = 0;
  private readonly timeline: TimelineBar;
  private kpi: KpiPanel | null = null;
  private diff: KpiPanel | null = null;
  private lastWall = 0;
  private lastPanel = 0;
  private frameId = 0;

  constructor(readonly el: AppElements) {
    renderLegend(el.legend);
    this.timeline = new TimelineBar(el.timeline, {
      play: (p) => this.setPlaying(p),
      speed: (x) => {
        this.speed = x;
        this.live?.speed(x);
      },
      seek: (t) => this.seek(t),
    });
    this.speed = this.timeline.speed;
    el.picked.textContent = 'Click a machine, robot, crew, belt or buffer.';
    el.views.addEventListener('click', (e) => this.onClick(e));
  }

  /** Shows these recordings (one, or two side by side), replacing what was shown. */
  show(recordings: readonly Recording[]): void {
    for (const v of this.views) v.dispose();
    this.kpi?.destroy();
    this.diff?.destroy();
    this.el.views.replaceChildren();
    this.el.views.dataset.count = String(recordings.length);
    this.views = recordings.map((r, i) => {
      const host = document.createElement('div');
      host.className = 'view';
      host.dataset.view = String(i);
      const title = document.createElement('div');
      title.className = 'view-title';
      title.textContent = `${recordings.length > 1 ? `${'AB'[i]}: ` : ''}${r.info.name} · seed ${r.info.seed}`;
      this.el.views.append(host);
      const v = new View(host, r);
      host.append(title);
      return v;
    });
    this.kpi = new KpiPanel(this.el.kpis, PLANT_CHARTS);
    this.el.diff.hidden = recordings.length < 2;
    this.diff = recordings.length < 2 ? null : new KpiPanel(this.el.diff, DIFFERENCE_CHARTS, 420);
    this.pick = null;
    this.t = 0;
    this.setPlaying(false);
    this.el.status.dataset.ready = 'true';
    if (this.frameId === 0) this.frameId = requestAnimationFrame(this.frame);
  }

  /** End of the time shown: the shortest of the recordings (the end of the run once known). */
  get endS(): number {
    if (this.views.length === 0) return 0;
    // NOTE: a loop, not map and spread: the frame loop reads this every frame and allocates nothing.
    let end = Number.POSITIVE_INFINITY;
    for (const v of this.views) end = Math.min(end, v.recording.endedAt ?? v.recording.endS);
    return end;
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    this.timeline.setPlaying(playing);
    if (this.live !== null) {
      if (playing) {
        this.follow = true;
        this.live.resume();
      } else this.live.pause();
    }
  }

  /** Shows play or pause as a live server reports it, without sending anything back. */
  mirrorPlaying(playing: boolean): void {
    this.playing = playing;
    this.timeline.setPlaying(playing);
  }

  /** Jumps to simulated time `t`, seconds (clamped to what is recorded). */
  seek(t: number): void {
    this.t = Math.max(0, Math.min(t, this.endS));
    this.follow = false;
    for (const v of this.views) v.goTo(this.t);
  }

  private readonly frame = (now: number): void => {
    this.frameId = requestAnimationFrame(this.frame);
    const dt = this.lastWall === 0 ? 0 : Math.min(0.25, (now - this.lastWall) / 1000);
    this.lastWall = now;
    if (this.views.length === 0) return;
    const end = this.endS;
    if (this.follow) this.t = end;
    else if (this.playing && this.live === null) {
      this.t = Math.min(end, this.t + dt * this.speed);
      if (this.t >= end && this.allEnded()) this.setPlaying(false);
    }
    for (const v of this.views) {
      v.goTo(this.t);
      v.render();
    }
    this.timeline.show(this.t, end, this.views[0]!.recording.info.startDate, now);
    if (now - this.lastPanel > 250) {
      this.lastPanel = now;
      this.refreshPanels();
    }
  };

  private allEnded(): boolean {
    for (const v of this.views) if (v.recording.endedAt === null) return false;
    return true;
  }

  private refreshPanels(): void {
    const main = this.views[this.pickView] ?? this.views[0]!;
    renderPicked(this.el.picked, main.recording.index, this.pick, main.state, this.t);
    this.kpi?.refresh(this.views[0]!.recording.series);
    this.kpi?.mark(this.t);
    if (this.diff !== null && this.views.length > 1) {
      this.diff.refresh(differenceSeries(this.views[0]!.recording.series, this.views[1]!.recording.series));
      this.diff.mark(this.t);
    }
  }

  private onClick(e: MouseEvent): void {
    const i = this.views.findIndex((v) => v.host.contains(e.target as Node));
    if (i < 0) return;
    this.pick = this.views[i]!.scene.pick(e.clientX, e.clientY);
    this.pickView = i;
    this.refreshPanels();
  }

  /** The state name of a station's server in view `view` (for tests and the console). */
  stateOf(station: string, server = 0, view = 0): string | undefined {
    const v = this.views[view];
    const first = v?.recording.index.firstServer.get(station);
    if (v === undefined || first === undefined) return undefined;
    return SERVER_STATES[v.state.servers[first + server]!.state];
  }
}
