/** SR2: what a saved reply's placeholders stand for in one chat. */
export interface PlaceholderValues {
  readonly customerName: string;
  readonly agentName: string;
  readonly workItem: string;
}

export const PLACEHOLDERS = ['customerName', 'agentName', 'workItem'] as const;

/**
 * SR2: `{customerName}`, `{agentName}` and `{workItem}` become the chat's values, every
 * occurrence; anything else in braces is left as written (the agent sees it and can edit it
 * before sending). Decision: a customer without a name (an anonymous visitor) is "there",
 * so "Hi {customerName}" reads "Hi there".
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(customerName|agentName|workItem)\}/g, (_match, name: (typeof PLACEHOLDERS)[number]) => {
    const value = values[name].trim();
    return value || (name === 'customerName' ? 'there' : '');
  });
}
