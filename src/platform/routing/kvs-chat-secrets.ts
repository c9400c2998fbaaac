import { createHmac, randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { ChatSecrets } from '../../app/ports/chat-secrets';
import { storage } from '../storage-busy';

const SECRET_KEY = 'live-chat-secret';

/** The app's own secret (Forge's secret store), created once on first use. */
export interface AppSecret {
  derive(purpose: string, subject: string): Promise<string>;
}

export function kvsAppSecret(): AppSecret {
  let secret: Promise<string> | undefined;
  const load = async (): Promise<string> => {
    const stored = await storage(() => kvs.getSecret<string>(SECRET_KEY));
    if (stored) return stored;
    try {
      await storage(() => kvs.setSecret(SECRET_KEY, randomBytes(32).toString('hex'), { keyPolicy: 'FAIL_IF_EXISTS' }));
    } catch {
      // Another invocation created it first: theirs is the one.
    }
    const created = await storage(() => kvs.getSecret<string>(SECRET_KEY));
    if (!created) throw new Error('The app secret could not be created.');
    return created;
  };
  return {
    async derive(purpose, subject) {
      secret ??= load();
      return createHmac('sha256', await secret)
        .update(`${purpose}\n${subject}`)
        .digest('base64url');
    }
  };
}

export function kvsChatSecrets(secret: AppSecret): ChatSecrets {
  return { chatToken: (conversationId) => secret.derive('chat-token', conversationId) };
}
