// Edits of a scenario's geography as pure functions on its head: each returns a new head and
// leaves the given one untouched (the undo history and other tabs keep the old one), sharing
// every layer it did not change. Nothing here checks: `checkHead` says whether the result is a
// document the app would open, with the same checks as opening a file.
import { referenceIssues } from '../open-scenario';
import { scenarioHeadSchema, type ScenarioFeature, type ScenarioHead, type ScenarioLayer } from '../scenario-schema';
import { issuesOf, type ValidationIssue } from '../validate';

/** Adds `feature` to layer `layerId`, or replaces the feature of that layer with its id. */
export function withFeature(head: ScenarioHead, layerId: string, feature: ScenarioFeature): ScenarioHead {
  if (!head.layers.some((layer) => layer.id === layerId)) throw new Error(`The scenario has no layer "${layerId}"`);
  const id = feature.properties.id;
  return {
    ...head,
    layers: head.layers.map((layer) => {
      if (layer.id !== layerId) return layer;
      const at = layer.features.findIndex((candidate) => candidate.properties.id === id);
      const features = at < 0 ? [...layer.features, feature] : layer.features.map((candidate, index) => (index === at ? feature : candidate));
      return { ...layer, features };
    }),
  };
}

/** The head without the feature with this id, in whichever layer it is. */
export function withoutFeature(head: ScenarioHead, featureId: string): ScenarioHead {
  return {
    ...head,
    layers: head.layers.map((layer) =>
      layer.features.some((feature) => feature.properties.id === featureId) ? { ...layer, features: layer.features.filter((feature) => feature.properties.id !== featureId) } : layer,
    ),
  };
}

/** The head with a new layer on top of the others (drawn last, listed first in the legend). */
export const withLayer = (head: ScenarioHead, layer: ScenarioLayer): ScenarioHead => ({ ...head, layers: [...head.layers, layer] });

/**
 * The problems that would make the app refuse this head as a document: its schema, then (as
 * when a file is opened) the references between its parts. Empty: it can be saved.
 */
export function checkHead(head: ScenarioHead): ValidationIssue[] {
  const parsed = scenarioHeadSchema.safeParse(head);
  if (!parsed.success) return issuesOf(parsed.error, '');
  return referenceIssues(head);
}

/** The layer holding the feature with this id. */
export const layerOfFeature = (head: Pick<ScenarioHead, 'layers'>, featureId: string): ScenarioLayer | undefined =>
  head.layers.find((layer) => layer.features.some((feature) => feature.properties.id === featureId));

/** Every feature id of the head: a new one must differ from all of them, whatever its layer. */
export const featureIdsOf = (head: Pick<ScenarioHead, 'layers'>): Set<string> => new Set(head.layers.flatMap((layer) => layer.features.map((feature) => feature.properties.id)));

/**
 * A kebab-case id from a name that none of `taken` uses: "Patrol box (north)" → "patrol-box-north",
 * then "patrol-box-north-2". Names without a latin letter or digit get `fallback`.
 */
export function uniqueId(name: string, taken: ReadonlySet<string>, fallback = 'feature'): string {
  // Accents come off (NFKD splits "š" into "s" and a combining mark), the rest becomes hyphens.
  const base = name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 90).replace(/-$/, '') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}
