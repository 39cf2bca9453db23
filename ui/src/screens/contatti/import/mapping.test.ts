import { describe, expect, it } from 'vitest';
import { fieldsByColumn, hasIdentity, mappingPairs, mappingRows, samplesOf, shorten } from './mapping';

describe('column mapping helpers', () => {
  it('takes the first non-blank values of a column as samples', () => {
    const rows = [['a', ''], ['b', '  '], ['c', 'x'], ['d', 'y'], ['e', 'z']];
    expect(samplesOf(rows, 1)).toEqual(['x', 'y']);
    expect(samplesOf(rows, 0, 3)).toEqual(['a', 'b', 'c']);
    expect(samplesOf([['only']], 4), 'a short row has no value there').toEqual([]);
  });

  it('has one row per distinct header, suggested field first, "ignore" when none', () => {
    const rows = mappingRows({
      encoding: 'utf8',
      separator: ';',
      headers: ['Tel', 'Nome', 'Tel', 'Boh'],
      rows: [['', 'Anna', '055 1', '?']],
      total_rows: 1,
      suggested: [
        ['Tel', 'phone'],
        ['Nome', 'given_name'],
      ],
    });
    expect(rows.map((r) => [r.header, r.column, r.field])).toEqual([
      ['Tel', 0, 'phone'],
      ['Nome', 1, 'given_name'],
      ['Boh', 3, 'ignore'],
    ]);
    expect(mappingPairs(rows)).toEqual([
      ['Tel', 'phone'],
      ['Nome', 'given_name'],
      ['Boh', 'ignore'],
    ]);
    expect(fieldsByColumn(['Tel', 'Nome', 'Tel', 'Boh'], rows), 'repeated headers share the field').toEqual([
      'phone',
      'given_name',
      'phone',
      'ignore',
    ]);
    expect(hasIdentity(rows)).toBe(true);
    expect(hasIdentity(rows.filter((r) => r.field !== 'given_name')), 'a phone alone does not identify a person').toBe(false);
  });

  it('cuts long samples by characters, not bytes', () => {
    expect(shorten('breve')).toBe('breve');
    const long = 'à'.repeat(100);
    const cut = shorten(long, 10);
    expect(cut).toBe(`${'à'.repeat(9)}…`);
    expect(Array.from(cut)).toHaveLength(10);
  });
});
