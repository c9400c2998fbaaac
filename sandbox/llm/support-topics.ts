/**
 * What the stand-in model "knows": a few canned help-desk answers, and how to tell that a
 * customer wants a person. Plain keyword rules, so every test and demo gets the same reply
 * to the same words.
 */
export interface SupportTopic {
  name: string;
  matches: RegExp;
  answer: string;
}

export const SUPPORT_TOPICS: SupportTopic[] = [
  {
    name: 'password-reset',
    matches: /\b(password|passcode|locked out|log ?in|sign ?in)\b/i,
    answer:
      'To reset your password, open the sign-in page and choose "Forgot password?". We will email you a reset link that stays valid for 30 minutes. If it does not arrive, check your spam folder.'
  },
  {
    name: 'vpn',
    matches: /\b(vpn|remote access)\b/i,
    answer:
      'To connect to the VPN, install the VPN client from the self-service portal, sign in with your work account and pick the nearest gateway. If it will not connect, restart the client and make sure your device is up to date.'
  },
  {
    name: 'opening-hours',
    matches: /\b(opening hours|business hours|office hours|hours|are you open|when (are|do) you (open|close)|closed)\b/i,
    answer: 'Our support team is available Monday to Friday, 8:00 to 18:00 site time, except on public holidays.'
  }
];

export const GREETING_ANSWER = 'Hello! I can help with password resets, VPN access and our opening hours. What do you need?';
export const UNSURE_ANSWER =
  'I am not sure I can help with that yet. Could you tell me a bit more? You can also ask to talk to a person at any time.';
export const HANDOFF_ANSWER = 'Let me connect you with a person from our support team.';
export const HANDED_OFF_ANSWER = 'I have passed our conversation to the support team. A person will join this chat shortly.';

const PERSON_REQUESTS = [
  /\b(human|agent|representative|operator|real person|live person|somebody real|someone real)\b/i,
  /\b(talk|speak|chat)\s+(to|with)\s+(a\s+|an\s+)?(someone|somebody|person|people|staff|team member)\b/i,
  /\b(a|another)\s+person\b/i
];

export function topicOf(text: string): SupportTopic | undefined {
  return SUPPORT_TOPICS.find((topic) => topic.matches.test(text));
}

export function asksForPerson(text: string): boolean {
  return PERSON_REQUESTS.some((pattern) => pattern.test(text));
}

export function isGreeting(text: string): boolean {
  return /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b[\s!.,]*\w{0,12}[\s!.]*$/i.test(text);
}

/** A turn the stand-in could not help with: no topic, no greeting, no request for a person. */
export function isUnanswerable(text: string): boolean {
  return !topicOf(text) && !isGreeting(text) && !asksForPerson(text);
}
