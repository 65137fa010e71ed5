// console.log formatting, as Node's util.format / util.inspect do it (Node 20, default options:
// depth 2, breakLength 80, compact 3). A console line is one card, so any value Node would print over
// several lines (big objects, arrays grouped in columns, Error stack traces) is refused with a clear
// message instead of being guessed. Values are the interpreter's own host values; `hooks` tells this
// module about the simulated runtime's objects (snippet functions, promises, timers...).

/** What the formatter needs to know about the simulated runtime. */
export interface InspectHooks {
  /** Kind of a snippet function (for "[AsyncFunction: f]", "[class A extends B]"). */
  functionKind(fn: Function): { kind: 'function' | 'class' | 'async' | 'generator' | 'async-generator'; name: string } | null;
  /** State of a simulated promise, or null if `v` is not one. */
  promiseState(v: object): { state: 'pending' | 'fulfilled' | 'rejected'; value: unknown } | null;
  /** A reason the value cannot be printed (Timeout objects, globalThis...), or null. */
  refuse(v: object): string | null;
  /** Special rendering for runtime objects (generator objects, file buffers), or null. */
  special(v: object): string | null;
}

/** Thrown when Node's output for a value would not fit on one line or cannot be reproduced. */
export class InspectRefusal extends Error {}

interface Ctx {
  indentationLvl: number;
  currentDepth: number;
  seen: object[];
  depth: number;
  breakLength: number;
  compact: number;
  hooks: InspectHooks;
}

const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

const meta: string[] = (() => {
  const m: string[] = [];
  for (let i = 0; i < 0xa0; i++) {
    if (i < 0x20 || (i >= 0x7f && i < 0xa0)) m[i] = `\\x${i.toString(16).toUpperCase().padStart(2, '0')}`;
    else m[i] = '';
  }
  m[8] = '\\b';
  m[9] = '\\t';
  m[10] = '\\n';
  m[12] = '\\f';
  m[13] = '\\r';
  m[39] = "\\'";
  m[92] = '\\\\';
  return m;
})();

/** Quotes a string the way util.inspect does (single quotes unless the string contains them). */
export function strEscape(str: string): string {
  let quote = "'";
  if (str.includes("'")) {
    if (!str.includes('"')) quote = '"';
    else if (!str.includes('`') && !str.includes('${')) quote = '`';
  }
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === quote.charCodeAt(0) && quote !== "'") {
      out += str[i];
      continue;
    }
    if (c < 0xa0 && meta[c] !== '') {
      if (c === 39 && quote !== "'") { out += "'"; continue; }
      out += meta[c];
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = str.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
        continue;
      }
      out += `\\u${c.toString(16)}`;
      continue;
    }
    out += str[i];
  }
  return quote + out + quote;
}

function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  return `${n}`;
}

/** util.inspect(value) with Node's defaults; throws InspectRefusal when the result is not one line. */
export function inspect(value: unknown, hooks: InspectHooks, depth = 2): string {
  const ctx: Ctx = { indentationLvl: 0, currentDepth: 0, seen: [], depth, breakLength: 80, compact: 3, hooks };
  const s = formatValue(ctx, value, 0);
  if (s.includes('\n')) throw new InspectRefusal('the value prints over several lines');
  return s;
}

function formatValue(ctx: Ctx, value: unknown, recurseTimes: number): string {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
  if (value === null) return 'null';
  const obj = value as object;
  const refusal = ctx.hooks.refuse(obj);
  if (refusal) throw new InspectRefusal(refusal);
  const special = ctx.hooks.special(obj);
  if (special !== null) return special;
  if (ctx.seen.includes(obj)) throw new InspectRefusal('circular structures print with <ref *1> markers, which are not supported');
  return formatRaw(ctx, obj, recurseTimes);
}

