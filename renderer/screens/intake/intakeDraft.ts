/**
 * The new-project wizard's answers as plain data, and their conversion into the intake API's
 * request: lengths typed in the person's units (cm or inches) become millimetres, the budget
 * typed in major units becomes minor units of the customer's currency. Pure, tested in Node.
 */
import type { BodyOf } from '../../../core/api/endpoint.ts';
import type { startProject } from '../../../core/api/intake.ts';
import type { Category } from '../../../core/catalog.ts';
import type { RoomKind, StyleAnswers } from '../../../core/intake/index.ts';
import { parseMoneyAmount } from '../../../core/money.ts';
import { toMillimetres, type UnitSystem } from '../../../core/units.ts';

export interface PieceDraft {
  readonly key: string;
  readonly name: string;
  readonly category: Category;
  /** as typed, in the person's units */
  readonly width: string;
  readonly depth: string;
  readonly height: string;
  /** an uploaded photo of the piece */
  readonly photoFileId: string | null;
}

export interface RoomDraft {
  readonly key: string;
  readonly name: string;
  readonly kind: RoomKind;
  readonly purpose: string;
  readonly keptPieceIds: readonly string[];
  readonly newPieces: readonly PieceDraft[];
}

export interface IntakeDraft {
  readonly name: string;
  readonly rooms: readonly RoomDraft[];
  /** major units as typed */
  readonly budget: string;
  readonly targetDate: string;
  readonly address: string;
  /** null: keep the profile already known (or answer later) */
  readonly style: StyleAnswers | null;
}

/** A problem with the draft: where (the API's field path) and which message key explains it. */
export interface DraftProblem {
  readonly path: string;
  readonly message: 'required' | 'positiveLength' | 'amount' | 'noRooms';
}

export function lengthUnit(units: UnitSystem): 'cm' | 'in' {
  return units === 'imperial' ? 'in' : 'cm';
}

/** "82", "82.5", "82,5" in the person's unit → whole millimetres; null when it is not a positive number. */
export function typedLengthMm(text: string, units: UnitSystem): number | null {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) return null;
  const mm = toMillimetres(value, lengthUnit(units));
  return mm > 0 ? mm : null;
}

export function typedBudgetMinor(text: string, currency: string): number | null {
  try {
    const minor = parseMoneyAmount(text.replace(/\s/g, ''), currency);
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

type Body = BodyOf<typeof startProject>;

/** The request, or the problems that stop it (paths as the API names them). */
export function draftToRequest(draft: IntakeDraft, currency: string, units: UnitSystem): { ok: true; body: Body } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  if (draft.name.trim() === '') problems.push({ path: 'body.name', message: 'required' });
  if (draft.rooms.length === 0) problems.push({ path: 'body.rooms', message: 'noRooms' });
  const rooms = draft.rooms.map((room, r) => {
    if (room.name.trim() === '') problems.push({ path: `body.rooms.${r}.name`, message: 'required' });
    const newPieces = room.newPieces.map((piece, p) => {
      const at = `body.rooms.${r}.newPieces.${p}`;
      if (piece.name.trim() === '') problems.push({ path: `${at}.name`, message: 'required' });
      const size = { widthMm: typedLengthMm(piece.width, units), depthMm: typedLengthMm(piece.depth, units), heightMm: typedLengthMm(piece.height, units) };
      for (const [field, mm] of Object.entries(size)) if (mm === null) problems.push({ path: `${at}.${field}`, message: 'positiveLength' });
      return { name: piece.name.trim(), category: piece.category, widthMm: size.widthMm ?? 0, depthMm: size.depthMm ?? 0, heightMm: size.heightMm ?? 0, ...(piece.photoFileId ? { photoFileId: piece.photoFileId } : {}) };
    });
    return { name: room.name.trim(), kind: room.kind, purpose: room.purpose.trim(), keptPieceIds: [...room.keptPieceIds], newPieces };
  });
  const budget = typedBudgetMinor(draft.budget, currency);
  if (budget === null) problems.push({ path: 'body.budget.amountMinor', message: 'amount' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name: draft.name.trim(),
      rooms,
      budget: { amountMinor: budget ?? 0, currency },
      targetDate: draft.targetDate === '' ? null : draft.targetDate,
      address: draft.address.trim() === '' ? null : draft.address.trim(),
      ...(draft.style && hasStyleAnswers(draft.style) ? { style: { ...draft.style, cards: { ...draft.style.cards }, materials: [...draft.style.materials], retailerIds: [...draft.style.retailerIds] } } : {}),
    },
  };
}

/** Whether the customer answered anything (skipping the style step sends no profile). */
export function hasStyleAnswers(answers: StyleAnswers): boolean {
  const { temperature, lightness, intensity } = answers.colours;
  return Object.keys(answers.cards).length > 0 || answers.materials.length > 0 || answers.retailerIds.length > 0 || [temperature, lightness, intensity].some((v) => v !== 'either');
}

let nextKey = 0;
export function draftKey(prefix: string): string {
  nextKey += 1;
  return `${prefix}-${nextKey}`;
}

export function emptyRoom(kind: RoomKind = 'living', name = ''): RoomDraft {
  return { key: draftKey('room'), name, kind, purpose: '', keptPieceIds: [], newPieces: [] };
}

export function emptyPiece(): PieceDraft {
  return { key: draftKey('piece'), name: '', category: 'armchair', width: '', depth: '', height: '', photoFileId: null };
}
