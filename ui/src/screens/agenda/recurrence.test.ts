import { describe, expect, it } from 'vitest';
import { buildRule, describeRule, NO_REPEAT, repeatProblem, romeToUtcStamp, weekOfMonth, type RepeatDraft } from './recurrence';

const repeat = (over: Partial<RepeatDraft>): RepeatDraft => ({ ...NO_REPEAT, ...over });

describe('recurrence presets → RRULE', () => {
  it('builds each preset with a count', () => {
    expect(buildRule(repeat({ preset: 'none' }), '2027-03-25')).toBeNull();
    expect(buildRule(repeat({ preset: 'weekly', count: '8' }), '2027-03-25')).toBe('FREQ=WEEKLY;COUNT=8');
    expect(buildRule(repeat({ preset: 'biweekly', count: '6' }), '2027-03-25')).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=6');
    expect(buildRule(repeat({ preset: 'monthly_day', count: '10' }), '2027-03-25')).toBe('FREQ=MONTHLY;BYMONTHDAY=25;COUNT=10');
  });

  it('names the weekday of the month: second Thursday, last Friday', () => {
    expect(weekOfMonth('2027-03-11')).toBe(2);
    expect(buildRule(repeat({ preset: 'monthly_weekday', count: '10' }), '2027-03-11')).toBe('FREQ=MONTHLY;BYDAY=2TH;COUNT=10');
    expect(buildRule(repeat({ preset: 'monthly_weekday', count: '3' }), '2027-04-01')).toBe('FREQ=MONTHLY;BYDAY=1TH;COUNT=3');
    expect(buildRule(repeat({ preset: 'monthly_weekday', count: '3' }), '2027-04-30'), 'a fifth Friday is "the last"').toBe('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3');
  });

  it('ends "fino al" at 23:59:59 Rome time of that day, in UTC (winter and summer)', () => {
    expect(romeToUtcStamp('2027-01-15T23:59:59')).toBe('20270115T225959Z');
    expect(romeToUtcStamp('2027-06-30T23:59:59')).toBe('20270630T215959Z');
    expect(romeToUtcStamp('2027-03-25T10:00:00'), 'before the switch: UTC+1').toBe('20270325T090000Z');
    expect(romeToUtcStamp('2027-04-01T15:00:00'), 'after the switch: UTC+2').toBe('20270401T130000Z');
    expect(buildRule(repeat({ preset: 'monthly_weekday', end: 'until', until: '2027-06-30' }), '2027-03-11')).toBe(
      'FREQ=MONTHLY;BYDAY=2TH;UNTIL=20270630T215959Z',
    );
  });

  it('checks the end of the series before sending', () => {
    expect(repeatProblem(repeat({ preset: 'none', count: 'x' }), '2027-03-11')).toBeNull();
    expect(repeatProblem(repeat({ preset: 'weekly', count: '1' }), '2027-03-11')?.field).toBe('count');
    expect(repeatProblem(repeat({ preset: 'weekly', count: '501' }), '2027-03-11')?.key).toBe('meetingForm.repeat.countInvalid');
    expect(repeatProblem(repeat({ preset: 'weekly', count: '12' }), '2027-03-11')).toBeNull();
    expect(repeatProblem(repeat({ preset: 'weekly', end: 'until', until: '' }), '2027-03-11')?.key).toBe('meetingForm.repeat.untilMissing');
    expect(repeatProblem(repeat({ preset: 'weekly', end: 'until', until: '2027-03-11' }), '2027-03-11')?.key).toBe('meetingForm.repeat.untilBeforeStart');
  });
});

describe('a stored rule in words', () => {
  it('describes the presets in Italian', () => {
    expect(describeRule('FREQ=MONTHLY;BYDAY=2TH;COUNT=10')).toBe('ogni mese, il secondo giovedì, 10 volte');
    expect(describeRule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630T215959Z')).toBe('ogni mese, l’ultimo venerdì, fino al 30/06/2027');
    expect(describeRule('RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=6')).toBe('ogni 2 settimane, 6 volte');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=25;COUNT=3')).toBe('ogni mese, il giorno 25, 3 volte');
    expect(describeRule('FREQ=WEEKLY')).toBe('ogni settimana');
  });

  it('shows a rule it does not know as it is', () => {
    expect(describeRule('FREQ=HOURLY;COUNT=3')).toBe('FREQ=HOURLY;COUNT=3');
  });
});