function formatPrimitive(ctx: Ctx, value: unknown): string {
  switch (typeof value) {
    case 'string':
      if (value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4 && value.includes('\n')) {
        throw new InspectRefusal('a long string containing line breaks prints over several lines');
      }
      if (value.length > 10000) throw new InspectRefusal('strings over 10000 characters are truncated by Node');
      return strEscape(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return `${value}`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
  }
  return String(value);
}

function getConstructorName(obj: object): string | null {
  let o: object | null = obj;
  while (o) {
    const desc = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (desc && typeof desc.value === 'function' && desc.value.name !== '' && isInstanceof(obj, desc.value)) {
      return desc.value.name;
    }
    o = Object.getPrototypeOf(o);
  }
  return null;
}

function isInstanceof(obj: object, ctor: Function): boolean {
  try {
    return obj instanceof ctor;
  } catch {
    return false;
  }
}

function getPrefix(constructor: string | null, fallback: string, size = ''): string {
  if (constructor === null) return `[${fallback}${size}: null prototype] `;
  if (constructor !== fallback) return `${constructor}${size} [${fallback}] `;
  return `${constructor}${size} `;
}

function getCtxName(constructor: string | null, fallback: string): string {
  if (constructor === null) return `[${fallback}: null prototype] `;
  return `${constructor} `;
}

function isArguments(v: object): boolean {
  return Object.prototype.toString.call(v) === '[object Arguments]';
}

function ownEnumerableKeys(obj: object, skipIndices: boolean): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const k of Object.keys(obj)) {
    if (skipIndices && /^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 2 ** 32 - 1) continue;
    keys.push(k);
  }
  for (const s of Object.getOwnPropertySymbols(obj)) {
    if (Object.getOwnPropertyDescriptor(obj, s)?.enumerable) keys.push(s);
  }
  return keys;
}

function functionBase(ctx: Ctx, fn: Function, constructor: string | null): string {
  const info = ctx.hooks.functionKind(fn);
  if (info?.kind === 'class') {
    let base = `class ${info.name || '(anonymous)'}`;
    const superName = (Object.getPrototypeOf(fn) as Function | null)?.name;
    if (superName) base += ` extends ${superName}`;
    return `[${base}]`;
  }
  let type = 'Function';
  if (info?.kind === 'generator') type = 'GeneratorFunction';
  if (info?.kind === 'async') type = 'AsyncFunction';
  if (info?.kind === 'async-generator') type = 'AsyncGeneratorFunction';
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  base += fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  base += ']';
  return base;
}

