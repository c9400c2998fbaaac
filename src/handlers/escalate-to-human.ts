/** The Rovo action `escalate-to-human` (R25). The escalation use case lands with the backend (issue 4). */
export async function escalateToHuman(): Promise<{ message: string }> {
  return { message: 'Live chat is not available yet. Please raise a request on the help portal.' };
}
