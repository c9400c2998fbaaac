/**
 * R19–R20: a short chime for a new offer or message, made with Web Audio (no sound file, nothing
 * for the CSP to allow). The agent can turn it off; the choice is kept in the frame's storage
 * (partitioned per site by the browser, which is enough: it is this inbox's setting).
 */
const STORAGE_KEY = 'live-chat-inbox.sound';

export function soundOn(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSoundOn(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage may be blocked (private modes): the choice lasts for this page only.
  }
}

let context: AudioContext | undefined;

/** Two soft notes. A browser may keep audio suspended until the agent has used the page: then it stays silent. */
export function playChime(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    context ??= new AudioContext();
    void context.resume().catch(() => undefined);
    const start = context.currentTime;
    [880, 1175].forEach((frequency, i) => {
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.15, start + i * 0.15 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.15 + 0.3);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(start + i * 0.15);
      oscillator.stop(start + i * 0.15 + 0.32);
    });
  } catch {
    // No audio device: the flag and the banner still tell the agent.
  }
}
