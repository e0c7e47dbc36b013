import { describe, expect, it } from 'vitest';
import { packHref, packLanguage, packRunIds } from '../../renderer/areas/reports/pack/pack-route.ts';

describe('the investor pack’s address', () => {
  it('names the runs in the analyst’s order and reads them back', () => {
    expect(packHref([3, 1, 12])).toBe('#/reports/pack?runs=3,1,12');
    expect(packRunIds(packHref([3, 1, 12]))).toEqual([3, 1, 12]);
    expect(packRunIds('#/reports/pack?runs= 4 , 5')).toEqual([4, 5]);
  });

  it('refuses an address without runs or with anything but positive whole run numbers', () => {
    expect(packRunIds('#/reports/pack')).toBeNull();
    expect(packRunIds('#/reports/pack?runs=')).toBeNull();
    expect(packRunIds('#/reports/pack?runs=1,0')).toBeNull();
    expect(packRunIds('#/reports/pack?runs=1,x')).toBeNull();
    expect(packRunIds('#/reports/pack?runs=1.5')).toBeNull();
    expect(packRunIds('#/reports/pack?runs=1,,2')).toBeNull();
  });

  it('carries the pack’s language, English or Chinese; without one (or an unknown one) the UI’s decides', () => {
    expect(packHref([2, 5], 'zh-CN')).toBe('#/reports/pack?runs=2,5&lang=zh-CN');
    expect(packRunIds(packHref([2, 5], 'zh-CN'))).toEqual([2, 5]);
    expect(packLanguage(packHref([2, 5], 'zh-CN'))).toBe('zh-CN');
    expect(packLanguage(packHref([2, 5], 'en'))).toBe('en');
    expect(packLanguage(packHref([2, 5]))).toBeNull();
    expect(packLanguage('#/reports/pack?runs=2&lang=fr')).toBeNull();
  });
});
