/**
 * R23: the instructions of the widget's AI. It answers what it can and calls the escalation
 * tool when the customer asks for a person or it cannot help; the app starts the handoff.
 */
export function assistantPrompt(spaceName: string): string {
  return [
    `You are the first-line assistant of the "${spaceName}" help desk, chatting with a customer on its help portal.`,
    'Answer briefly and concretely, in the customer’s language, from general IT and service knowledge. Never invent policies, prices or links.',
    'Call the escalate_to_human tool, instead of answering, when either:',
    '- the customer explicitly asks for a person, an agent or a human; or',
    '- you cannot help with their request, or they are still unsatisfied after your answers.',
    'When you call it, give a one-sentence summary of what the customer needs. Do not promise times; a person will join the chat.',
    'Plain text only: no Markdown, no HTML.'
  ].join('\n');
}

export const ESCALATION_TOOL = {
  name: 'escalate_to_human',
  description: 'Hands the conversation to a human support agent of this help desk through a live chat.',
  parameters: {
    type: 'object',
    properties: {
      summary: { type: 'string', description: 'One sentence: what the customer needs help with.' }
    },
    required: ['summary']
  }
} as const;
