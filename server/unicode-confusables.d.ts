// Types of the `unicode-confusables` package (its own typings ship under a misspelt file name, so
// TypeScript cannot find them): the UTS #39 confusables lookup server/nickname.ts uses.
declare module 'unicode-confusables' {
  /** One code point of the input and, if it is confusable, the prototype it looks like. */
  export interface ConfusablePoint {
    point: string;
    similarTo?: string;
  }
  export function isConfusing(input: string): boolean;
  export function confusables(input: string): ConfusablePoint[];
  /** The input with each confusable code point replaced by its prototype, zero-width characters removed. */
  export function rectifyConfusion(input: string): string;
}
