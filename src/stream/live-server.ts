/**
 * The live stream: a scenario run paced for viewing ({@link LiveRun}), its frames sent over WebSocket to
 * any number of viewers, who also control the run. The message protocol is in PROTOCOL.md.
 *
 * Safety rules: it listens on 127.0.0.1 unless told otherwise, and any other address needs a token that
 * every client must present (`?token=` in the URL; compared in constant time). A client message is small
 * JSON of a known shape; anything else is answered with an `error` message and the connection is closed.
 * A slow client is never waited for: once its send buffer holds more than `highWaterBytes` it gets no
 * more deltas, and when it has drained it gets a fresh keyframe and continues from there, so neither the
 * server's memory nor the simulation nor the other viewers depend on it.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Scenario } from '../scenario/index.js';
import { keyframeOf } from './frame-source.js';
import type { Frame, TraceHeader } from './frames.js';
import { checkSpeed, LiveRun, type LiveStatus, type Speed } from './live-run.js';

/** Version of the live message protocol (PROTOCOL.md). */
export const LIVE_PROTOCOL_VERSION = 1;
/** Largest client message, bytes. */
export const MAX_CLIENT_MESSAGE_BYTES = 1024;
/** Default send-buffer level above which a client is skipped forward, bytes. */
export const DEFAULT_HIGH_WATER_BYTES = 1 << 20;

/** Hosts that count as this machine only. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Options of a {@link LiveServer}. */
export interface LiveServerOptions {
  readonly scenario: Scenario;
  /** The header's fields that come from outside the run: scenario text, version. */
  readonly header: Omit<
    TraceHeader,
    'layout' | 'seed' | 'replication' | 'horizonS' | 'warmupS' | 'keyframeEveryS'
  >;
  /** Builds the layout of the run's model (see `buildLayout`). */
  readonly layout: (run: LiveRun) => TraceHeader['layout'];
  readonly seed?: number;
  readonly horizonS?: number;
  /** Address to listen on (default 127.0.0.1; any other needs `token`). */
  readonly host?: string;
  /** TCP port (default 8765; 0 picks a free one). */
  readonly port?: number;
  /** Shared secret every client must present as `?token=`. */
  readonly token?: string;
  readonly speed?: Speed;
  readonly paused?: boolean;
  /** Send-buffer level above which a client is skipped forward (default {@link DEFAULT_HIGH_WATER_BYTES}). */
  readonly highWaterBytes?: number;
}

interface Client {
  readonly ws: WebSocket;
  /** Skipped forward: it gets a keyframe once its buffer has drained. */
  lagging: boolean;
  /** Times it was skipped forward. */
  skips: number;
  /** The largest message queued for it so far, bytes. */
  largestMessageBytes: number;
}

/** What the server reports of a client (for tests and logs). */
export interface ClientStats {
  readonly bufferedBytes: number;
  readonly lagging: boolean;
  readonly skips: number;
  /**
   * The largest message queued for it so far, bytes (its send buffer stays under the high-water mark plus
   * two such messages: a skipped client resumes with a keyframe and a status).
   */
  readonly largestMessageBytes: number;
}

/** A parsed control message. */
type Control = { type: 'pause' } | { type: 'resume' } | { type: 'step' } | { type: 'speed'; value: Speed };

/** The live server; {@link LiveServer.listen} starts it. */
export class LiveServer {
  readonly run: LiveRun;
  private readonly options: LiveServerOptions;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<Client>();
  private readonly header: TraceHeader;
  private readonly token: Buffer | null;
  private readonly highWater: number;

