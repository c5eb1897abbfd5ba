/**
 * The live server over real sockets on loopback: several viewers, control, tokens off 127.0.0.1, hostile
 * messages, a slow client. About 10 s.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildLayout } from '../../src/stream/layout.js';
import { LiveServer, type LiveServerOptions } from '../../src/stream/live-server.js';
import { scenarioFile } from './_support.js';

const servers: LiveServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: Partial<LiveServerOptions> = {}): Promise<LiveServer> {
  const { scenario, text } = scenarioFile('demo-factory.yaml');
  const server = new LiveServer({
    scenario,
    header: {
      formatVersion: 1,
      shopfloorVersion: 'test',
      name: 'demo',
      scenarioText: text,
      scenarioSha256: '',
      startDate: null,
    },
    layout: (run) => buildLayout(scenario, run.model),
    port: 0,
    speed: 600,
    ...options,
  });
  servers.push(server);
  await server.listen();
  return server;
}

interface Viewer {
  ws: WebSocket;
  messages: { type: string; [k: string]: unknown }[];
  closed: Promise<{ code: number; reason: string }>;
  waitFor(
    pred: (m: Viewer['messages'][number]) => boolean,
    what: string,
  ): Promise<Viewer['messages'][number]>;
}

function connect(url: string): Viewer {
  const ws = new WebSocket(url);
  const messages: Viewer['messages'] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(d.toString()));
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  const viewer: Viewer = {
    ws,
    messages,
    closed,
    waitFor: (pred, what) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5000);
        const check = () => {
          const hit = messages.find(pred);
          if (hit !== undefined) {
            clearTimeout(timer);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      }),
  };
  return viewer;
}

const frameTimes = (v: Viewer) =>
  v.messages.filter((m) => m.type === 'frames').flatMap((m) => (m.frames as { t: number }[]).map((f) => f.t));

describe('live server', () => {
  it('several viewers at once each get the header, then a keyframe, then time-ordered deltas', async () => {
    const server = await start();
    const viewers = [connect(server.url), connect(server.url), connect(server.url)];
    for (const v of viewers) {
      await v.waitFor((m) => m.type === 'frames' && (m.frames as unknown[]).length > 0, 'frames');
      expect(v.messages[0]!.type).toBe('hello');
      expect((v.messages[0]!.header as { layout: { stations: unknown[] } }).layout.stations).toHaveLength(6);
      expect(v.messages[1]!.type).toBe('keyframe');
      const key = (v.messages[1]!.frame as { t: number }).t;
      const times = frameTimes(v);
      expect(times.every((t, i) => t >= key && (i === 0 || t >= times[i - 1]!))).toBe(true);
    }
    expect(server.clientStats()).toHaveLength(3);
  });

  it('pause stops simulated time for everyone, resume goes on, step runs one event, speed changes', async () => {
    const server = await start();
    const a = connect(server.url);
    const b = connect(server.url);
    await a.waitFor((m) => m.type === 'frames', 'frames');
    await b.waitFor((m) => m.type === 'frames', 'frames');
    a.ws.send(JSON.stringify({ type: 'pause' }));
    const paused = (await b.waitFor((m) => (m.status as { paused?: boolean })?.paused === true, 'paused'))
      .status as { t: number };
    await new Promise((r) => setTimeout(r, 300));
    expect(server.run.status.t).toBe(paused.t);
    a.ws.send(JSON.stringify({ type: 'step' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(server.run.status.t).toBeGreaterThanOrEqual(paused.t);
    const afterStep = server.run.status.t;
    a.ws.send(JSON.stringify({ type: 'speed', value: 'max' }));
    a.ws.send(JSON.stringify({ type: 'resume' }));
    await b.waitFor(
      (m) => (m.status as { t: number; paused: boolean })?.t > afterStep + 3600,
      'time to advance',
    );
    expect(server.run.status.speed).toBe('max');
    expect(server.run.status.paused).toBe(false);
  });

  it('off 127.0.0.1 a token is required to start, and every client must present it', async () => {
    const { scenario } = scenarioFile('demo-factory.yaml');
    expect(
      () =>
        new LiveServer({
          scenario,
          header: {} as never,
          layout: () => ({}) as never,
          host: '127.0.0.2',
          port: 0,
        }),
    ).toThrow('needs a token');
    const server = await start({ host: '127.0.0.2', token: 's3cret' });
    expect(server.url).toContain('127.0.0.2');
    for (const url of [server.url, `${server.url}?token=wrong`, `${server.url}?token=s3cret2`]) {
      const v = connect(url);
      const status = await new Promise<number>((resolve) =>
        v.ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
      );
      expect(status).toBe(401);
    }
    const ok = connect(`${server.url}?token=s3cret`);
    await ok.waitFor((m) => m.type === 'keyframe', 'keyframe');
  });

  it('a malformed or hostile message gets an error reply and the connection closed; the others go on', async () => {
    const server = await start();
    const bystander = connect(server.url);
    await bystander.waitFor((m) => m.type === 'keyframe', 'keyframe');
    const bad: (string | Buffer)[] = [
      'not json',
      '[1,2]',
      '{"type":"explode"}',
      '{"type":"speed","value":1e9}',
      '{"type":"speed","value":"fast"}',
      '{"type":"pause","extra":1}',
      '{"__proto__":{"type":"pause"}}',
      Buffer.from([1, 2, 3]),
    ];
    for (const message of bad) {
      const v = connect(server.url);
      await v.waitFor((m) => m.type === 'keyframe', 'keyframe');
      v.ws.send(message);
      const error = await v.waitFor((m) => m.type === 'error', `error for ${String(message)}`);
      expect(typeof error.message).toBe('string');
      expect((await v.closed).code).toBe(1008);
    }
    const huge = connect(server.url);
    await huge.waitFor((m) => m.type === 'keyframe', 'keyframe');
    huge.ws.send(JSON.stringify({ type: 'pause', pad: 'x'.repeat(100_000) }));
    expect((await huge.closed).code).toBe(1009);
    const before = frameTimes(bystander).length;
    await bystander.waitFor(() => frameTimes(bystander).length > before + 5, 'more frames');
    expect(server.run.status.paused).toBe(false);
  });

  it('a client that stops reading is skipped forward: its buffer stays bounded, the others are not slowed, and it resumes from a keyframe', {
    timeout: 30_000,
  }, async () => {
    const highWaterBytes = 64 * 1024;
    const server = await start({ speed: 'max', highWaterBytes, horizonS: 365 * 86_400 });
    const slow = connect(server.url);
    const fast = connect(server.url);
    await slow.waitFor((m) => m.type === 'frames', 'frames');
    // Stop reading: the kernel buffers fill, then the server's send buffer for this client grows.
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    let maxBuffered = 0;
    // Loopback kernel buffers hold a few MB: keep going until they are full and the server skips it.
    const until = Date.now() + 20_000;
    while (Date.now() < until && !server.clientStats().some((s) => s.skips > 0 && s.bufferedBytes > 0)) {
      await new Promise((r) => setTimeout(r, 50));
      const stats = server.clientStats();
      for (const s of stats) maxBuffered = Math.max(maxBuffered, s.bufferedBytes);
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const s of server.clientStats()) maxBuffered = Math.max(maxBuffered, s.bufferedBytes);
    const skipped = server.clientStats().find((s) => s.skips > 0);
    expect(skipped, 'the slow client was skipped forward').toBeDefined();
    // Bounded: the high-water mark plus two of the largest messages the server queued for that client (it
    // queues a slice only below the mark, and a skipped client's resume keyframe and status below a quarter
    // of it; the keyframe can be larger than any slice the other clients saw).
    const largest = Math.max(...server.clientStats().map((s) => s.largestMessageBytes));
    expect(largest).toBeGreaterThan(0);
    expect(maxBuffered).toBeLessThanOrEqual(highWaterBytes + 2 * largest);
    expect(frameTimes(fast).length).toBeGreaterThan(1000);
    const seen = slow.messages.length;
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await slow.waitFor(
      (m) => slow.messages.indexOf(m) >= seen && m.type === 'keyframe',
      'a keyframe after the skip',
    );
  });
});
