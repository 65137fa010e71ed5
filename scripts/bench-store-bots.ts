// Bot phones for `npm run bench:store` (scripts/bench-load.ts), run as a child process: N sockets join
// one room, follow it through the room's shared part (`room:shared`) and their own part (`player:own`,
// or a full `player:view`), and answer each round after a random delay with their hand as dealt. They
// time every join and answer acknowledgement and print one JSON line at the end (when the room reaches
// the podium, or after --max-seconds). Unlike scripts/bots.ts they do not work the answer out: the
// benchmark measures the server's acknowledgements, not the bots' skill.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PlayerOwn, PlayerShared, PlayerView, ServerToClientEvents } from '../shared/protocol.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    room: { type: 'string' },
    players: { type: 'string', default: '200' },
    'min-delay': { type: 'string', default: '300' },
    'max-delay': { type: 'string', default: '4000' },
    'max-seconds': { type: 'string', default: '300' },
  },
});
const url = values.url!;
const code = values.room!;
const PLAYERS = Number(values.players);
const MIN = Number(values['min-delay']);
const MAX = Number(values['max-delay']);

/** Acknowledgement times and problems of the whole swarm. */
const stats = { joined: 0, joinMs: [] as number[], answerAckMs: [] as number[], answers: 0, failures: [] as string[] };

/** "Bot 1", "Bot 2", ...: distinct, and clear of the nickname filter (letter pairs are not). */
const nameOf = (i: number) => `Bot ${i + 1}`;

let finished = 0;
function done() {
  console.log(JSON.stringify(stats));
  process.exit(0);
}

async function bot(i: number): Promise<void> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let token = '';
  let phase = '';
  let round = 0;
  let hand: string[] = [];
  let submitted = false;
  let answered = 0;
  const maybeAnswer = () => {
    if (phase !== 'answering' || answered >= round || submitted || hand.length === 0) return;
    answered = round;
    const forRound = round;
    const order = [...hand];
    setTimeout(async () => {
      if (phase !== 'answering' || round !== forRound) return;
      const sent = performance.now();
      const res = await socket.timeout(20_000).emitWithAck('round:answer', { code, playerToken: token, order }).catch((e: Error) => ({ ok: false as const, code: 'TIMEOUT', message: e.message }));
      stats.answerAckMs.push(performance.now() - sent);
      if (res.ok) stats.answers++;
      else stats.failures.push(`${nameOf(i)}: ${res.code} ${res.message}`);
    }, MIN + Math.random() * (MAX - MIN));
  };
  const shared = (s: { phase: string; round: { number: number } | null }) => {
    if (s.phase === 'podium' || s.phase === 'ended') {
      if (phase !== s.phase && (phase === '' || (phase !== 'podium' && phase !== 'ended'))) {
        phase = s.phase;
        if (++finished === PLAYERS) done();
      }
      return;
    }
    const number = s.round?.number ?? 0;
    if (number !== round) {
      round = number;
      hand = [];
      submitted = false;
    }
    phase = s.phase;
    maybeAnswer();
  };
  const own = (o: { hand: { id: string }[]; submitted: string[] | null }) => {
    hand = o.hand.map((c) => c.id);
    submitted = o.submitted !== null;
    maybeAnswer();
  };
  socket.on('room:shared', (s: PlayerShared) => shared(s));
  socket.on('player:own', (o: PlayerOwn) => own(o));
  socket.on('player:view', (v: PlayerView) => {
    shared(v);
    own(v);
  });
  const sent = performance.now();
  const res = await socket.timeout(20_000).emitWithAck('room:join', { code, nickname: nameOf(i) }).catch((e: Error) => ({ ok: false as const, code: 'TIMEOUT', message: e.message }));
  stats.joinMs.push(performance.now() - sent);
  if (!res.ok) {
    stats.failures.push(`${nameOf(i)}: join ${res.code} ${res.message}`);
    if (stats.failures.length <= 3) console.error(`bench-store-bots: ${nameOf(i)} could not join: ${res.code} ${res.message}`);
    if (++finished === PLAYERS) done();
    return;
  }
  stats.joined++;
  token = res.playerToken;
  shared(res.view);
  own(res.view);
}

setTimeout(done, Number(values['max-seconds']) * 1000).unref();
// Join in small waves, as a class does (not all in the same millisecond).
for (let i = 0; i < PLAYERS; i += 20) await Promise.all(Array.from({ length: Math.min(20, PLAYERS - i) }, (_, k) => bot(i + k)));
