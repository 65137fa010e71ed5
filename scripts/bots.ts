// Bot players for trying a room: `npm run bots -- --url URL --room CODE --players N`.
// Each bot joins with a nickname, and in every round answers after a short random delay. A bot has a
// skill: it works the true order out with the engine (as a student with a perfect mental model
// would) and then, depending on its skill and luck, hands it in as is, with a slip or two, or
// shuffled. So a room sees a mix of right, partly right and wrong answers. Bots rejoin with their token
// after a dropped connection and exit when the game reaches the podium (or the room closes).
// Also the base of `npm run bench:load` (scripts/bench-load.ts), which imports `runBots`.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { simulate } from '../shared/engine/index.ts';
import type { ClientToServerEvents, HandCard, PlayerOwn, PlayerShared, PlayerView, ServerToClientEvents } from '../shared/protocol.ts';
import { applyProgress, composePlayerView, ownMatches } from '../shared/player-view.ts';

type BotSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface BotOptions {
  url: string;
  room: string;
  players: number;
  /** Answer delay range in ms (default 1000-6000, never beyond 70% of the round's time). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Print what happens (default true). */
  verbose?: boolean;
  /** Nickname prefix (default "Bot"). */
  prefix?: string;
  /** Per-join pause in ms so a class of bots does not arrive in one burst (default 20). */
  joinSpacingMs?: number;
}

/** Figures a bot run collects, for the load benchmark. */
export interface BotStats {
  joined: number;
  joinMs: number[];
  answerAckMs: number[];
  answers: number;
  failures: string[];
  /** Final score per nickname, once the podium is seen. */
  finalScores: { nickname: string; score: number; rank: number }[];
}

