// The host APIs of the simulated Node process, one file each, installed in this order by the Runtime.
// A new API (say requestAnimationFrame for a browser mode) is a new file exporting `install(host)`
// plus one line in HOST_APIS. Names Node has but no API models are refused when read.
import type { Runtime } from '../runtime.ts';
import * as abort from './abort.ts';
import * as consoleApi from './console.ts';
import * as date from './date.ts';
import * as events from './events.ts';
import * as fs from './fs.ts';
import * as immediate from './immediate.ts';
import * as microtask from './microtask.ts';
import * as processApi from './process.ts';
import * as timers from './timers.ts';
import * as timersPromises from './timers-promises.ts';
import * as url from './url.ts';
import * as util from './util.ts';

/** A host API: installs its globals, modules, queues and phases on the host. */
export interface HostApi {
  install(host: Runtime): void;
}

export const HOST_APIS: readonly HostApi[] = [
  consoleApi,
  timers,
  immediate,
  microtask,
  processApi,
  fs,
  date,
  events,
  util,
  abort,
  timersPromises,
  url,
];

/** Names that exist in Node but are not modelled: reading one is refused, not guessed. */
export const UNSUPPORTED_GLOBALS: readonly string[] = [
  'Buffer', 'fetch', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal',
  'EventTarget', 'Event', 'structuredClone', 'atob', 'btoa', 'crypto', 'Intl', 'WeakRef', 'FinalizationRegistry',
  'Proxy', 'Reflect', 'Atomics', 'SharedArrayBuffer', 'WebAssembly', 'eval', 'Function', 'Date', 'performance',
  'navigator', 'Blob', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'ArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'escape', 'unescape', 'FormData', 'Headers',
  'Request', 'Response', 'WebSocket', 'Worker', 'setTimeout$', 'DOMException', 'CustomEvent', 'Iterator',
];
