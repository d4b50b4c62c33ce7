// The fixed vocabularies of the event format (mirrored in public/events.schema.json).

export const CATEGORIES = [
  'military-activity',
  'missile-test',
  'weapons-transfer',
  'diplomacy',
  'sanctions',
  'exercise',
  'statement',
  'policy',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  'military-activity': 'Military activity',
  'missile-test': 'Missile test',
  'weapons-transfer': 'Weapons transfer',
  diplomacy: 'Diplomacy',
  sanctions: 'Sanctions',
  exercise: 'Exercise',
  statement: 'Statement',
  policy: 'Policy',
};

/** Colour-blind-safe (Okabe–Ito based), distinct on a muted basemap and in greyscale by lightness. */
export const CATEGORY_COLORS: Record<Category, string> = {
  'military-activity': '#d55e00',
  'missile-test': '#cc3311',
  'weapons-transfer': '#882255',
  diplomacy: '#0072b2',
  sanctions: '#6a5acd',
  exercise: '#e69f00',
  statement: '#009e73',
  policy: '#555555',
};

export const ACTORS = ['RUS', 'PRK', 'KOR', 'CHN', 'JPN', 'USA', 'UKR', 'VNM', 'Wagner', 'UN'] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_LABELS: Record<Actor, string> = {
  RUS: 'Russia',
  PRK: 'North Korea',
  KOR: 'South Korea',
  CHN: 'China',
  JPN: 'Japan',
  USA: 'United States',
  UKR: 'Ukraine',
  VNM: 'Vietnam',
  Wagner: 'Wagner Group',
  UN: 'United Nations',
};

/** Files may use categories and actors outside our vocabulary: allowed, flagged, drawn grey. */
export const UNKNOWN_COLOR = '#8a8a8a';
export const isKnownCategory = (category: string): category is Category => (CATEGORIES as readonly string[]).includes(category);
export const isKnownActor = (actor: string): actor is Actor => (ACTORS as readonly string[]).includes(actor);

/**
 * How the open scenario names and colours categories (its document's `categories`): its own
 * ("cable-incident") or the vocabulary's, recoloured. Set by the store whenever a scenario opens,
 * so every panel and the map read one answer.
 */
let scenarioCategories: Readonly<Record<string, { label?: string | undefined; color?: string | undefined }>> = {};
export const setScenarioCategories = (categories: typeof scenarioCategories = {}) => {
  scenarioCategories = categories;
};
/** The scenario's own categories beyond the vocabulary, in its document's order (for the legend, filters and the form). */
export const scenarioOwnCategories = () => Object.keys(scenarioCategories).filter((category) => !isKnownCategory(category));

export const categoryColor = (category: string) => scenarioCategories[category]?.color ?? (isKnownCategory(category) ? CATEGORY_COLORS[category] : UNKNOWN_COLOR);
export const categoryLabel = (category: string) => scenarioCategories[category]?.label ?? (isKnownCategory(category) ? CATEGORY_LABELS[category] : category);
export const actorLabel = (actor: string) => (isKnownActor(actor) ? ACTOR_LABELS[actor] : actor);

export const STATUSES = ['reported', 'confirmed', 'alleged', 'claimed', 'denied', 'expected'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  reported: 'Reported',
  confirmed: 'Confirmed',
  alleged: 'Alleged',
  claimed: 'Claimed',
  denied: 'Denied',
  expected: 'Expected',
};
