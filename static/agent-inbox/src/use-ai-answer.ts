import { useState } from 'preact/hooks';
import type { Outcome } from '../../../src/frontend/shared/operation-result';

/**
 * One answer the AI gives the agent on request (AI1's suggestion, AI2's summary): the last answer,
 * whether the model is being asked, and the error of the last ask (cleared by the next).
 */
export function useAiAnswer<T>(ask: () => Promise<Outcome<T>>) {
  const [answer, setAnswer] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const request = async () => {
    setBusy(true);
    setError(null);
    const outcome = await ask();
    setBusy(false);
    if (outcome.ok) setAnswer(outcome.value);
    else setError(outcome.error.message);
  };

  return { answer, setAnswer, busy, error, request };
}
