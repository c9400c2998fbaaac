import type { Message } from '../shared/transcript';
import { panelModel } from './panel-model';

const at = Date.UTC(2024, 0, 2, 9, 30);
const m = (seq: number, from: Message['from'], text: string): Message => ({ seq, from, text, at: at + seq * 60_000 });
const clock = { locale: 'en-GB', timeZone: 'UTC' };

describe('issue panel transcript', () => {
  it('marks the AI part from the AI context when the messages hold only the live chat', () => {
    const model = panelModel(
      {
        customerName: 'Dana',
        context: 'Customer: My laptop will not boot\nAI: Let me get you a person.',
        messages: [m(1, 'agent', 'Hi Dana'), m(2, 'agent', 'Is it plugged in?'), m(3, 'customer', 'Yes')],
        aiTurns: 0,
        agentName: null
      },
      clock
    );
    expect(model.aiPart).toEqual([
      { key: 'context-0', who: 'Dana', when: null, texts: ['My laptop will not boot'] },
      { key: 'context-1', who: 'AI assistant', when: null, texts: ['Let me get you a person.'] }
    ]);
    expect(model.livePart).toEqual([
      { key: 'live-1', who: 'Agent', when: '09:31', texts: ['Hi Dana', 'Is it plugged in?'] },
      { key: 'live-3', who: 'Dana', when: '09:33', texts: ['Yes'] }
    ]);
  });

  it('uses the messages for the AI part when they carry the AI turns', () => {
    const model = panelModel(
      {
        customerName: 'Dana',
        context: 'ignored',
        messages: [m(1, 'customer', 'Help'), m(2, 'ai', 'Handing over'), m(3, 'agent', 'Hello')],
        aiTurns: 2,
        agentName: null
      },
      clock
    );
    expect(model.aiPart.map((t) => t.who)).toEqual(['Dana', 'AI assistant']);
    expect(model.livePart.map((t) => t.texts)).toEqual([['Hello']]);
  });

  it("names the agent, and splits at the backend's handoff point when it sends one", () => {
    const model = panelModel(
      {
        customerName: 'Dana',
        agentName: 'Ana Souza',
        aiTurns: 3,
        context: '',
        messages: [m(1, 'customer', 'Help'), m(2, 'ai', 'Try this'), m(3, 'customer', 'A person please'), m(4, 'agent', 'Hi')]
      },
      clock
    );
    expect(model.aiPart.map((t) => t.texts)).toEqual([['Help'], ['Try this'], ['A person please']]);
    expect(model.livePart.map((t) => t.who)).toEqual(['Ana Souza']);
  });
});
