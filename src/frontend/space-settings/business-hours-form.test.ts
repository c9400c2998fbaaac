import { formFromHours, hoursFromForm, intervalsOf } from './business-hours-form';

describe('the business hours form (H1)', () => {
  it('H1: a day’s line becomes its intervals; anything else is sent as it is, for the backend to name', () => {
    expect(intervalsOf('09:00-12:00, 13:00 – 17:00')).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' }
    ]);
    expect(intervalsOf('')).toEqual([]);
    expect(intervalsOf('nine to five')).toEqual([{ start: 'nine to five', end: '' }]);
  });

  it('H1: off sends null (always open); on sends the whole value, and reads back the same', () => {
    const off = formFromHours(null, 'Europe/Berlin');
    expect(off.on).toBe(false);
    expect(hoursFromForm(off)).toBeNull();
    const hours = hoursFromForm({ ...off, on: true, holidays: '2026-12-24, 2026-12-25' });
    expect(hours).toMatchObject({ timeZone: 'Europe/Berlin', holidays: ['2026-12-24', '2026-12-25'] });
    expect(hours?.week.monday).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(hours?.week.sunday).toEqual([]);
    expect(formFromHours(hours)).toEqual({ ...off, on: true, holidays: '2026-12-24, 2026-12-25' });
  });
});
