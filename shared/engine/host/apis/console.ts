// The `console` global: log, info and debug print a card on stdout, error and warn on stderr (Node's
// console.info/debug are log, warn is error); the methods whose output is not one
// deterministic line (stack traces, tables, wall-clock timings) are refused with line:column.
import { errorAt } from '../../errors.ts';
import { printLine } from '../console.ts';
import type { Runtime } from '../runtime.ts';
import { named } from './util-internal.ts';

export function install(host: Runtime): void {
  const refuse = (what: string) => named(what.split(' ')[0].split('.').pop()!, () => {
    throw errorAt('unsupported', `Unsupported: ${what}`, host.interp.currentCall);
  });
  const print = (method: string, stream: 'stdout' | 'stderr' = 'stdout') => named(method, (...args: unknown[]) => { printLine(host, args, method, stream); });
  host.defineGlobal('console', host.strict('console', {
    log: print('log'),
    info: print('info'),
    debug: print('debug'),
    error: print('error', 'stderr'),
    warn: print('warn', 'stderr'),
    trace: refuse('console.trace (it prints a stack trace to stderr)'),
    table: refuse('console.table'),
    dir: refuse('console.dir'),
    time: refuse('console.time (it measures wall-clock time)'),
    timeEnd: refuse('console.timeEnd (it measures wall-clock time)'),
    group: refuse('console.group'),
    assert: refuse('console.assert'),
    count: refuse('console.count'),
  }));
}