function formatRaw(ctx: Ctx, value: object, recurseTimes: number): string {
  const constructor = getConstructorName(value);
  let keys: PropertyKey[];
  let base = '';
  let braces: [string, string];
  let extrasType: 'object' | 'array' = 'object';
  let formatter: (ctx: Ctx, v: any, rt: number) => string[] = () => [];

  if (value instanceof Error) {
    throw new InspectRefusal('an Error object prints its stack trace, which has file paths and several lines; log err.message instead');
  }
  const promise = ctx.hooks.promiseState(value);
  if (Array.isArray(value)) {
    const prefix = constructor !== 'Array' ? getPrefix(constructor, 'Array', `(${value.length})`) : '';
    keys = ownEnumerableKeys(value, true);
    braces = [`${prefix}[`, ']'];
    if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    extrasType = 'array';
    formatter = formatArray;
  } else if (value instanceof Set) {
    const prefix = getPrefix(constructor, 'Set', `(${value.size})`);
    keys = ownEnumerableKeys(value, false);
    formatter = formatSet;
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
  } else if (value instanceof Map) {
    const prefix = getPrefix(constructor, 'Map', `(${value.size})`);
    keys = ownEnumerableKeys(value, false);
    formatter = formatMap;
    if (value.size === 0 && keys.length === 0) return `${prefix}{}`;
    braces = [`${prefix}{`, '}'];
  } else {
    keys = ownEnumerableKeys(value, false);
    braces = ['{', '}'];
    if (promise) {
      braces[0] = `${getPrefix(constructor, 'Promise')}{`;
      formatter = (c) => formatPromise(c, promise, recurseTimes + 1);
    } else if (constructor === 'Object') {
      if (isArguments(value)) {
        // Node 20 prints an arguments object with its indices as keys: [Arguments] { '0': 1 }.
        braces = ['[Arguments] {', '}'];
        if (keys.length === 0) return '[Arguments] {}';
      } else if (keys.length === 0) {
        return '{}';
      }
    } else if (typeof value === 'function') {
      base = functionBase(ctx, value, constructor);
      if (keys.length === 0) return base;
    } else if (value instanceof RegExp) {
      base = RegExp.prototype.toString.call(value);
      if (keys.length === 0) return base;
    } else if (value instanceof WeakMap || value instanceof WeakSet) {
      return `${getPrefix(constructor, value instanceof WeakMap ? 'WeakMap' : 'WeakSet')}{ <items unknown> }`;
    } else if (value instanceof Number || value instanceof String || value instanceof Boolean) {
      const type = value instanceof Number ? 'Number' : value instanceof String ? 'String' : 'Boolean';
      const prim = value.valueOf();
      base = `[${type}: ${formatPrimitive({ ...ctx, indentationLvl: 0 }, prim)}]`;
      if (value instanceof String) keys = keys.filter((k) => !(typeof k === 'string' && /^\d+$/.test(k)));
      if (keys.length === 0) return base;
    } else {
      if (Object.prototype.toString.call(value) !== '[object Object]' && !(Symbol.toStringTag in value)) {
        throw new InspectRefusal(`printing this kind of object (${Object.prototype.toString.call(value)}) is not supported`);
      }
      if (Symbol.toStringTag in value) throw new InspectRefusal('objects with Symbol.toStringTag are not supported');
      if (keys.length === 0) return `${getCtxName(constructor, 'Object')}{}`;
      braces[0] = `${getCtxName(constructor, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth) {
    let name = getCtxName(constructor, 'Object').slice(0, -1);
    if (constructor !== null) name = `[${name}]`;
    return name;
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value, recurseTimes);
  // Extra keys of an array print with their names too: [ 1, 2, x: 3 ].
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, 'object'));
  ctx.seen.pop();
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes);
}

function formatPromise(ctx: Ctx, p: { state: string; value: unknown }, recurseTimes: number): string[] {
  if (p.state === 'pending') return ['<pending>'];
  if (p.state === 'rejected' && p.value instanceof Error) {
    throw new InspectRefusal('a promise rejected with an Error prints its stack trace; log the message instead');
  }
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, p.value, recurseTimes);
  ctx.indentationLvl -= 2;
  return [p.state === 'rejected' ? `<rejected> ${str}` : str];
}

function formatArray(ctx: Ctx, value: any, recurseTimes: number): string[] {
  const len = Math.min(100, value.length);
  const output: string[] = [];
  for (let i = 0; i < len; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i)) return formatSparseArray(ctx, value, recurseTimes, len, output, i);
    output.push(formatProperty(ctx, value, recurseTimes, i, 'array'));
  }
  if (value.length > len) throw new InspectRefusal('arrays over 100 items are truncated by Node');
  return output;
}

/** Node's formatSpecialArray: runs of holes print as `<N empty items>`. */
function formatSparseArray(ctx: Ctx, value: any, recurseTimes: number, maxLength: number, output: string[], i: number): string[] {
  const keys = Object.keys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) break;
      const empty = tmp - index;
      output.push(`<${empty} empty item${empty > 1 ? 's' : ''}>`);
      index = tmp;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, 'array'));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) output.push(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`);
  } else if (remaining > 0) {
    throw new InspectRefusal('arrays over 100 items are truncated by Node');
  }
  return output;
}

