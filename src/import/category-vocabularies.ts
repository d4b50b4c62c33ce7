// Categories as other people's files write them (ACLED event types, everyday words) → Tripwire's
// categories, suggested in the mapping step. Values without a clear match stay their own category.
import { isKnownCategory, type Category } from '../data/vocabulary';
import { slugify } from './csv-ids';

/**
 * Keyed by slug, so case, spacing and punctuation do not matter ("Air/drone strike" → "air-drone-strike").
 * Only meanings that match plainly: "Violence against civilians", "Protests" or "Riots" have no
 * Tripwire equivalent and are kept as their own categories rather than misfiled.
 */
const CATEGORY_SYNONYMS: Readonly<Record<string, Category>> = {
  // ACLED event types
  battles: 'military-activity',
  'explosions-remote-violence': 'military-activity',
  'strategic-developments': 'policy',
  // ACLED sub-event types
  'armed-clash': 'military-activity',
  'government-regains-territory': 'military-activity',
  'non-state-actor-overtakes-territory': 'military-activity',
  'air-drone-strike': 'military-activity',
  'shelling-artillery-missile-attack': 'military-activity',
  'remote-explosive-landmine-ied': 'military-activity',
  grenade: 'military-activity',
  'suicide-bomb': 'military-activity',
  'headquarters-or-base-established': 'military-activity',
  'disrupted-weapons-use': 'military-activity',
  agreement: 'diplomacy',
  arrests: 'policy',
  'change-to-group-activity': 'policy',
  // Everyday words
  'missile-launch': 'missile-test',
  'ballistic-missile': 'missile-test',
  launch: 'missile-test',
  summit: 'diplomacy',
  meeting: 'diplomacy',
  talks: 'diplomacy',
  visit: 'diplomacy',
  diplomatic: 'diplomacy',
  sanction: 'sanctions',
  drill: 'exercise',
  'joint-exercise': 'exercise',
  speech: 'statement',
  announcement: 'statement',
  'arms-transfer': 'weapons-transfer',
  'arms-deal': 'weapons-transfer',
  'weapons-delivery': 'weapons-transfer',
  shipment: 'weapons-transfer',
  'air-incursion': 'military-activity',
  patrol: 'military-activity',
  deployment: 'military-activity',
  military: 'military-activity',
};

// A Map, so that a value such as "constructor" finds nothing rather than Object.prototype's.
const SYNONYMS = new Map(Object.entries(CATEGORY_SYNONYMS));
const matchSlug = (slug: string): Category | undefined => (isKnownCategory(slug) ? slug : SYNONYMS.get(slug));

/** Kebab-case that keeps letters outside Latin ("군사 훈련" → "군사-훈련"), where slugify would leave nothing. */
const unicodeKebab = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** A category as written in someone's file → Tripwire's category where the meaning matches, else the value itself in kebab-case (kept as its own category). Empty → null. */
export function suggestCategory(value: string): string | null {
  const slug = slugify(value);
  if (slug === '') return unicodeKebab(value) || null;
  // A plain plural ("Drills", "Exercises") means the same as the singular.
  return matchSlug(slug) ?? (slug.endsWith('s') ? matchSlug(slug.slice(0, -1)) : undefined) ?? slug;
}

/**
 * For the mapping step: the distinct values of a category column (most frequent first, at most
 * `limit`), each with its suggestion. Keys are the values trimmed, as the rows are read.
 */
export function suggestCategories(values: readonly string[], limit = 50): Record<string, string> {
  const counts = new Map<string, number>();
  for (const raw of values) {
    const value = raw.trim();
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  // Map order is first appearance and sort is stable, so equally frequent values keep file order.
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1]);
  const suggestions: [string, string][] = [];
  for (const [value] of byFrequency) {
    if (suggestions.length >= limit) break;
    const suggestion = suggestCategory(value);
    if (suggestion !== null) suggestions.push([value, suggestion]);
  }
  // fromEntries defines own keys, so a value written "__proto__" is a key like any other.
  return Object.fromEntries(suggestions);
}
