// The replay's stepping logic, apart from any drawing: which trace step is shown, play/pause,
// step forward/back, jump, and speed. Time is injected (a scheduler) so tests drive it with fake
// timers and the components only read state.
import type { TraceStep } from '../../../../shared/engine/types.ts';

/** Where the stepper gets its clock: the browser's timers by default. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Playback speeds offered to people (multipliers of the base pace). */
export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface StepperOptions {
  /** Milliseconds a step stays on screen at speed 1 (default 1200). */
  baseDelayMs?: number;
  scheduler?: Scheduler;
  /** Start on this step (clamped). */
  start?: number;
}

/** Steps through a trace like a video player: one step is the current frame. */
export class ReplayStepper {
  readonly steps: readonly TraceStep[];
  #index = $state(0);
  #playing = $state(false);
  #speed = $state(1);
  #timer: unknown = null;
  readonly #baseDelay: number;
  readonly #scheduler: Scheduler;

  constructor(steps: readonly TraceStep[], options: StepperOptions = {}) {
    this.steps = steps;
    this.#baseDelay = options.baseDelayMs ?? 1200;
    this.#scheduler = options.scheduler ?? browserScheduler;
    this.#index = this.#clamp(options.start ?? 0);
  }

  /** Index of the step shown, from 0. */
  get index(): number {
    return this.#index;
  }
  get count(): number {
    return this.steps.length;
  }
  /** The step shown, or null for an empty trace. */
  get step(): TraceStep | null {
    return this.steps[this.#index] ?? null;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): number {
    return this.#speed;
  }
  get atStart(): boolean {
    return this.#index === 0;
  }
  get atEnd(): boolean {
    return this.#index >= this.steps.length - 1;
  }

  /** How long the current step stays before autoplay moves on: printing lines linger a little. */
  get delayMs(): number {
    const step = this.step;
    const weight = step?.kind === 'print' ? 1.5 : step?.kind === 'phase' ? 1.2 : 1;
    return Math.round((this.#baseDelay * weight) / this.#speed);
  }

  next(): void {
    this.goTo(this.#index + 1);
  }
  prev(): void {
    this.goTo(this.#index - 1);
  }
  first(): void {
    this.goTo(0);
  }
  last(): void {
    this.goTo(this.steps.length - 1);
  }

  /** Shows a step (clamped). Moving by hand while playing keeps playing from the new step. */
  goTo(index: number): void {
    this.#index = this.#clamp(index);
    if (this.#playing) {
      if (this.atEnd) this.pause();
      else this.#schedule();
    }
  }

  /** Jumps to the next step of a kind (e.g. the next `print`), or the end. */
  nextOf(kind: TraceStep['kind']): void {
    const found = this.steps.findIndex((s, i) => i > this.#index && s.kind === kind);
    this.goTo(found === -1 ? this.steps.length - 1 : found);
  }

  /**
   * Shows the step that printed a card (by its index in the true output) and stops playing, so a
   * tapped card's story can be read. Returns false when the trace has no such print.
   */
  showCard(cardIndex: number): boolean {
    let found = this.steps.findIndex((s) => s.kind === 'print' && s.card === cardIndex);
    // Traces without card numbers: the step where the console first reaches that line.
    if (found === -1) found = this.steps.findIndex((s) => s.kind === 'print' && s.snapshot.console.length === cardIndex + 1);
    if (found === -1) return false;
    this.pause();
    this.goTo(found);
    return true;
  }

  /** Plays from here; at the end it starts over from the first step. */
  play(): void {
    if (this.steps.length < 2) return;
    if (this.atEnd) this.#index = 0;
    this.#playing = true;
    this.#schedule();
  }

  pause(): void {
    this.#playing = false;
    this.#cancel();
  }

  toggle(): void {
    if (this.#playing) this.pause();
    else this.play();
  }

  /** Changes the pace; the step shown gets the new pace at once. */
  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) return;
    this.#speed = speed;
    if (this.#playing) this.#schedule();
  }

  /** Stops the clock (when the replay leaves the screen). */
  dispose(): void {
    this.pause();
  }

  #schedule(): void {
    this.#cancel();
    this.#timer = this.#scheduler.set(() => {
      this.#timer = null;
      if (!this.#playing) return;
      this.#index = this.#clamp(this.#index + 1);
      if (this.atEnd) this.#playing = false;
      else this.#schedule();
    }, this.delayMs);
  }

  #cancel(): void {
    if (this.#timer !== null) this.#scheduler.clear(this.#timer);
    this.#timer = null;
  }

  #clamp(index: number): number {
    if (this.steps.length === 0) return 0;
    return Math.max(0, Math.min(this.steps.length - 1, Math.trunc(index)));
  }
}
