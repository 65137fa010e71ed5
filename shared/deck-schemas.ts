// Zod schemas of the deck events (shared/deck-protocol.ts): strict objects, like shared/schemas.ts.
// A deck file is validated with the same rules as a deck sent from the editor; an answer key in a
// file (`cards`) is accepted as information and always replaced by the server's own.
import { z } from 'zod';
import { TOPICS } from './protocol.ts';

/** The hard cap on a snippet's source (the server's SNIPPET_MAX_CHARS may be lower). */
export const SNIPPET_HARD_MAX_CHARS = 20_000;
/** Snippets in one deck. */
export const DECK_MAX_ITEMS = 40;

const topic = z.enum(TOPICS);
const difficulty = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const token = z.string().min(1).max(200);
const moduleKind = z.enum(['commonjs', 'module']);
/** Deck (practice) ids: url-safe random letters. */
export const deckIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, 'is not a deck id');
const source = z.string().min(1, 'the snippet is empty').max(SNIPPET_HARD_MAX_CHARS, `a snippet has at most ${SNIPPET_HARD_MAX_CHARS} characters`);

export const customSnippetSchema = z.strictObject({
  title: z.string().trim().min(1, 'give the snippet a title').max(80),
  difficulty,
  topics: z.array(topic).max(TOPICS.length),
  explanation: z.string().max(4000),
  module: moduleKind,
  source,
});

const deckItem = z.union([z.strictObject({ bank: z.string().min(1).max(100) }), z.strictObject({ custom: customSnippetSchema })]);
const deckName = z.string().trim().min(1, 'give the deck a name').max(80);
const items = z.array(deckItem).min(1, 'a deck needs at least one snippet').max(DECK_MAX_ITEMS);

export const deckCreateSchema = z.strictObject({ name: deckName, items, hostKey: z.string().max(200).optional() });
export const deckAuthSchema = z.strictObject({ deckId: deckIdSchema, editToken: token });
export const deckUpdateSchema = deckAuthSchema.extend({ name: deckName, items });
export const deckDuplicateSchema = deckAuthSchema.extend({ hostKey: z.string().max(200).optional() });

/** An exported deck file. */
export const deckFileSchema = z.strictObject({
  format: z.literal('event-loop-arena-deck'),
  version: z.literal(1),
  name: deckName,
  items: z
    .array(
      z.union([
        z.strictObject({ bank: z.string().min(1).max(100) }),
        z.strictObject({ custom: customSnippetSchema.extend({ cards: z.array(z.string().max(500)).max(100).optional() }) }),
      ]),
    )
    .min(1, 'a deck needs at least one snippet')
    .max(DECK_MAX_ITEMS),
});
export const deckImportSchema = z.strictObject({ file: deckFileSchema, hostKey: z.string().max(200).optional() });

export const snippetCheckSchema = z.strictObject({ source, module: moduleKind });
export const libraryBankSchema = z.strictObject({});
export const libraryPreviewSchema = z.strictObject({ id: z.string().min(1).max(100) });
export const historyAnalysisSchema = z.strictObject({
  code: z
    .string()
    .max(20)
    .transform((s) => s.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().min(1)),
  hostToken: token,
});
