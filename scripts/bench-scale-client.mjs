// A client process of the load benchmark (scripts/bench-scale.ts): it holds many phones (websocket
// Socket.IO clients) or the hosts of the rooms, driven over IPC by the benchmark. Phones record when each
// round start and each reveal reached them, how long their answer took to be acknowledged and how many
// bytes they received; hosts record when they sent each command. The same code talks to the project
// server and to the bare Socket.IO server (same event names), so both are measured by the same clients.
// Plain JavaScript so a process starts fast and spends nothing on transpiling. Only 127.0.0.1 is used.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();
const send = (msg) => process.send?.(msg);

/** @type {{ socket: import('socket.io-client').Socket, code: string, token: string | null, hand: string[], silent: boolean, arrivals: Map<string, number>, bytes: number, lastRound: number }[]} */
let phones = [];
/** @type {Map<string, { socket: import('socket.io-client').Socket, token: string, view: any }>} */
const hosts = new Map();

function connect(url) {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
}

/** Where a view stands: `start:N` while round N is open, `reveal:N` at its reveal, else null. */
function keyOf(view) {
  const n = view?.round?.number;
  if (!n) return null;
  if (view.phase === 'countdown' || view.phase === 'answering') return `start:${n}`;
  if (view.phase === 'reveal') return `reveal:${n}`;
  return null;
}

function watchPhone(phone) {
  const { socket } = phone;
  const record = (view) => {
    const key = keyOf(view);
    if (key && !phone.arrivals.has(key)) {
      phone.arrivals.set(key, now());
      phone.keyBytes.set(key, phone.lastPacketBytes);
    }
    if (view.hand?.length) phone.hand = view.hand.map((c) => c.id);
  };
  socket.on('player:view', (view) => {
    phone.own = null;
    record(view);
  });
  // The project sends a room event in two parts (shared/player-view.ts): the room's shared part and the
  // phone's own part. The view is there when both are, as the phone's PlayerSession composes it.
  const compose = () => {
    const { shared, own } = phone;
    if (shared && own && own.seq >= shared.ownSince) {
      phone.lastPacketBytes = phone.sharedBytes + phone.ownBytes; // what this view cost the phone
      record({ phase: shared.phase, round: shared.round, hand: own.hand });
    }
  };
  socket.on('room:shared', (shared) => {
    phone.shared = shared;
    phone.sharedBytes = phone.lastPacketBytes;
    compose();
  });
  socket.on('player:own', (own) => {
    phone.own = own;
    phone.ownBytes = phone.lastPacketBytes;
    compose();
  });
  socket.io.engine.on('packet', (packet) => {
    if (packet.type !== 'message') return;
    const size = typeof packet.data === 'string' ? Buffer.byteLength(packet.data) : (packet.data?.byteLength ?? 0);
    phone.bytes += size;
    phone.lastPacketBytes = size; // 'packet' fires before the event it carries is dispatched
  });
}

async function pool(items, concurrency, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(workers);
}

function waitConnected(socket) {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
}

