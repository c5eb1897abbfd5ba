import { Recording } from '../feed/recording.js';
import type { DeltaFrame, KeyFrame, TraceHeader } from '../feed/types.js';
import type { App, LiveControl } from './app.js';

/** The run's status as `shopfloor serve` reports it (src/stream/PROTOCOL.md). */
export interface LiveStatus {
  /** Simulated time, s. */
  readonly t: number;
  readonly paused: boolean;
  /** Simulated seconds per wall-clock second, or as fast as the machine runs. */
  readonly speed: number | 'max';
  readonly ended: boolean;
  readonly error: string | null;
  /** s */
  readonly horizonS: number;
}

/** Messages of the server (protocol version 1). */
type ServerMessage =
  | { type: 'hello'; protocol: number; header: TraceHeader }
  | { type: 'keyframe'; frame: KeyFrame }
  | { type: 'status'; status: LiveStatus }
  | { type: 'frames'; status: LiveStatus; frames: DeltaFrame[] }
  | { type: 'error'; message: string };

/** The protocol version this viewer speaks. */
const PROTOCOL = 1;
/** Speeds the server accepts, simulated seconds per wall-clock second. */
const MIN_SPEED = 0.1;
const MAX_SPEED = 10_000;

/**
 * Connects the app to a live `shopfloor serve` over WebSocket (src/stream/PROTOCOL.md): the header's layout
 * makes a new recording, every keyframe resets the state (the server sends one to a new viewer and to one it
 * skipped forward), deltas are appended, and the clock follows the newest frame. The timeline's play/pause
 * and speed, and `step`, are sent to the server, which runs the simulation for every viewer. The server's
 * status is mirrored on the page (`#status` `data-live-*`, for the user and the tests). Returns the socket.
 */
export function connectLive(
  app: App,
  url: string,
  token: string | null,
  say: (text: string, error?: boolean) => void,
): WebSocket | null {
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'ws:' && target.protocol !== 'wss:') throw new Error('not a ws:// or wss:// URL');
  } catch (error) {
    say(`live: ${url} is not a WebSocket URL (${(error as Error).message})`, true);
    return null;
  }
  if (token !== null) target.searchParams.set('token', token);
  const ws = new WebSocket(target);
  const send = (message: object) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };
  const control: LiveControl = {
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    speed: (x) =>
      send({
        type: 'speed',
        value: Number.isFinite(x) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, x)) : 'max',
      }),
    step: () => send({ type: 'step' }),
  };
  const el = app.el.status;
  let rec: Recording | null = null;
  let header: TraceHeader | null = null;
  let name = url;

  const showStatus = (s: LiveStatus) => {
    el.dataset.liveT = String(s.t);
    el.dataset.livePaused = String(s.paused);
    el.dataset.liveSpeed = String(s.speed);
    el.dataset.liveEnded = String(s.ended);
    app.mirrorPlaying(!s.paused && !s.ended);
    const state =
      s.error !== null ? `stopped: ${s.error}` : s.ended ? 'ended' : s.paused ? 'paused' : 'running';
    say(`live: ${name} at ${target.host}, ${state}`, s.error !== null);
  };

  /** A new recording starting at a keyframe (a reset: what came before it is dropped). */
  const restart = (key: KeyFrame) => {
    if (header === null) return;
    rec = new Recording(header);
    rec.append([key]);
    app.live = null;
    app.show([rec]);
    app.live = control;
    app.follow = true;
  };

  say(`live: connecting to ${target.host}…`);
  ws.onmessage = (event) => {
    let m: ServerMessage;
    try {
      m = JSON.parse(String(event.data)) as ServerMessage;
    } catch {
      say(`live: the server sent a message that is not JSON`, true);
      return;
    }
    switch (m.type) {
      case 'hello':
        if (m.protocol !== PROTOCOL) {
          say(`live: the server speaks protocol ${m.protocol}, this viewer ${PROTOCOL}`, true);
          ws.close();
          return;
        }
        header = m.header;
        name = m.header.name;
        return;
      case 'keyframe':
        // Every keyframe is a reset. One at or after the newest frame continues the same recording
        // (the time-in-state totals and charts go on); an older one starts afresh.
        if (rec !== null && m.frame.t >= rec.endS) rec.append([m.frame]);
        else restart(m.frame);
        return;
      case 'status':
        showStatus(m.status);
        return;
      case 'frames':
        rec?.append(m.frames);
        if (m.status.ended) rec?.finish(rec.endedAt ?? rec.endS);
        showStatus(m.status);
        return;
      case 'error':
        say(`live: the server says: ${m.message}`, true);
        return;
    }
  };
  ws.onerror = () => say(`live: cannot reach ${target.host}`, true);
  ws.onclose = (e) => {
    if (app.live === control) app.live = null;
    el.dataset.liveClosed = String(e.code);
    if (e.code !== 1000 && e.code !== 1005)
      say(`live: connection to ${target.host} closed (${e.code})`, true);
  };
  return ws;
}
