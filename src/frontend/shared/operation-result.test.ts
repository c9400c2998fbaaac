import { callOperation, fieldMessages, toOutcome } from './operation-result';

describe('operation results', () => {
  it('a result without an error is the value', () => {
    expect(toOutcome({ maxConversations: 3 })).toEqual({ ok: true, value: { maxConversations: 3 } });
  });

  it('R29: a typed error becomes a failure with its code, message and fields', () => {
    const result = {
      error: {
        code: 'invalid',
        message: 'Time to assign must be between 1 and 60 minutes',
        fields: { timeToAssignMinutes: 'Time to assign must be between 1 and 60 minutes' }
      }
    };
    expect(toOutcome(result)).toEqual({
      ok: false,
      error: { code: 'invalid', message: result.error.message, fields: result.error.fields }
    });
  });

  it("accepts the domain's field list as well as a field map", () => {
    expect(fieldMessages([{ field: 'fallbackMessage', message: 'too long' }, { nope: 1 }])).toEqual({ fallbackMessage: 'too long' });
    expect(fieldMessages({ teamId: 'unknown team', bad: 3 })).toEqual({ teamId: 'unknown team' });
    expect(fieldMessages(undefined)).toEqual({});
  });

  it('an error without a message still reads as a sentence', () => {
    const outcome = toOutcome({ error: { code: 'unavailable' } });
    expect(outcome.ok === false && outcome.error.message).toBe('Something went wrong. Try again.');
  });

  it('a thrown invocation (no such operation, network) is an unavailable failure, never an exception', async () => {
    const outcome = await callOperation(async () => {
      throw new Error("Resolver has no definition for 'site.overview'.");
    }, 'site.overview');
    expect(outcome).toEqual({ ok: false, error: { code: 'unavailable', message: 'The app could not be reached. Try again.', fields: {} } });
  });

  it('passes the operation name and payload to invoke', async () => {
    const invoke = jest.fn(async () => ({ visible: true }));
    await callOperation(invoke, 'widget.status', { projectKey: 'SUP' });
    expect(invoke).toHaveBeenCalledWith('widget.status', { projectKey: 'SUP' });
  });
});
