import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layersOf } from '../../src/layers';
import { openScenario } from '../../src/data/open-scenario';
import { readBuiltInScenario } from './public-files';

const opened = openScenario(readBuiltInScenario());
if (!opened.ok) throw new Error('the built-in scenario does not open');
const LAYERS = layersOf(opened.value.head).all;
import { buildStyle } from '../../src/layers/style';

describe('the map style', () => {
  const style = buildStyle(LAYERS, {}, 'http://tripwire.test/app/index.html');

  it('asks no glyph or sprite server for anything, so labels use local fonts offline', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('only points its sources at files that ship with the app', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      if (!('data' in source) || typeof source.data !== 'string') continue;
      expect(source.data, id).not.toMatch(/^[a-z]+:\/\//i);
      expect(statSync(new URL(`../../public/${source.data}`, import.meta.url)).isFile(), id).toBe(true);
    }
  });

  it('asks for vector tiles at absolute URLs beside the page, placeholders intact (the worker cannot resolve relative ones)', () => {
    const tiles = Object.values(style.sources).flatMap((source) => ('tiles' in source && source.tiles ? source.tiles : []));
    expect(tiles).toEqual(['pmtiles://http://tripwire.test/app/geo/basemap.pmtiles/{z}/{x}/{y}']);
  });

  it('has unique layer ids', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('an optional remote basemap', () => {
  it("keeps the remote style's own layers at the bottom and puts every data layer on top", async () => {
    const { onRemoteBasemap } = await import('../../src/layers/style');
    const { BASEMAP_LAYER_ID, basemapLabelsLayer } = await import('../../src/layers/basemap');
    const remote = { version: 8 as const, glyphs: 'https://example.invalid/{fontstack}/{range}.pbf', sources: {}, layers: [{ id: 'remote-background', type: 'background' as const }] };
    const dataLayers = LAYERS.filter((layer) => layer.id !== BASEMAP_LAYER_ID && layer !== basemapLabelsLayer);
    const merged = onRemoteBasemap(remote, dataLayers, {}, 'http://tripwire.test/');
    expect(merged.layers[0]!.id).toBe('remote-background');
    expect(merged.layers.map((layer) => layer.id)).toContain('event-routes');
    expect(merged.layers.map((layer) => layer.id)).not.toContain('basemap-land');
    expect(merged.glyphs).toBe(remote.glyphs);
  });
});
