// Small helpers the host API files share (not an API itself: nothing here is installed).

/** Gives a host function the `.name` Node's own function has (printed by util.inspect, used in errors). */
export function named<T extends Function>(name: string, fn: T): T {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
