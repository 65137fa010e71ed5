// Zod schemas for every client-to-server payload of shared/protocol.ts. The server parses each event
// with these before anything else happens; a payload that fails gets a BAD_REQUEST acknowledgement
// naming the field. Clients may use them too, to check a form before sending it. Every payload is a
// strict object: `null`, a bare string, a wrong type or an unknown key is refused (BAD_REQUEST), so a
// typo or a probe never passes as "use the defaults"; only a missing payload or `{}` means that.
import { z } from 'zod';
import { ROOM_PHASES, TOPICS, type Difficulty, type PracticeSettings, type RoomSettings } from './protocol.ts';

const topic = z.enum(TOPICS);
const difficulty = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const token = z.string().min(1).max(200);
/** Room codes are matched case-insensitively and ignoring spaces ("abc def" finds ABCDEF). */
const roomCode = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().min(1, 'Please enter a room code.'));
const cardId = z.string().min(1).max(64);
/** A phone's own random id (stored on the device), used to keep a kicked player out. */
const deviceId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _');

/** Room settings as the host may send them: every field optional (server defaults fill the rest). */
export const roomSettingsSchema = z.strictObject({
  topics: z.array(topic).max(TOPICS.length).optional(),
  difficulties: z.array(difficulty).max(4).optional(),
  rounds: z.number().int().min(1).max(30).optional(),
  secondsPerRound: z.number().int().min(5).max(600).nullable().optional(),
  speedBonus: z.boolean().optional(),
  allowLateJoin: z.boolean().optional(),
  maxPlayers: z.number().int().min(1).max(2000).optional(),
});

/** room:create: the settings plus, on a server started with HOST_KEY, the key, and optionally a deck to play. */
export const createRoomSchema = roomSettingsSchema.extend({
  hostKey: z.string().max(200).optional(),
  deck: z.strictObject({ deckId: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'is not a deck id'), editToken: token }).optional(),
});

/** The server's defaults for a new room. */
export const DEFAULT_ROOM_SETTINGS: RoomSettings = {
  topics: [],
  difficulties: [],
  rounds: 5,
  secondsPerRound: null,
  speedBonus: true,
  allowLateJoin: true,
  maxPlayers: 200,
};

/** Settings with the server defaults filled in. */
export function withRoomDefaults(partial: Omit<z.infer<typeof createRoomSchema>, 'hostKey' | 'deck'>): RoomSettings {
  const s = { ...DEFAULT_ROOM_SETTINGS };
  if (partial.topics) s.topics = [...new Set(partial.topics)];
  if (partial.difficulties) s.difficulties = [...new Set(partial.difficulties)] as Difficulty[];
  if (partial.rounds !== undefined) s.rounds = partial.rounds;
  if (partial.secondsPerRound !== undefined) s.secondsPerRound = partial.secondsPerRound;
  if (partial.speedBonus !== undefined) s.speedBonus = partial.speedBonus;
  if (partial.allowLateJoin !== undefined) s.allowLateJoin = partial.allowLateJoin;
  if (partial.maxPlayers !== undefined) s.maxPlayers = partial.maxPlayers;
  return s;
}

export const hostAuthSchema = z.strictObject({ code: roomCode, hostToken: token });
/** A host command that moves the game: credentials plus the round and phase it is meant for (HostTarget). */
export const hostCommandSchema = hostAuthSchema.extend({ round: z.number().int().min(0).max(1000), phase: z.enum(ROOM_PHASES) });
export const joinSchema = z.strictObject({ code: roomCode, nickname: z.string().max(200), deviceId: deviceId.optional() });
export const rejoinSchema = z.strictObject({ code: roomCode, playerToken: token });
export const kickSchema = hostAuthSchema.extend({ playerId: z.string().min(1).max(64) });
/** Lets a kicked player back in: `banId` from the host view's `banned` list. */
export const unbanSchema = hostAuthSchema.extend({ banId: z.string().min(1).max(64) });
export const lockSchema = hostAuthSchema.extend({ locked: z.boolean() });
export const answerSchema = z.strictObject({ code: roomCode, playerToken: token, order: z.array(cardId).min(1).max(50) });

export const practiceSettingsSchema = z.strictObject({
  difficulties: z.array(difficulty).max(4).optional(),
  topics: z.array(topic).max(TOPICS.length).optional(),
  rounds: z.number().int().min(1).max(20).optional(),
  /** A deck's practice id: rehearse that deck instead of the bank. */
  deck: z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'is not a deck id').optional(),
});

/** The server's defaults for a practice run. */
export const DEFAULT_PRACTICE_SETTINGS: PracticeSettings = { difficulties: [], topics: [], rounds: 5 };

/** Practice settings with the defaults filled in. */
export function withPracticeDefaults(partial: z.infer<typeof practiceSettingsSchema>): PracticeSettings {
  return {
    difficulties: partial.difficulties ? ([...new Set(partial.difficulties)] as Difficulty[]) : [],
    topics: partial.topics ? [...new Set(partial.topics)] : [],
    rounds: partial.rounds ?? DEFAULT_PRACTICE_SETTINGS.rounds,
  };
}

export const practiceAnswerSchema = z.strictObject({ token, order: z.array(cardId).min(1).max(50) });
export const practiceNextSchema = z.strictObject({ token });

/** A one-line description of why a payload failed its schema, naming the field. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request.';
  const where = issue.path.length ? issue.path.join('.') : 'payload';
  return `Invalid ${where}: ${issue.message}`;
}
