/**
 * The shipped policies' lookup tables read real-world spellings: Amazon's
 * category and browse-node names, sub-category paths, brand placeholders and
 * the certificate names sellers actually write. Expected outcomes are decided
 * from the names' meaning, not from the tables.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../packages/core/src/node/index.js';

const root = resolve(import.meta.dirname, '../..');
const loaded = new Map<string, NonNullable<ReturnType<typeof loadPolicy>['policy']>>();
function load(id: string) {
  if (!loaded.has(id)) loaded.set(id, loadPolicy(join(root, 'policies', `${id}.policy`)).policy!);
  return loaded.get(id)!;
}

function firedRules(id: string, record: unknown): string[] {
  const policy = load(id);
  const decoded = policy.decode(record);
  if (!decoded.ok) throw new Error(`record rejected: ${JSON.stringify(decoded.problems)}`);
  return policy.evaluate(decoded.value).map((v) => v.rule.slice(id.length + 1));
}

const request = (listing: Record<string, unknown>, seller: Record<string, unknown> = {}) => ({
  listing: { asin: 'B0TEST0001', brand: 'Generic', ...listing },
  offer: { brand: 'Generic', stock: 50 },
  seller,
});

describe('follow-selling: gated categories by any of their names', () => {
  const gated = [
    'Watches', 'watch', 'Wristwatches', 'Clothing, Shoes & Jewelry > Men > Watches', 'Jewelry', 'Jewellery', 'fine jewelry',
    'Clothing, Shoes & Jewelry > Women > Jewelry > Rings', 'Grocery & Gourmet Food', 'Grocery and Gourmet Foods', 'grocery',
    'Collectibles & Fine Art > Coins & Paper Money', 'Collectible Coins', 'Sports Collectibles', 'Collectibles & Fine Art › Entertainment Collectibles',
    'Movies & TV', 'Video, DVD & Blu-ray', 'Blu-ray', 'CDs & Vinyl', 'Music', 'Automotive', 'Automotive Parts & Accessories',
    'Automotive>Replacement Parts', 'Beauty & Personal Care > Luxury Beauty', 'Fine Art', 'Made in Italy', 'Streaming Media Players',
    'Uhren', 'Schmuck', 'Bijoux',
  ];
  it.each(gated)('%s needs approval', (category) => {
    expect(firedRules('follow-selling', request({ category }))).toContain('category-approval-missing');
  });
  const open = [
    'Home & Kitchen', 'Toys & Games > Puzzles', 'Electronics > Headphones', 'Kitchen & Dining', 'Sports & Outdoors',
    'Clothing, Shoes & Jewelry > Women > Clothing', 'Tools & Home Improvement', 'Pet Supplies', 'Office Products',
  ];
  it.each(open)('%s needs no approval', (category) => {
    expect(firedRules('follow-selling', request({ category }))).not.toContain('category-approval-missing');
  });
  const approvals: Array<[string, string]> = [
    ['Watches', 'watch'],
    ['Clothing, Shoes & Jewelry > Women > Jewelry', 'Fine Jewellery'],
    ['Movies & TV > Blu-ray', 'Video, DVD & Blu-ray'],
    ['Collectibles & Fine Art > Coins & Paper Money', 'collectible coins'],
    ['Grocery & Gourmet Food', 'Grocery and Gourmet Foods'],
  ];
  it.each(approvals)('%s is covered by an approval for %s', (category, approved) => {
    expect(firedRules('follow-selling', request({ category }, { approvedCategories: [approved] }))).not.toContain('category-approval-missing');
  });
  it('an approval for another gated category does not count', () => {
    expect(firedRules('follow-selling', request({ category: 'Watches' }, { approvedCategories: ['Jewelry'] }))).toContain('category-approval-missing');
  });
});

describe('follow-selling: brand placeholders mean "no brand"', () => {
  const placeholders = ['Generic', 'GENERIC', 'no brand', 'No-Brand', 'NoBrand', 'no_brand', 'Unbranded', 'Non-Branded', 'N/A', 'n.a', 'None', 'OEM', 'Brandless', 'No Name', 'ohne Marke', 'Sans marque', 'Sin marca', 'Genérico'];
  it.each(placeholders)('%s needs no brand authorization', (brand) => {
    const fired = firedRules('follow-selling', { ...request({ brand }), offer: { brand, stock: 50 } });
    expect(fired).not.toContain('brand-authorization-missing');
    expect(fired).not.toContain('branded-listing');
  });
  it.each(['Genericon', 'Brandt', 'Nonesuch'])('%s is a real brand', (brand) => {
    expect(firedRules('follow-selling', { ...request({ brand }), offer: { brand, stock: 50 } })).toContain('brand-authorization-missing');
  });
});

describe('product-certification: certificates by the names sellers write', () => {
  const satisfies: Array<[string, string, Record<string, unknown>]> = [
    // [certificate type, category, feature flags]
    ['CPC', 'Baby', {}],
    ["Children's Product Certificate", 'Baby Products', {}],
    ['Childrens Product Certificate (CPC)', 'Baby', {}],
    ['CPSIA certificate', 'Baby', {}],
    ['FCC', 'Electronics', {}],
    ['FCC ID: 2AXYZ-100', 'Electronics', {}],
    ['FCC Part 15B', 'Electronics', {}],
    ['47 CFR Part 15', 'Electronics', {}],
    ['CE', 'Electronics', {}],
    ['CE Marking', 'Electronics', {}],
    ['CE-EMC', 'Electronics', {}],
    ['CE (LVD)', 'Electronics', {}],
    ['EU Declaration of Conformity', 'Electronics', {}],
    ['2014/30/EU', 'Electronics', {}],
    ['UL', 'Lighting', {}],
    ['UL 1598', 'Lighting & Ceiling Fans', {}],
    ['UL Listed', 'Lamps', {}],
    ['ETL Listed', 'LIGHT_BULB', {}],
    ['cETLus', 'Tools & Home Improvement > Lighting & Ceiling Fans > Ceiling Lights', {}],
    ['E-mark', 'Car Ambient Lights', {}],
    ['E Mark', 'Automotive > Lights & Lighting Accessories', {}],
    ['FMVSS 108', 'Automotive > Lights & Lighting Accessories', {}],
    ['SDS', 'Beauty > Makeup', {}],
    ['Safety Data Sheet', 'Skin Care', {}],
    ['Material Safety Data Sheet (MSDS)', 'Cosmetics', {}],
    ['LFGB', 'Kitchen & Dining > Food Storage', {}],
    ['FDA 21 CFR 177', 'Cookware', {}],
    ['NIOSH N95', 'Face Masks', {}],
    ['UN38.3', 'Home & Kitchen', { containsBattery: true }],
    ['UN 38.3', 'Home & Kitchen', { containsBattery: true }],
    ['UN38.3 Test Summary', 'Home & Kitchen', { containsBattery: true }],
    ['UN 38.3 Rev. 7', 'Home & Kitchen', { containsBattery: true }],
    ['CE-RED', 'Home & Kitchen', { wireless: true }],
    ['CE RED 2014/53/EU', 'Home & Kitchen', { wireless: true }],
    ['Radio Equipment Directive', 'Home & Kitchen', { wireless: true }],
    ['EN 71', 'Home & Kitchen', { forChildren: true }],
    ['EN71-1:2014+A1:2018', 'Home & Kitchen', { forChildren: true }],
    ['DIN EN 71-3', 'Home & Kitchen', { forChildren: true }],
    ['BS EN 71-3:2019', 'Home & Kitchen', { forChildren: true }],
    ['ASTM F963-17', 'Home & Kitchen', { forChildren: true }],
    ['ASTM F-963', 'Home & Kitchen', { forChildren: true }],
    ['UKCA', 'Home & Kitchen', { mainsPowered: true }],
  ];
  it.each(satisfies)('%s satisfies %s', (type, category, flags) => {
    expect(firedRules('product-certification', { sku: 'X-1', category, ...flags, certificates: [{ type }] })).not.toContain('missing-certificate');
  });
  const fails: Array<[string, string, Record<string, unknown>]> = [
    ['ISO 9001', 'Electronics', {}],
    ['Certificate of Analysis', 'Lighting', {}],
    ['ULTRA test', 'Lighting', {}],
    ['RoHS', 'Electronics', {}],
    ['UN38', 'Home & Kitchen', { containsBattery: true }],
    ['EN 710', 'Home & Kitchen', { forChildren: true }],
    ['FCC', 'Toys & Games', {}],
    ['CPC', 'Toys & Games > Puzzles', {}],
  ];
  it.each(fails)('%s does not satisfy %s', (type, category, flags) => {
    expect(firedRules('product-certification', { sku: 'X-1', category, ...flags, certificates: [{ type }] })).toContain('missing-certificate');
  });
});