  /** @throws RangeError for a non-loopback host without a token, a bad speed or port. */
  constructor(options: LiveServerOptions) {
    const host = options.host ?? '127.0.0.1';
    if (!LOOPBACK.has(host) && (options.token === undefined || options.token === '')) {
      throw new RangeError(
        `LiveServer: listening on ${host} (not 127.0.0.1) needs a token that clients must present`,
      );
    }
    this.options = { ...options, host };
    this.token = options.token === undefined ? null : Buffer.from(options.token, 'utf8');
    this.highWater = options.highWaterBytes ?? DEFAULT_HIGH_WATER_BYTES;
    this.run = new LiveRun({
      scenario: options.scenario,
      seed: options.seed,
      horizonS: options.horizonS,
      speed: options.speed,
      paused: options.paused,
      onSlice: (frames, status) => this.broadcast(frames, status),
    });
    const scenario = options.scenario;
    this.header = {
      ...options.header,
      seed: options.seed ?? scenario.run.seed,
      replication: 0,
      horizonS: this.run.horizonS,
      warmupS: scenario.run.warmup,
      keyframeEveryS: 0,
      layout: options.layout(this.run),
    };
    this.http = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' });
      res.end('shopfloor live stream: connect with a WebSocket client (see PROTOCOL.md)\n');
    });
    this.wss = new WebSocketServer({
      server: this.http,
      maxPayload: MAX_CLIENT_MESSAGE_BYTES,
      verifyClient: (info: { req: IncomingMessage }) => this.authorised(info.req),
    });
    this.wss.on('connection', (ws) => this.join(ws));
    // A socket error of one client (reset, protocol violation) must never take the server down.
    this.wss.on('error', () => {});
  }

  /** Starts listening and running. @returns the URL viewers connect to. */
  async listen(): Promise<string> {
    const { host, port } = this.options;
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port ?? 8765, host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.run.start();
    return this.url;
  }

  /** `ws://host:port/`. */
  get url(): string {
    const a = this.http.address() as AddressInfo;
    const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
    return `ws://${host}:${a.port}/`;
  }

  /** Per connected client: its send buffer and whether it is being skipped forward. */
  clientStats(): ClientStats[] {
    return [...this.clients].map((c) => ({
      bufferedBytes: c.ws.bufferedAmount,
      lagging: c.lagging,
      skips: c.skips,
      largestMessageBytes: c.largestMessageBytes,
    }));
  }

  /** Stops the run, closes every connection and the listener. */
  async close(): Promise<void> {
    this.run.stop();
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private authorised(req: IncomingMessage): boolean {
    if (this.token === null) return true;
    const given = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
    if (given === null) return false;
    const g = Buffer.from(given, 'utf8');
    return g.length === this.token.length && timingSafeEqual(g, this.token);
  }

  private join(ws: WebSocket): void {
    const client: Client = { ws, lagging: false, skips: 0, largestMessageBytes: 0 };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    ws.on('error', () => {
      this.clients.delete(client);
      ws.terminate();
    });
    ws.on('message', (data, isBinary) => this.receive(client, data as Buffer, isBinary));
    this.send(client, { type: 'hello', protocol: LIVE_PROTOCOL_VERSION, header: this.header });
    this.sendKeyframe(client);
  }

  private sendKeyframe(client: Client): void {
    this.send(client, { type: 'keyframe', frame: keyframeOf(this.run.plantView) });
    this.send(client, { type: 'status', status: this.run.status });
  }

  private send(client: Client, message: unknown): void {
    if (client.ws.readyState !== client.ws.OPEN) return;
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    this.queue(client, text, Buffer.byteLength(text, 'utf8'));
  }

  private broadcast(frames: readonly Frame[], status: LiveStatus): void {
    const text = JSON.stringify({ type: 'frames', status, frames });
    const bytes = Buffer.byteLength(text, 'utf8');
    for (const c of this.clients) {
      if (c.ws.readyState !== c.ws.OPEN) continue;
      if (c.lagging) {
        // Drained: start again from a fresh keyframe (the deltas it missed are not needed).
        if (c.ws.bufferedAmount <= this.highWater / 4) {
          c.lagging = false;
          this.sendKeyframe(c);
        }
        continue;
      }
      if (c.ws.bufferedAmount > this.highWater) {
        c.lagging = true;
        c.skips++;
        continue;
      }
      this.queue(c, text, bytes);
    }
  }

  /** Queues `text` (`bytes` long in UTF-8) for `client`. */
  private queue(client: Client, text: string, bytes: number): void {
    if (bytes > client.largestMessageBytes) client.largestMessageBytes = bytes;
    client.ws.send(text);
  }

  private receive(client: Client, data: Buffer, isBinary: boolean): void {
    let control: Control;
    try {
      control = parseControl(data, isBinary);
    } catch (e) {
      this.send(client, { type: 'error', message: (e as Error).message });
      client.ws.close(1008, 'bad message');
      return;
    }
    switch (control.type) {
      case 'pause':
        this.run.pause();
        break;
      case 'resume':
        this.run.resume();
        break;
      case 'step':
        this.run.step();
        break;
      case 'speed':
        this.run.setSpeed(control.value);
        break;
    }
  }
}

/**
 * Reads one client message: a JSON object `{ type: 'pause' | 'resume' | 'step' }` or
 * `{ type: 'speed', value: number | 'max' }` and nothing else.
 * @throws Error saying what is wrong.
 */
export function parseControl(data: Buffer, isBinary: boolean): Control {
  if (isBinary) throw new Error('messages must be JSON text, not binary');
  let msg: unknown;
  try {
    msg = JSON.parse(data.toString('utf8'));
  } catch {
    throw new Error('message is not valid JSON');
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg))
    throw new Error('message must be a JSON object');
  const m = msg as Record<string, unknown>;
  const keys = Object.keys(m);
  switch (m.type) {
    case 'pause':
    case 'resume':
    case 'step':
      if (keys.length !== 1)
        throw new Error(`${m.type}: unexpected fields ${keys.filter((k) => k !== 'type').join(', ')}`);
      return { type: m.type };
    case 'speed': {
      if (keys.length !== 2 || !('value' in m)) throw new Error('speed: expected { type: "speed", value }');
      try {
        return { type: 'speed', value: checkSpeed(m.value) };
      } catch (e) {
        throw new Error(`speed: ${(e as Error).message}`);
      }
    }
    default:
      throw new Error(
        `unknown message type ${JSON.stringify(m.type)} (expected pause, resume, step or speed)`,
      );
  }
}
