// A slide's subject never lands under what is drawn over the map.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearPadding, inClearArea } from '../../src/briefing/framing';
import type { Rect } from '../../src/briefing/overlay-boxes';

const SIZE = { width: 1536, height: 560 };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** An overlay in one corner of the map, as the legend, scale bar, north arrow and inset are. */
const cornerOverlay = fc.record({ corner: fc.integer({ min: 0, max: 3 }), width: fc.integer({ min: 20, max: 500 }), height: fc.integer({ min: 20, max: 260 }) }).map(({ corner, width, height }): Rect => ({
  x: corner % 2 === 0 ? 10 : SIZE.width - 10 - width,
  y: corner < 2 ? 10 : SIZE.height - 10 - height,
  width,
  height,
}));

describe('framing a slide clear of its overlays', () => {
  it('leaves a clear area that no overlay touches, for any corner layout and subject shape (property)', () => {
    fc.assert(
      fc.property(fc.array(cornerOverlay, { maxLength: 4 }), fc.oneof(fc.constant(1), fc.constant(Infinity), fc.double({ min: 0.05, max: 20, noNaN: true })), (overlays, aspect) => {
        const padding = clearPadding(SIZE, overlays, 20, aspect);
        if (!padding) return; // said so: no room at all (checked below)
        const clear: Rect = { x: padding.left, y: padding.top, width: SIZE.width - padding.left - padding.right, height: SIZE.height - padding.top - padding.bottom };
        expect(clear.width).toBeGreaterThan(0);
        expect(clear.height).toBeGreaterThan(0);
        for (const overlay of overlays) expect(overlaps(clear, overlay), JSON.stringify({ clear, overlay })).toBe(false);
        // A subject fitted into the padded area: its corners are in the clear area.
        expect(inClearArea([clear.x, clear.y], SIZE, padding) && inClearArea([clear.x + clear.width, clear.y + clear.height], SIZE, padding)).toBe(true);
      }),
    );
  });

  it('avoids a tall legend on the left by padding the left side for a wide route, the top for a point', () => {
    const legend: Rect = { x: 20, y: 15, width: 300, height: 400 };
    expect(clearPadding(SIZE, [legend], 0, Infinity)).toMatchObject({ left: 0, top: 415 });
    expect(clearPadding(SIZE, [legend], 0, 1)).toMatchObject({ left: 320, top: 0 });
  });

  it('says when overlays leave no room', () => {
    expect(clearPadding({ width: 100, height: 100 }, [{ x: 0, y: 0, width: 100, height: 100 }], 0)).toBeNull();
  });
});
