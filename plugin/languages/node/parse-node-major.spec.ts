import { describe, expect, it } from 'vitest';
import { parseNodeMajor } from './parse-node-major';

describe('parseNodeMajor (default 22, supported 20 and 22)', () => {
  it.each([
    ['22', '22'],
    ['v22.3.0', '22'],
    ['22.x', '22'],
    ['^20.11.0', '20'],
    ['~18.19', '18'],
    ['>=22', '22'],
    ['>=18', '22'], // the default is allowed, so it wins over the floor
    ['>=24', '24'], // the default is below the floor
    ['>=18 <23', '22'],
    ['>=18 <21', '20'], // the default is above the ceiling: the newest supported major the range allows
    ['>=20', '22'], // the issue's --nodeVersion ">=20"
    ['^16 || ^18', '18'], // no supported major fits: the highest alternative's lowest major
    ['16', '16'],
    ['>=18 <=22', '22'],
    ['^18 || ^20', '20'], // the highest alternative
    ['lts/*', '22'],
    ['lts/iron', '20'],
    ['node', '22'],
    ['*', '22'],
  ])('%s → %s', (range, major) => {
    expect(parseNodeMajor(range, '22', ['20', '22'])).toBe(major);
  });

  it('returns undefined for text that names no version', () => {
    expect(parseNodeMajor('hello', '22')).toBeUndefined();
  });
});