const handlers = {
  /** Phones connect and join their rooms, `concurrency` joins in flight at a time. */
  async join({ url, seats, concurrency }) {
    phones = [];
    const joinMs = [];
    let failures = 0;
    const firstError = [];
    const began = now();
    await pool(seats, concurrency, async (seat) => {
      const socket = connect(url);
      const phone = { socket, code: seat.code, token: null, hand: [], silent: seat.silent, arrivals: new Map(), keyBytes: new Map(), bytes: 0, lastPacketBytes: 0, sharedBytes: 0, ownBytes: 0, shared: null, own: null };
      try {
        await waitConnected(socket);
        watchPhone(phone);
        const t = now();
        const r = await socket.timeout(60_000).emitWithAck('room:join', { code: seat.code, nickname: seat.nickname });
        joinMs.push(now() - t);
        if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
        phone.token = r.playerToken;
        if (r.view?.hand?.length) phone.hand = r.view.hand.map((c) => c.id);
        phones.push(phone);
      } catch (err) {
        failures++;
        if (firstError.length < 3) firstError.push(String(err?.message ?? err));
        socket.close();
      }
    });
    return { joinMs, failures, errors: firstError, totalMs: now() - began };
  },

  /** Each phone (but the silent ones) answers once at a random moment within `spreadMs`. */
  async answer({ round, spreadMs }) {
    const ackMs = [];
    let failures = 0;
    const errors = [];
    await Promise.all(
      phones.map(async (phone) => {
        if (phone.silent) return;
        await new Promise((r) => setTimeout(r, Math.random() * spreadMs));
        const t = now();
        try {
          const r = await phone.socket.timeout(30_000).emitWithAck('round:answer', { code: phone.code, playerToken: phone.token, order: phone.hand });
          ackMs.push(now() - t);
          if (!r.ok) throw new Error(`${r.code}: ${r.message} (round ${round})`);
        } catch (err) {
          failures++;
          if (errors.length < 3) errors.push(String(err?.message ?? err));
        }
      }),
    );
    return { ackMs, failures, errors };
  },

  /** Arrival times of `key` per phone (null = not arrived), and bytes received since the last call. */
  async arrivals({ key }) {
    return {
      times: phones.map((p) => ({ code: p.code, t: p.arrivals.get(key) ?? null, bytes: p.keyBytes.get(key) ?? 0 })),
      bytes: phones.reduce((sum, p) => sum + p.bytes, 0),
    };
  },

  async countArrived({ key }) {
    let n = 0;
    for (const p of phones) if (p.arrivals.has(key)) n++;
    return { arrived: n, phones: phones.length };
  },

  async resetBytes() {
    for (const p of phones) p.bytes = 0;
    return {};
  },

  async close() {
    for (const p of phones) p.socket.close();
    phones = [];
    for (const h of hosts.values()) h.socket.close();
    hosts.clear();
    return {};
  },

  /** Opens `count` rooms, each from its own host socket. */
  async createRooms({ url, count, settings }) {
    const codes = [];
    await pool(
      Array.from({ length: count }, (_, i) => i),
      20,
      async () => {
        const socket = connect(url);
        await waitConnected(socket);
        const r = await socket.timeout(60_000).emitWithAck('room:create', settings);
        if (!r.ok) throw new Error(`room:create: ${r.code}: ${r.message}`);
        const host = { socket, token: r.hostToken, view: r.view };
        socket.on('host:view', (v) => (host.view = v));
        hosts.set(r.code, host);
        codes.push(r.code);
      },
    );
    return { codes };
  },

  /**
   * Each host sends `command` once its view is at `phase` (project), or asks the bare server to
   * broadcast (`bare`). Returns when each room's command was sent (before the ack).
   */
  async command({ command, phase, round, bare, bytes }) {
    const sentAt = {};
    let failures = 0;
    const errors = [];
    await Promise.all(
      [...hosts].map(async ([code, host]) => {
        if (!bare) {
          const deadline = now() + 60_000;
          while (host.view?.phase !== phase && now() < deadline) await new Promise((r) => setTimeout(r, 5));
        }
        const t = now();
        sentAt[code] = t;
        const payload = bare ? { code, kind: command, round, bytes } : { code, hostToken: host.token, ...host.view.commandTarget };
        try {
          const r = await host.socket.timeout(60_000).emitWithAck(bare ? 'bare:command' : command, payload);
          if (!r.ok) throw new Error(`${command}: ${r.code}: ${r.message}`);
        } catch (err) {
          failures++;
          if (errors.length < 3) errors.push(String(err?.message ?? err));
        }
      }),
    );
    return { sentAt, failures, errors };
  },
};

process.on('message', async ({ id, cmd, args }) => {
  try {
    send({ id, ok: true, result: await handlers[cmd](args) });
  } catch (err) {
    send({ id, ok: false, error: String(err?.stack ?? err) });
  }
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
