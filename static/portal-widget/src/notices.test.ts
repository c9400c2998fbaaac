import { closedMessage, openingText, waitEstimateText } from './notices';

const MONDAY_NINE_BERLIN = Date.parse('2026-03-30T07:00:00Z');

describe('the widget’s notices', () => {
  it('H1: the next opening is worded in the customer’s locale and time zone', () => {
    expect(openingText(MONDAY_NINE_BERLIN, 'en-GB', 'Europe/Berlin')).toBe('on Monday 30 March at 09:00 CEST');
    expect(openingText(MONDAY_NINE_BERLIN, 'en-US', 'America/New_York')).toBe('on Monday, March 30 at 03:00 AM EDT');
    expect(openingText(MONDAY_NINE_BERLIN, 'de-DE', 'Europe/Berlin')).toBe('on Montag, 30. März um 09:00 MESZ');
    expect(openingText(null)).toBe('later');
  });

  it('H1: the closed message gets the opening where it says {opening}', () => {
    const notice = { message: 'Closed; back {opening}.', nextOpeningAt: MONDAY_NINE_BERLIN, timeZone: 'Europe/Berlin' };
    expect(closedMessage(notice, 'en-GB', 'Europe/London')).toBe('Closed; back on Monday 30 March at 08:00 BST.');
  });

  it('W1: the estimate is a range, and says it is no promise', () => {
    expect(waitEstimateText({ minMinutes: 2, maxMinutes: 4 })).toBe('The wait is about 2–4 minutes (an estimate, not a promise).');
    expect(waitEstimateText({ minMinutes: 60, maxMinutes: 60 })).toBe('The wait is likely more than an hour.');
  });
});
