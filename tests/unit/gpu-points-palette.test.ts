import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_COLORS, setScenarioCategories, UNKNOWN_COLOR } from '../../src/data/vocabulary';
import { timePointsFromEvents } from '../../src/map/gpu-points/from-events';
import { CATEGORY_PALETTE, hexToRgb, MAX_PALETTE_SIZE, paletteToFloatArray, PALETTE_SIZE, UNKNOWN_CATEGORY_INDEX } from '../../src/map/gpu-points/palette';
import { deepFreeze } from './fixtures';

describe('palette', () => {
  it('reads #rrggbb into 0..1 channels', () => {
    expect(hexToRgb('#ff8000')).toEqual([1, 128 / 255, 0]);
    expect(() => hexToRgb('red')).toThrow(/#rrggbb/);
  });

  it('flattens colours into RGBA floats with opaque alpha', () => {
    expect([...paletteToFloatArray(['#000000', '#ffffff'])]).toEqual([0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('holds the app’s category colours in CATEGORIES order, then grey for unknown categories', () => {
    const colourAt = (index: number) => [...CATEGORY_PALETTE.slice(index * 4, index * 4 + 3)];
    CATEGORIES.forEach((category, index) => expect(colourAt(index)).toEqual(hexToRgb(CATEGORY_COLORS[category]).map(Math.fround)));
    expect(colourAt(UNKNOWN_CATEGORY_INDEX)).toEqual(hexToRgb(UNKNOWN_COLOR).map(Math.fround));
    expect(CATEGORY_PALETTE).toHaveLength(PALETTE_SIZE * 4);
  });
});

describe('timePointsFromEvents', () => {
  const events = deepFreeze([
    { geometry: { type: 'Point' as const, coordinates: [131.9, 43.1] }, start: 100, end: 130, category: 'diplomacy' },
    { geometry: { type: 'LineString' as const, coordinates: [[120, 30], [125, 35], [130, 40]] }, start: 200, end: 200, category: 'exercise' },
    { geometry: { type: 'Point' as const, coordinates: [127, 37] }, start: 300, end: 300, category: 'cyber' },
  ]);
  const points = timePointsFromEvents(events);

  it('keeps the order, the days and the position of every event (a route at its middle vertex)', () => {
    expect(points.count).toBe(3);
    expect([...points.lon]).toEqual([131.9, 125, 127]);
    expect([...points.lat]).toEqual([43.1, 35, 37]);
    expect([...points.start]).toEqual([100, 200, 300]);
    expect([...points.end]).toEqual([130, 200, 300]);
  });

  it('turns categories into palette indices: the vocabulary’s first, then others in their own grey slot', () => {
    expect([...points.category]).toEqual([CATEGORIES.indexOf('diplomacy'), CATEGORIES.indexOf('exercise'), CATEGORIES.length]);
    const colourAt = (index: number) => [...points.palette.slice(index * 4, index * 4 + 3)];
    expect(colourAt(CATEGORIES.length)).toEqual(hexToRgb(UNKNOWN_COLOR).map(Math.fround));
  });

  it('gives a scenario’s own category the scenario’s colour', () => {
    setScenarioCategories({ cyber: { color: '#123456' } });
    try {
      const own = timePointsFromEvents(events);
      expect([...own.palette.slice(CATEGORIES.length * 4, CATEGORIES.length * 4 + 3)]).toEqual(hexToRgb('#123456').map(Math.fround));
    } finally {
      setScenarioCategories();
    }
  });

  it('draws past the palette’s size in its last slot, grey', () => {
    const many = Array.from({ length: MAX_PALETTE_SIZE + 5 }, (_, index) => ({ ...events[0]!, category: `own-${index}` }));
    const crowded = timePointsFromEvents(many);
    expect(Math.max(...crowded.category)).toBe(MAX_PALETTE_SIZE - 1);
    expect(crowded.palette).toHaveLength(MAX_PALETTE_SIZE * 4);
  });

  it('marks routes as not dots, and the events of ringed (imported) sets', () => {
    expect([...points.asDot]).toEqual([1, 0, 1]);
    const ringed = timePointsFromEvents([{ ...events[0]!, eventSetId: 'mine' }, { ...events[2]!, eventSetId: 'article' }], new Set(['mine']));
    expect([...ringed.ringed]).toEqual([1, 0]);
  });
});
