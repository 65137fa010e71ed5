// Nicknames: what a player may call themselves in a room. Trimmed, inner whitespace collapsed, 1 to 20
// visible characters (grapheme clusters, so an emoji with modifiers counts once), no control or
// invisible formatting characters, and nothing the `obscenity` English filter flags.
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

export const NICKNAME_MAX = 20;

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A checked nickname, or the reason it was refused (a sentence for the player). */
export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string };

/** Number of visible characters (grapheme clusters) in `text`. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Normalises and checks a nickname as typed by a player. */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (nickname.length === 0) return { ok: false, message: 'Please choose a nickname.' };
  // Control characters, zero-width and bidi formatting characters would make names look alike or break layouts.
  // (The zero-width joiner stays allowed: emoji sequences such as 👩🏽‍💻 need it.)
  if (/(?!\u200d)[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(nickname)) return { ok: false, message: 'The nickname contains invisible or control characters.' };
  const length = visibleLength(nickname);
  if (length > NICKNAME_MAX) return { ok: false, message: `The nickname is too long (${length} characters, at most ${NICKNAME_MAX}).` };
  // Also check with spaces and separators removed, so "f u c k" does not slip through.
  if (matcher.hasMatch(nickname) || matcher.hasMatch(nickname.replace(/[\s._\-*]+/gu, ''))) return { ok: false, message: 'That nickname is not allowed here. Please choose another one.' };
  return { ok: true, nickname };
}

/** The key under which two nicknames count as the same (case- and width-insensitive). */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLocaleLowerCase('en');
}
