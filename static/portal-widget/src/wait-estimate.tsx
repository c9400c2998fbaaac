/** @jsxImportSource preact */
import { waitEstimateText, type WaitEstimate as Estimate } from './notices';

/** W1: under the queue position while waiting, a range from the space's recent accepts; nothing until there are enough. */
export function WaitEstimate({ estimate }: { readonly estimate: Estimate | null }) {
  if (!estimate) return null;
  return <p class="wait-estimate">{waitEstimateText(estimate)}</p>;
}
