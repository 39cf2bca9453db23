import { describe, expect, it } from 'vitest';
import {
  ACTION_PRIORITIES,
  ACTION_SORTS,
  ACTION_STATUSES,
  ASLS,
  aslName,
  aslShortName,
  ATTENDANCES,
  AUDIT_ACTIONS,
  DUE_WINDOWS,
  isAslCode,
  isOneOf,
  MEETING_KINDS,
  MEETING_STATUSES,
  ORG_KINDS,
  SAI_STATUSES,
  SCOPE_KINDS,
} from './vocab';

describe('vocab', () => {
  it('lists the three ASL in the core order (AslCode::ALL) with the official names', () => {
    expect(ASLS).toEqual(['nord-ovest', 'centro', 'sud-est']);
    expect(ASLS.map(aslName)).toEqual(['Azienda USL Toscana nord-ovest', 'Azienda USL Toscana centro', 'Azienda USL Toscana sud-est']);
    expect(aslShortName('sud-est')).toBe('ASL sud-est');
  });

  it('keeps each list in display order, each value once', () => {
    expect(MEETING_STATUSES).toEqual(['planned', 'confirmed', 'held', 'postponed', 'cancelled']);
    expect(ACTION_STATUSES).toEqual(['open', 'in_progress', 'waiting', 'done', 'cancelled']);
    expect(ACTION_PRIORITIES).toEqual(['high', 'normal', 'low']);
    expect(ATTENDANCES).toEqual(['invited', 'present', 'absent', 'excused', 'delegated']);
    expect(SCOPE_KINDS[0]).toBe('none');
    expect(MEETING_KINDS).toHaveLength(9);
    expect(MEETING_KINDS.at(-1)).toBe('altro');
    expect(SAI_STATUSES).toHaveLength(9);
    expect(SAI_STATUSES[0]).toBe('not_engaged');
    expect(ORG_KINDS[0]).toBe('comune');
    expect(DUE_WINDOWS).toEqual(['overdue', 'today', 'this_week', 'next_30', 'no_date']);
    expect(ACTION_SORTS[0]).toBe('due');
    expect(AUDIT_ACTIONS).toEqual(['create', 'update', 'delete', 'import', 'export', 'migrate']);
    const lists = [MEETING_KINDS, MEETING_STATUSES, ATTENDANCES, SCOPE_KINDS, ACTION_STATUSES, ACTION_PRIORITIES, DUE_WINDOWS, ACTION_SORTS];
    for (const list of [...lists, SAI_STATUSES, ORG_KINDS, AUDIT_ACTIONS, ASLS]) {
      expect(new Set(list).size).toBe(list.length);
      expect(Object.isFrozen(list), 'a shared list cannot be changed by one screen').toBe(true);
    }
  });

  it('recognises a member and refuses anything else', () => {
    expect(isAslCode('centro')).toBe(true);
    expect(isAslCode('Centro')).toBe(false);
    expect(isAslCode(null)).toBe(false);
    expect(isAslCode(undefined)).toBe(false);
    expect(isOneOf(ACTION_STATUSES, 'done')).toBe(true);
    expect(isOneOf(ACTION_STATUSES, 'held')).toBe(false);
  });
});