const NAMES = ['Ada', 'Alan', 'Grace', 'Linus', 'Brendan', 'Ryan', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia', 'Guido', 'Anders', 'Yukihiro', 'Sophie', 'Frances'];

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The bot's order: the engine's truth, then slips according to skill. */
function chooseOrder(view: PlayerView, skill: number): { order: string[]; kind: string } {
  const hand = view.hand;
  let truth: string[] | null = null;
  try {
    truth = simulate(view.round!.snippet.source).output;
  } catch {
    truth = null;
  }
  if (!truth) return { order: shuffle(hand).map((c) => c.id), kind: 'guess' };
  const left: HandCard[] = [...hand];
  const right = truth.map((text) => {
    const at = left.findIndex((c) => c.text === text);
    return at >= 0 ? left.splice(at, 1)[0].id : null;
  });
  if (right.some((id) => id === null) || left.length) return { order: shuffle(hand).map((c) => c.id), kind: 'guess' };
  const order = right as string[];
  const roll = Math.random();
  if (roll < skill) return { order, kind: 'right' };
  if (roll < skill + (1 - skill) / 2 && order.length >= 2) {
    const i = Math.floor(Math.random() * (order.length - 1));
    [order[i], order[i + 1]] = [order[i + 1], order[i]];
    return { order, kind: 'one slip' };
  }
  return { order: shuffle(order), kind: 'guess' };
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Joins `players` bots to a room and plays until the podium; resolves with the figures. */
export async function runBots(options: BotOptions): Promise<BotStats> {
  const verbose = options.verbose ?? true;
  const say = (m: string) => verbose && console.log(m);
  const minDelay = options.minDelayMs ?? 1000;
  const maxDelay = Math.max(minDelay, options.maxDelayMs ?? 6000);
  const stats: BotStats = { joined: 0, joinMs: [], answerAckMs: [], answers: 0, failures: [], finalScores: [] };
  const code = options.room.replace(/\s+/g, '').toUpperCase();
  const sockets: BotSocket[] = [];
  let lastRoundSaid = 0;
  let lastLeaderboardSaid = 0;

  const finished = new Promise<void>((resolveAll) => {
    let done = 0;
    const botDone = () => {
      if (++done === options.players) resolveAll();
    };

    const startBot = async (n: number) => {
      const nickname = `${options.prefix ?? 'Bot'} ${NAMES[n % NAMES.length]}${n >= NAMES.length ? ` ${Math.floor(n / NAMES.length) + 1}` : ''}`;
      const skill = 0.25 + Math.random() * 0.6;
      const socket: BotSocket = io(options.url, { transports: ['websocket'], forceNew: true, reconnectionDelayMax: 2000 });
      sockets.push(socket);
      let token: string | null = null;
      let answeredRound = 0;
      let finishedBot = false;
      const finish = () => {
        if (finishedBot) return;
        finishedBot = true;
        socket.disconnect();
        botDone();
      };

      const onView = (view: PlayerView) => {
        const round = view.round;
        if (view.phase === 'answering' && !view.paused && round && !view.submitted && answeredRound < round.number && view.hand.length) {
          answeredRound = round.number;
          if (round.number > lastRoundSaid) {
            lastRoundSaid = round.number;
            say(`round ${round.number}/${round.total}: "${round.snippet.title}" (difficulty ${round.snippet.difficulty}, ${view.hand.length} cards)`);
          }
          const budget = round.endsAt ? Math.max(0, (round.endsAt - round.serverNow) * 0.7) : maxDelay;
          const delay = Math.min(budget, minDelay + Math.random() * (maxDelay - minDelay));
          setTimeout(async () => {
            const { order, kind } = chooseOrder(view, skill);
            const sent = performance.now();
            const res = await socket.timeout(10_000).emitWithAck('round:answer', { code, playerToken: token!, order }).catch((e: Error) => ({ ok: false as const, code: 'TIMEOUT', message: e.message }));
            stats.answerAckMs.push(performance.now() - sent);
            if (res.ok) {
              stats.answers++;
              say(`  ${nickname} answered (${kind}) after ${(delay / 1000).toFixed(1)} s`);
            } else {
              // Answering late (the round closed meanwhile) is part of the game; anything else is worth a line.
              if (res.code !== 'ROUND_CLOSED') stats.failures.push(`${nickname}: ${res.code} ${res.message}`);
              say(`  ${nickname} could not answer: ${res.code} (${res.message})`);
            }
          }, delay);
        }
        if (view.phase === 'reveal' && view.reveal && view.round && verbose && view.reveal.result.submitted) {
          const r = view.reveal.result;
          say(`  ${nickname}: ${r.cardsRight}/${r.correct.length} cards in place, ${r.points} points${r.streak > 1 ? `, streak ${r.streak}` : ''}, total ${view.you.score}`);
        }
        if (view.phase === 'leaderboard' && view.round && view.round.number > lastLeaderboardSaid) {
          lastLeaderboardSaid = view.round.number;
          const top = view.leaderboard.slice(0, 3).map((e) => `${e.rank}. ${e.nickname} ${e.score}`);
          say(`leaderboard after round ${view.round.number}: ${top.join(', ')}`);
        }
        if (view.phase === 'podium' || view.phase === 'ended') {
          if (!stats.finalScores.length && view.leaderboard.length) {
            stats.finalScores = view.leaderboard.map((e) => ({ nickname: e.nickname, score: e.score, rank: e.rank }));
          }
          finish();
        }
      };

      // Room events reach a phone in two parts (the room's shared part, one broadcast, and the player's
      // own part) plus small progress deltas; rebuild the view from them as the phone does.
      let shared: PlayerShared | null = null;
      let own: PlayerOwn | null = null;
      const compose = () => {
        if (shared && own && ownMatches(shared, own)) onView(composePlayerView(shared, own));
      };
      socket.on('player:view', (view) => {
        own = null;
        onView(view);
      });
      socket.on('room:shared', (part) => {
        shared = part;
        compose();
      });
      socket.on('player:own', (part) => {
        own = part;
        compose();
      });
      socket.on('room:progress', (progress) => {
        const next = shared && applyProgress(shared, progress);
        if (next) {
          shared = next;
          compose();
        }
      });
      socket.on('player:kicked', ({ message }) => {
        say(`${nickname} was kicked: ${message}`);
        finish();
      });
      socket.on('room:closed', ({ message }) => {
        say(`${nickname}: room closed: ${message}`);
        finish();
      });
      socket.on('connect', async () => {
        if (token) {
          const res = await socket.emitWithAck('room:rejoin', { code, playerToken: token });
          if (res.ok) onView(res.view);
          else {
            stats.failures.push(`${nickname}: rejoin ${res.code}`);
            finish();
          }
          return;
        }
        const sent = performance.now();
        const res = await socket.timeout(10_000).emitWithAck('room:join', { code, nickname }).catch((e: Error) => ({ ok: false as const, code: 'TIMEOUT', message: e.message }));
        if (!res.ok) {
          stats.failures.push(`${nickname}: join ${res.code} ${res.message}`);
          console.error(`${nickname} could not join: ${res.code}: ${res.message}`);
          // Every bot comes from this machine's one address: the server's per-address limits apply to all of them.
          if (res.code === 'RATE_LIMITED') console.error('  (the server limits joins per address: start it with e.g. JOINS_PER_ADDRESS=100000, see README "Abuse limits")');
          finish();
          return;
        }
        stats.joinMs.push(performance.now() - sent);
        stats.joined++;
        token = res.playerToken;
        say(`${nickname} joined (skill ${Math.round(skill * 100)}%)`);
        onView(res.view);
      });
      socket.on('connect_error', (err) => {
        if (!token) {
          stats.failures.push(`${nickname}: cannot connect: ${err.message}`);
          console.error(`${nickname} cannot connect to ${options.url}: ${err.message}`);
          finish();
        }
      });
    };

    (async () => {
      for (let n = 0; n < options.players; n++) {
        void startBot(n);
        if (options.joinSpacingMs ?? 20) await new Promise((r) => setTimeout(r, options.joinSpacingMs ?? 20));
      }
    })();
  });

  await finished;
  for (const s of sockets) s.disconnect();
  return stats;
}

/** Summary figures of a run, as printable lines. */
export function describeStats(stats: BotStats): string[] {
  const f = (n: number) => (Number.isNaN(n) ? '-' : `${n.toFixed(1)} ms`);
  return [
    `bots joined: ${stats.joined}; answers accepted: ${stats.answers}`,
    `join ack: p50 ${f(percentile(stats.joinMs, 50))}, p95 ${f(percentile(stats.joinMs, 95))}`,
    `answer ack: p50 ${f(percentile(stats.answerAckMs, 50))}, p95 ${f(percentile(stats.answerAckMs, 95))}, max ${f(percentile(stats.answerAckMs, 100))}`,
    ...(stats.failures.length ? [`problems (${stats.failures.length}): ${stats.failures.slice(0, 5).join('; ')}`] : []),
  ];
}

export { percentile };

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:3000' },
      room: { type: 'string' },
      players: { type: 'string', default: '5' },
      'min-delay': { type: 'string', default: '1000' },
      'max-delay': { type: 'string', default: '6000' },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const players = Number(values.players);
  if (values.help || !values.room || !Number.isInteger(players) || players < 1 || players > 500) {
    console.log('Usage: npm run bots -- --url http://localhost:3000 --room CODE --players N [--min-delay MS] [--max-delay MS] [--quiet] [--json]');
    process.exit(values.help ? 0 : 2);
  }
  if (!values.json) console.log(`${players} bot(s) joining room ${values.room} at ${values.url}`);
  const stats = await runBots({
    url: values.url!,
    room: values.room,
    players,
    minDelayMs: Number(values['min-delay']),
    maxDelayMs: Number(values['max-delay']),
    verbose: !values.quiet && !values.json,
  });
  if (values.json) {
    // One line for scripts (bench:load): the raw figures.
    console.log(JSON.stringify(stats));
    process.exit(stats.joined === 0 ? 1 : 0);
  }
  if (stats.finalScores.length) {
    console.log('final standings:');
    for (const s of stats.finalScores) console.log(`  ${s.rank}. ${s.nickname}: ${s.score}`);
  }
  for (const line of describeStats(stats)) console.log(line);
  process.exit(stats.joined === 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
