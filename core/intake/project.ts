/**
 * What a new project is made of at intake: rooms with a kind and a purpose, the customer's own
 * pieces laid out in each room until the designer places them, the customer's currency, and
 * the plain sentences a change of stage posts to the timeline. Pure.
 */
import type { PlacedItem, RoomShape } from '../room.ts';
import { rectangleOutline } from '../room.ts';
import type { Stage } from './schedule.ts';

export const ROOM_KINDS = ['living', 'bedroom', 'dining', 'study', 'kitchen', 'kids', 'hallway', 'other'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Until the room is measured from photos: a typical room the designer reshapes. */
export const PLACEHOLDER_ROOM_MM: Readonly<Record<RoomKind, { widthMm: number; depthMm: number }>> = {
  living: { widthMm: 5000, depthMm: 4000 },
  bedroom: { widthMm: 4000, depthMm: 3500 },
  dining: { widthMm: 4000, depthMm: 3500 },
  study: { widthMm: 3200, depthMm: 2800 },
  kitchen: { widthMm: 4000, depthMm: 3000 },
  kids: { widthMm: 3500, depthMm: 3000 },
  hallway: { widthMm: 4000, depthMm: 1500 },
  other: { widthMm: 4000, depthMm: 3500 },
};

export function placeholderRoomShape(kind: RoomKind): RoomShape {
  const { widthMm, depthMm } = PLACEHOLDER_ROOM_MM[kind];
  return {
    outline: rectangleOutline(widthMm, depthMm),
    ceilingHeightMm: 2500,
    wallThicknessMm: 120,
    openings: [],
    floor: { colour: '#c8a97e', material: 'oak' },
    walls: { colour: '#f2efe9', material: 'paint' },
  };
}

/** A piece the customer keeps: what an own piece in an option is, with its id in their library. */
export type KeptPiece = NonNullable<PlacedItem['ownPiece']> & { readonly id: string };

const GAP_MM = 200;

/**
 * The customer's own pieces as placed items, in rows along the back of the room (left to right,
 * wrapping), so they are visible and out of each other's way until the designer places them.
 * `itemId` gives each piece's item id (stable per option, so a retry does not add a copy).
 */
export function layoutKeptPieces(pieces: readonly KeptPiece[], room: { widthMm: number; depthMm: number }, itemId: (piece: KeptPiece) => string): PlacedItem[] {
  const items: PlacedItem[] = [];
  let x = GAP_MM;
  let rowY = GAP_MM;
  let rowDepth = 0;
  for (const piece of pieces) {
    if (x + piece.widthMm > room.widthMm - GAP_MM && x > GAP_MM) {
      x = GAP_MM;
      rowY += rowDepth + GAP_MM;
      rowDepth = 0;
    }
    items.push({
      id: itemId(piece),
      productId: null,
      xMm: Math.round(x + piece.widthMm / 2),
      yMm: Math.round(Math.min(rowY + piece.depthMm / 2, Math.max(piece.depthMm / 2, room.depthMm - piece.depthMm / 2))),
      rotationDeg: 0,
      elevationMm: 0,
      quantity: 1,
      ownPiece: { name: piece.name, category: piece.category, widthMm: piece.widthMm, depthMm: piece.depthMm, heightMm: piece.heightMm },
    });
    x += piece.widthMm + GAP_MM;
    rowDepth = Math.max(rowDepth, piece.depthMm);
  }
  return items;
}

const EURO_REGIONS = new Set(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK']);
const REGION_CURRENCY: Readonly<Record<string, string>> = { US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', JP: 'JPY', PL: 'PLN', CZ: 'CZK' };

/** The currency a customer's budget is in before their first project sets it: from their locale's region. */
export function currencyForLocale(locale: string): string {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  if (!region) return 'USD';
  if (EURO_REGIONS.has(region)) return 'EUR';
  return REGION_CURRENCY[region] ?? 'USD';
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function counted(n: number, one: string, many: string): string {
  return `${SMALL_NUMBERS[n] ?? String(n)} ${n === 1 ? one : many}`;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** "Thursday 3 December" — how a date reads in a timeline sentence. */
export function spokenDay(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

export interface StageChangeStory {
  readonly to: Stage;
  readonly actorName: string;
  /** design options in the project, for "finished your two options" */
  readonly optionCount: number;
  /** the next stage's expected day, when there is one */
  readonly next: { readonly stage: Stage; readonly date: string } | null;
}

const NEXT_PHRASE: Readonly<Record<Stage, string>> = {
  intake: 'the intake',
  photos: 'your room photos',
  designing: 'design work to begin',
  options_ready: 'your options',
  revisions: 'your comments',
  approved: 'your approval',
  ordering: 'ordering',
  delivered: 'delivery',
  protected: 'price protection',
};

/** The plain sentence a change of stage posts, naming who did it: "Camille finished your two options." */
export function stageChangeText(story: StageChangeStory): string {
  const who = firstName(story.actorName);
  const what: Record<Stage, string> = {
    intake: `${who} reopened the intake`,
    photos: `${who} finished the intake`,
    designing: `${who} started designing your room`,
    options_ready: `${who} finished your ${counted(story.optionCount, 'option', 'options')}`,
    revisions: `${who} is working on your changes`,
    approved: `${who} approved the design`,
    ordering: `${who} started ordering your pieces`,
    delivered: `${who} marked your pieces delivered`,
    protected: `${who} turned on price protection for your purchases`,
  };
  const next = story.next ? ` Next: ${NEXT_PHRASE[story.next.stage]}, expected by ${spokenDay(story.next.date)}.` : '';
  return `${what[story.to]}.${next}`;
}
