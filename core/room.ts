/**
 * The room and the pieces placed in it. Plan coordinates are integer millimetres:
 * x to the right, y away from the viewer (the 3D scene maps plan y to world z).
 */
export interface PlanPoint {
  readonly x: number;
  readonly y: number;
}

export type OpeningKind = 'door' | 'window';

export interface Opening {
  readonly id: string;
  readonly kind: OpeningKind;
  /** Wall index i runs from outline[i] to outline[(i + 1) % n]. */
  readonly wallIndex: number;
  /** Distance from the wall's start to the opening's near edge. */
  readonly offsetMm: number;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly sillHeightMm: number;
  /** Doors only: which side the hinge is on, seen from inside the room. */
  readonly swing?: 'left' | 'right';
}

export interface Finish {
  readonly colour: string;
  readonly material: string;
}

export interface RoomShape {
  readonly outline: readonly PlanPoint[];
  readonly ceilingHeightMm: number;
  readonly wallThicknessMm: number;
  readonly openings: readonly Opening[];
  readonly floor: Finish;
  readonly walls: Finish;
}

export interface PlacedItem {
  readonly id: string;
  /** null for the customer's own piece (price 0). */
  readonly productId: string | null;
  readonly xMm: number;
  readonly yMm: number;
  /** Degrees, counter-clockwise seen from above. */
  readonly rotationDeg: number;
  /** Height of the piece's base above the floor (wall-hung items). */
  readonly elevationMm: number;
  readonly quantity: number;
  readonly colour?: string;
  readonly note?: string;
  /** For the customer's own pieces: what it is and how big. */
  readonly ownPiece?: { readonly name: string; readonly category: string; readonly widthMm: number; readonly depthMm: number; readonly heightMm: number };
}

export function polygonAreaMm2(outline: readonly PlanPoint[]): number {
  let twice = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

export function rectangleOutline(widthMm: number, depthMm: number): PlanPoint[] {
  return [
    { x: 0, y: 0 },
    { x: widthMm, y: 0 },
    { x: widthMm, y: depthMm },
    { x: 0, y: depthMm },
  ];
}

export function wallLengthMm(outline: readonly PlanPoint[], wallIndex: number): number {
  const a = outline[wallIndex]!;
  const b = outline[(wallIndex + 1) % outline.length]!;
  return Math.hypot(b.x - a.x, b.y - a.y);
}
