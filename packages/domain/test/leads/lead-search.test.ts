import { describe, expect, it } from 'vitest';
import { leadMatchesSearch, leadSearchOf, leadSearchSql } from '../../src/leads/lead-search.ts';

describe('what the search box looks for', () => {
  it.each([
    // [typed, looked for, email start?, phone prefix range, phone ends (null: not a phone search)]
    ['  Müller ', 'müller', true, null, null],
    ['Ana M', 'ana m', false, null, null],
    ['ana@exa', 'ana@exa', true, null, null],
    // With a country code: the numbers that start with it, however it is written.
    ['+1 (415) 200-01', '+1 (415) 200-01', false, { from: '+141520001', to: '+141520002' }, []],
    // 00 may be the international prefix or the start of the last digits: both are looked for.
    ['0044 20 7946', '0044 20 7946', false, { from: '+44207946', to: '+44207947' }, ['0044207946']],
    ['0012', '0012', true, null, ['0012']],
    ['00123', '00123', true, { from: '+123', to: '+124' }, ['00123']],
    ['+1419', '+1419', true, { from: '+1419', to: '+142' }, []],
    ['+１４１５', '+１４１５', true, { from: '+1415', to: '+1416' }, []],
    // Without one: its start read as a country code, or the end of the number (national number, last digits).
    ['415.200.0123', '415.200.0123', true, { from: '+4152000123', to: '+4152000124' }, ['4152000123']],
    ['0123', '0123', true, { from: '+0123', to: '+0124' }, ['0123', '123']],
    ['020 7946 0958', '020 7946 0958', false, { from: '+02079460958', to: '+02079460959' }, ['02079460958', '2079460958']],
    ['999', '999', true, null, ['999']],
    ['4-1-5', '4-1-5', true, { from: '+415', to: '+416' }, ['415']],
    // Too few digits to be a phone search; letters make it a name.
    ['12', '12', true, null, null],
    ['+44 20 x', '+44 20 x', false, null, null],
  ])('%j', (typed, text, email, prefix, suffixes) => {
    expect(leadSearchOf(typed)).toEqual({ text, email, phone: suffixes === null ? null : { prefix, suffixes } });
  });

  it.each([[undefined], [''], ['   ']])('a blank search (%j) finds everything', (typed) => {
    expect(leadSearchOf(typed)).toBeNull();
  });

  it('asks for each kind of match with its own parameters, LIKE wildcards kept literal', () => {
    const phone = leadSearchOf('0123');
    expect(phone && leadSearchSql(phone)).toEqual({
      sql:
        '(lower("name") like ? escape \'\\\' or lower("email") like ? escape \'\\\' or (phone >= ? and phone < ?) ' +
        'or reverse("phone") like ? escape \'\\\' or reverse("phone") like ? escape \'\\\')',
      params: ['%0123%', '0123%', '+0123', '+0124', '3210%', '321%'],
    });
    const name = leadSearchOf('Ana M');
    expect(name && leadSearchSql(name)).toEqual({ sql: '(lower("name") like ? escape \'\\\')', params: ['%ana m%'] });
    const wild = leadSearchOf('special_100%');
    expect(wild && leadSearchSql(wild).params).toEqual(['%special\\_100\\%%', 'special\\_100\\%%']);
  });

  const priya = { name: 'Priya Shah', phone: '+442079460958', email: 'Priya.Shah@Example.co.uk' };
  const sam = { name: 'Sam Ortiz', phone: '+14152000958', email: null };
  it.each([
    ['+44 20 7946 0958', [priya]],
    ['0044 20', [priya]],
    ['020 7946 0958', [priya]],
    ['(415) 200-0958', [sam]],
    ['1415200', [sam]],
    ['0958', [priya, sam]],
    ['00958', [sam]],
    ['priya.shah@example', [priya]],
    ['example.co.uk', []],
    ['ortiz', [sam]],
    ['a sh', [priya]],
    ['7946 09', []],
    ['special_1', []],
  ])('the console places a lead as the list would: %j', (typed, expected) => {
    const search = leadSearchOf(typed);
    expect(search && [priya, sam].filter((lead) => leadMatchesSearch(lead, search))).toEqual(expected);
  });
});
