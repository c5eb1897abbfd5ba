import { formatSimDate, formatSimTime } from '../feed/format.js';

/** Playback speeds offered: simulated seconds per wall-clock second. */
export const SPEEDS = [1, 10, 60, 300, 1800, 3600, 10_000] as const;

/** What the timeline asks of whoever owns the clock. */
export interface TimelineHandlers {
  play(playing: boolean): void;
  speed(x: number): void;
  seek(t: number): void;
}

/**
 * Play/pause, speed, a scrubber over the recorded time and the simulated time and date. Dragging the
 * scrubber seeks; the owner calls `show` with the clock (the bar redraws its text at most 10 times a second).
 */
export class TimelineBar {
  private readonly playButton: HTMLButtonElement;
  private readonly scrubber: HTMLInputElement;
  private readonly clock: HTMLElement;
  private readonly speedSelect: HTMLSelectElement;
  private playing = false;
  private dragging = false;
  private lastText = 0;
  /** What the bar shows now (DOM writes, and the strings they take, only when they change). */
  private shownT = Number.NaN;
  private shownMax = -1;
  private shownValue = -1;

  constructor(
    host: HTMLElement,
    private readonly on: TimelineHandlers,
  ) {
    host.replaceChildren();
    this.playButton = document.createElement('button');
    this.playButton.id = 'play';
    this.playButton.textContent = 'Play';
    this.playButton.onclick = () => this.setPlaying(!this.playing, true);
    this.speedSelect = document.createElement('select');
    this.speedSelect.id = 'speed';
    for (const s of SPEEDS) this.speedSelect.add(new Option(`×${s.toLocaleString('en-US')}`, String(s)));
    this.speedSelect.value = '300';
    this.speedSelect.onchange = () => this.on.speed(Number(this.speedSelect.value));
    this.scrubber = document.createElement('input');
    this.scrubber.type = 'range';
    this.scrubber.id = 'scrubber';
    this.scrubber.min = '0';
    this.scrubber.max = '1';
    this.scrubber.step = '1';
    this.scrubber.value = '0';
    this.scrubber.oninput = () => {
      this.dragging = true;
      this.on.seek(Number(this.scrubber.value));
    };
    this.scrubber.onchange = () => {
      this.dragging = false;
    };
    this.clock = document.createElement('span');
    this.clock.id = 'clock';
    host.append(this.playButton, this.speedSelect, this.scrubber, this.clock);
  }

  /** The speed chosen, simulated seconds per second. */
  get speed(): number {
    return Number(this.speedSelect.value);
  }

  /** Shows play or pause; `notify` tells the owner (a click), else it only mirrors the owner's state. */
  setPlaying(playing: boolean, notify = false): void {
    this.playing = playing;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.dataset.playing = String(playing);
    if (notify) this.on.play(playing);
  }

  /** Shows the clock at `t` of `endS` seconds; `start` is the run's calendar start. */
  show(t: number, endS: number, start: string | null, nowMs: number): void {
    if (!this.dragging) {
      const max = Math.max(1, Math.ceil(endS));
      if (max !== this.shownMax) {
        this.shownMax = max;
        this.scrubber.max = String(max);
      }
      const value = Math.floor(t);
      if (value !== this.shownValue) {
        this.shownValue = value;
        this.scrubber.value = String(value);
      }
    } else this.shownValue = -1;
    if (t !== this.shownT) {
      this.shownT = t;
      this.clock.dataset.t = String(t);
    }
    if (nowMs - this.lastText < 100) return;
    this.lastText = nowMs;
    this.clock.textContent = `${formatSimTime(t)} · ${formatSimDate(t, start)} / ${formatSimTime(endS)}`;
  }
}
