// The host screen's optional sound effects, off by default: short beeps made in code with the Web
// Audio API (no audio files), one cue per moment of the game: a player joins, the get-ready
// countdown, answering opens, the reveal, the podium. The choice is kept on this device.

/** The moments of the game that have a sound. */
export type SoundCue = 'join' | 'get-ready' | 'go' | 'reveal' | 'podium';

/** Notes of each cue: [frequency Hz, start s, length s]. */
const CUES: Record<SoundCue, [number, number, number][]> = {
  join: [[880, 0, 0.08]],
  'get-ready': [
    [440, 0, 0.12],
    [440, 0.5, 0.12],
    [440, 1, 0.12],
  ],
  go: [[988, 0, 0.25]],
  reveal: [
    [523, 0, 0.12],
    [659, 0.12, 0.12],
    [784, 0.24, 0.25],
  ],
  podium: [
    [523, 0, 0.15],
    [659, 0.15, 0.15],
    [784, 0.3, 0.15],
    [1047, 0.45, 0.5],
  ],
};

const STORAGE_KEY = 'ela:sound';

/** The host's sound switch and the beeps it allows. */
export class SoundBoard {
  #on = $state(false);
  #audio: AudioContext | null = null;

  constructor() {
    try {
      this.#on = localStorage.getItem(STORAGE_KEY) === 'on';
    } catch {
      // No storage: sound starts off.
    }
  }

  /** True when the host has switched sound on. */
  get on(): boolean {
    return this.#on;
  }

  /** Switches sound on or off (call from a click: browsers start audio only after a gesture). */
  set(on: boolean): void {
    this.#on = on;
    try {
      localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    } catch {
      // not kept
    }
    if (on) this.play('join');
  }

  /** Plays a cue when sound is on; silently nothing when off or when audio is unavailable. */
  play(cue: SoundCue): void {
    if (!this.#on) return;
    try {
      this.#audio ??= new AudioContext();
      const audio = this.#audio;
      if (audio.state === 'suspended') void audio.resume();
      const start = audio.currentTime + 0.02;
      for (const [frequency, at, length] of CUES[cue]) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = 'triangle';
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + at);
        gain.gain.exponentialRampToValueAtTime(0.2, start + at + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + at + length);
        osc.connect(gain).connect(audio.destination);
        osc.start(start + at);
        osc.stop(start + at + length + 0.05);
      }
    } catch {
      // No Web Audio here: the game goes on in silence.
    }
  }
}
