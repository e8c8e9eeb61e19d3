/**
 * [Options] The plan of an option for export, as plain shapes in millimetres: the room outline
 * with each wall's length, and every piece's footprint (at its rotation) with its name. Painted
 * as vectors into the PDF and onto a 2D canvas for the PNG. Pure.
 */
import { footprintOf } from '../../core/geometry/index.ts';
import type { PlacedItem, PlanPoint } from '../../core/room.ts';

export interface PlanShape {
  readonly outline: readonly PlanPoint[];
  readonly walls: readonly { readonly from: PlanPoint; readonly to: PlanPoint; readonly lengthMm: number }[];
  readonly pieces: readonly { readonly corners: readonly PlanPoint[]; readonly centre: PlanPoint; readonly label: string }[];
  readonly bounds: { readonly minX: number; readonly minY: number; readonly width: number; readonly depth: number };
}

export function planShape(outline: readonly PlanPoint[], items: readonly PlacedItem[], sizeOf: (item: PlacedItem) => { widthMm: number; depthMm: number; name: string } | null): PlanShape {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const walls = outline.map((from, i) => {
    const to = outline[(i + 1) % outline.length]!;
    return { from, to, lengthMm: Math.round(Math.hypot(to.x - from.x, to.y - from.y)) };
  });
  const pieces = items.flatMap((item) => {
    const size = sizeOf(item);
    if (!size) return [];
    const fp = footprintOf(size, item);
    return [{ corners: fp.corners, centre: fp.centre, label: size.name }];
  });
  return { outline, walls, pieces, bounds: { minX, minY, width: Math.max(...xs) - minX, depth: Math.max(...ys) - minY } };
}

/** Maps plan millimetres into a box of `width × height` units with a margin, keeping proportions. */
export function fitPlan(bounds: PlanShape['bounds'], width: number, height: number, margin: number): { scale: number; at: (p: PlanPoint) => PlanPoint } {
  const scale = Math.min((width - 2 * margin) / Math.max(bounds.width, 1), (height - 2 * margin) / Math.max(bounds.depth, 1));
  const offsetX = margin + (width - 2 * margin - bounds.width * scale) / 2;
  const offsetY = margin + (height - 2 * margin - bounds.depth * scale) / 2;
  return { scale, at: (p) => ({ x: offsetX + (p.x - bounds.minX) * scale, y: offsetY + (p.y - bounds.minY) * scale }) };
}

/** The plan on a 2D canvas (the PNG export). */
export function paintPlan(context: CanvasRenderingContext2D, shape: PlanShape, width: number, height: number, formatLength: (mm: number) => string): void {
  const { at } = fitPlan(shape.bounds, width, height, 60);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = '#2b2a27';
  context.lineWidth = 4;
  context.beginPath();
  shape.outline.forEach((p, i) => (i === 0 ? context.moveTo(at(p).x, at(p).y) : context.lineTo(at(p).x, at(p).y)));
  context.closePath();
  context.stroke();
  context.font = '14px sans-serif';
  context.fillStyle = '#2b2a27';
  context.textAlign = 'center';
  for (const wall of shape.walls) {
    const mid = at({ x: (wall.from.x + wall.to.x) / 2, y: (wall.from.y + wall.to.y) / 2 });
    context.fillText(formatLength(wall.lengthMm), mid.x, mid.y - 8);
  }
  context.lineWidth = 1.5;
  for (const piece of shape.pieces) {
    context.fillStyle = 'rgba(107, 79, 42, 0.15)';
    context.beginPath();
    piece.corners.forEach((p, i) => (i === 0 ? context.moveTo(at(p).x, at(p).y) : context.lineTo(at(p).x, at(p).y)));
    context.closePath();
    context.fill();
    context.stroke();
    context.fillStyle = '#2b2a27';
    const c = at(piece.centre);
    context.fillText(piece.label.slice(0, 28), c.x, c.y + 4);
  }
}
