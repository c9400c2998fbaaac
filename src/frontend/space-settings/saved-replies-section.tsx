import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Heading, Inline, List, ListItem, SectionMessage, Stack, Strong, Text } from '@forge/react';
import type { SavedReply } from '../shared/operations';
import { run } from '../shared/run';
import { TextSetting } from './fields';
import { SectionTitle } from '../shared/section-title';

interface Props {
  projectKey: string;
}

type Draft = { id?: string; title: string; text: string };
const EMPTY: Draft = { title: '', text: '' };

/**
 * SR1: the space's saved replies, which its agents insert in the inbox by typing `/` (SR2).
 * Operations: space.savedReplies.get / .save / .delete; the backend validates and names the field.
 */
export function SavedRepliesSection({ projectKey }: Props) {
  const [replies, setReplies] = useState<readonly SavedReply[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'saved' | 'failed'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const outcome = await run('space.savedReplies.get', { projectKey });
    if (outcome.ok) setReplies(outcome.value.replies);
    else setNotice({ kind: 'failed', message: outcome.error.message });
  }, [projectKey]);

  useEffect(() => {
    void load();
  }, [load]);

  /** One edit: the backend answers the whole list, or the error naming the field (nothing saved). */
  const edit = async (done: string, call: () => ReturnType<typeof run<'space.savedReplies.save'>>) => {
    setBusy(true);
    const outcome = await call();
    setBusy(false);
    if (outcome.ok) {
      setReplies(outcome.value.replies);
      setFieldErrors({});
      setDraft(EMPTY);
      setNotice({ kind: 'saved', message: done });
    } else {
      setFieldErrors(outcome.error.fields);
      setNotice({ kind: 'failed', message: `Nothing was saved. ${outcome.error.message}` });
    }
  };

  const save = () =>
    edit(`“${draft.title.trim()}” is saved.`, () =>
      run('space.savedReplies.save', { projectKey, ...(draft.id ? { id: draft.id } : {}), title: draft.title, text: draft.text })
    );
  const remove = (reply: SavedReply) =>
    edit(`“${reply.title}” is deleted.`, () => run('space.savedReplies.delete', { projectKey, id: reply.id }));

  return (
    <Stack space="space.200">
      <SectionTitle>Saved replies</SectionTitle>
      <Text>
        Agents insert these in a chat by typing / in the message box. {'{customerName}'}, {'{agentName}'} and {'{workItem}'} are filled in
        for the chat; the agent can edit the text before sending. Up to 200 per space.
      </Text>
      {replies === null ? (
        <Text>Loading saved replies…</Text>
      ) : replies.length === 0 ? (
        <Text>No saved replies yet.</Text>
      ) : (
        <List type="unordered">
          {replies.map((reply) => (
            <ListItem key={reply.id}>
              <Stack space="space.050">
                <Strong>{reply.title}</Strong>
                <Text>{reply.text}</Text>
                <Inline space="space.100">
                  <Button
                    appearance="subtle"
                    isDisabled={busy}
                    onClick={() => setDraft({ id: reply.id, title: reply.title, text: reply.text })}
                  >
                    {`Edit ${reply.title}`}
                  </Button>
                  <Button appearance="subtle" isDisabled={busy} onClick={() => void remove(reply)}>
                    {`Delete ${reply.title}`}
                  </Button>
                </Inline>
              </Stack>
            </ListItem>
          ))}
        </List>
      )}
      <Form onSubmit={() => save()}>
        <Stack space="space.100">
          <Heading as="h3" size="small">
            {draft.id ? 'Edit saved reply' : 'New saved reply'}
          </Heading>
          <TextSetting
            name="savedReplyTitle"
            label="Reply title"
            error={fieldErrors.title}
            help="What agents search for after /. At most 80 characters, unique in this space."
            value={draft.title}
            onChange={(title) => setDraft({ ...draft, title })}
          />
          <TextSetting
            name="savedReplyText"
            label="Reply text"
            kind="lines"
            error={fieldErrors.text}
            help="At most 1,000 characters."
            value={draft.text}
            onChange={(text) => setDraft({ ...draft, text })}
          />
          {notice && (
            <SectionMessage
              appearance={notice.kind === 'failed' ? 'error' : 'success'}
              title={notice.kind === 'failed' ? 'Saved reply not saved' : 'Saved replies updated'}
            >
              <Text>{notice.message}</Text>
            </SectionMessage>
          )}
          <Inline space="space.100">
            <Button type="submit" appearance="primary" isDisabled={busy}>
              Save reply
            </Button>
            {draft.id && (
              <Button appearance="subtle" isDisabled={busy} onClick={() => setDraft(EMPTY)}>
                Cancel
              </Button>
            )}
          </Inline>
        </Stack>
      </Form>
    </Stack>
  );
}
