/** The first view of a flow: fitted when that keeps titles readable, else readable from the left. */
import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, readableView } from '../../../src/ui/canvas/Canvas';

describe('readableView', () => {
  it('fits a small flow, never above 100%, centred', () => {
    const v = readableView({ x: 0, y: 0, width: 400, height: 200 }, 1000, 600);
    expect(v.zoom).toBe(1);
    expect(v.x).toBeCloseTo(300);
    expect(v.y).toBeCloseTo(200);
  });
  it('keeps the readable zoom for a wide flow and starts at its left edge', () => {
    const b = { x: 100, y: 50, width: 2400, height: 300 };
    const v = readableView(b, 900, 540);
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(v.x + b.x * v.zoom).toBeCloseTo(40); // the left edge sits at the padding
    expect(v.y + (b.y + b.height / 2) * v.zoom).toBeCloseTo(270); // centred vertically: its height fits
  });
  it('fits a flow that needs a zoom between readable and 100%', () => {
    const v = readableView({ x: 0, y: 0, width: 950, height: 200 }, 1000, 600);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(v.zoom).toBeLessThan(1);
  });
});
