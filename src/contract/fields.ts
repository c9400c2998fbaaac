import { z } from 'zod';

/** Payload fields shared by the operations (R29). */
export const conversationId = z
  .string({ error: 'must be a conversation id' })
  .min(1, 'must be a conversation id')
  .max(100, 'must be a conversation id')
  .regex(/^[A-Za-z0-9:._-]+$/, 'must be a conversation id');

export const chatToken = z.string({ error: 'must be the chat token' }).min(1, 'must be the chat token').max(200, 'must be the chat token');

export const projectKey = z.string({ error: 'must be a project key' }).regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'must be a project key (e.g. SUP)');

export const accountId = z
  .string({ error: 'must be an account id' })
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9:_-]+$/, 'must be an account id');

export const afterSeq = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').optional();

/** R29: plain text, at most this long. */
export const MESSAGE_MAX_CHARS = 4_000;

/** R29: plain text of 1 to 4,000 characters. */
export const messageText = z
  .string({ error: 'must be text' })
  .refine((text) => text.trim().length > 0, 'must not be empty')
  .refine((text) => [...text].length <= MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`);