function formatSet(ctx: Ctx, value: Set<unknown>, recurseTimes: number): string[] {
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (const v of value) output.push(formatValue(ctx, v, recurseTimes));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx: Ctx, value: Map<unknown, unknown>, recurseTimes: number): string[] {
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (const [k, v] of value) output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatProperty(ctx: Ctx, value: any, recurseTimes: number, key: PropertyKey, type: 'object' | 'array'): string {
  let desc = Object.getOwnPropertyDescriptor(value, key) ?? { value: value[key], enumerable: true };
  // A sloppy function's arguments object aliases its parameters through accessors: show the values.
  if (desc.get && isArguments(value)) desc = { value: value[key], enumerable: true };
  let str: string;
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  } else if (desc.set !== undefined) {
    str = '[Setter]';
  } else {
    str = 'undefined';
  }
  if (type === 'array') return str;
  let name: string;
  if (typeof key === 'symbol') name = `[${key.toString()}]`;
  else if (key === '__proto__') name = "['__proto__']";
  else if (desc.enumerable === false) name = `[${String(key)}]`;
  else if (keyStrRegExp.test(String(key))) name = String(key);
  else name = strEscape(String(key));
  return `${name}: ${str}`;
}

function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    totalLength += entry.length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

/** Would Node's groupArrayElements line this array up in columns (which prints several lines)? */
function wouldGroup(ctx: Ctx, output: string[]): boolean {
  const separatorSpace = 2;
  let totalLength = 0;
  let maxLength = 0;
  for (const entry of output) {
    const len = entry.length;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * output.length) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    return columns > 1;
  }
  return false;
}

function reduceToSingleString(ctx: Ctx, output: string[], base: string, braces: [string, string], extrasType: 'object' | 'array', recurseTimes: number): string {
  const entries = output.length;
  if (extrasType === 'array' && entries > 6 && wouldGroup(ctx, output)) {
    throw new InspectRefusal('an array of more than 6 items prints in columns over several lines; join it into a string first');
  }
  if (ctx.currentDepth - recurseTimes < ctx.compact) {
    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) {
        return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
  }
  throw new InspectRefusal('the value is too large to print on one line; log fewer or shorter fields');
}

/** Does the object use Object.prototype.toString-like built-in toString (for %s)? */
function hasBuiltInToString(value: object, hooks: InspectHooks): boolean {
  // Snippet classes and objects with their own toString use it; plain objects and arrays do not.
  let o: object | null = value;
  while (o) {
    const desc = Object.getOwnPropertyDescriptor(o, 'toString');
    if (desc) return hooks.functionKind(desc.value) === null;
    o = Object.getPrototypeOf(o);
  }
  return true;
}

/** util.format(...args): the text console.log prints for these arguments. */
export function formatLog(args: unknown[], hooks: InspectHooks): string {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr = '';
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) === 37) {
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: { // %s
              const arg = args[++a];
              if (typeof arg === 'number') tempStr = formatNumber(arg);
              else if (typeof arg === 'bigint') tempStr = `${arg}n`;
              else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg, hooks)) tempStr = String(arg);
              else tempStr = inspect(arg, hooks, 0);
              break;
            }
            case 106: { // %j
              const arg = args[++a];
              try {
                tempStr = JSON.stringify(arg) as string;
              } catch {
                tempStr = '[Circular]';
              }
              if (tempStr === undefined) tempStr = 'undefined';
              break;
            }
            case 100: { // %d
              const arg = args[++a];
              if (typeof arg === 'bigint') tempStr = `${arg}n`;
              else if (typeof arg === 'symbol') tempStr = 'NaN';
              else if (typeof arg === 'object' && arg !== null) tempStr = formatNumber(Number(arg));
              else tempStr = formatNumber(Number(arg));
              break;
            }
            case 79: // %O
              tempStr = inspect(args[++a], hooks);
              break;
            case 111: // %o
              throw new InspectRefusal('the %o format (showHidden) is not supported; use %O or %j');
            case 105: { // %i
              const arg = args[++a];
              if (typeof arg === 'bigint') tempStr = `${arg}n`;
              else if (typeof arg === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(parseInt(arg as string));
              break;
            }
            case 102: { // %f
              const arg = args[++a];
              tempStr = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloat(arg as string));
              break;
            }
            case 99: // %c
              a += 1;
              tempStr = '';
              break;
            case 37: // %%
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, hooks) : value;
    join = ' ';
    a++;
  }
  return str;
}
