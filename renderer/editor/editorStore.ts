/**
 * The placement editor's own UI state: which piece is selected, which view and tool are on,
 * the measure tool's points, the walkway minimum, whether the palette is open. Never the items
 * themselves (those live in the option's Y.Doc) and never per-frame drag positions (those go
 * through dragPreview.ts straight to three objects and SVG nodes).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MIN_WALKWAY_MM } from '../../core/geometry/index.ts';
import type { PlanPoint } from '../../core/room.ts';

export type ViewMode = '3d' | 'plan' | 'split';
export type EditorTool = 'select' | 'measure';

export interface MeasureState {
  readonly a: PlanPoint | null;
  readonly b: PlanPoint | null;
}

export interface EditorState {
  readonly selectedId: string | null;
  readonly viewMode: ViewMode;
  readonly tool: EditorTool;
  readonly measure: MeasureState;
  readonly minWalkwayMm: number;
  readonly paletteOpen: boolean;
  /** The piece being dragged (set at the drag's start and end, never per move). */
  readonly draggingId: string | null;
  select(id: string | null): void;
  setViewMode(mode: ViewMode): void;
  setTool(tool: EditorTool): void;
  measurePoint(point: PlanPoint): void;
  clearMeasure(): void;
  setMinWalkwayMm(mm: number): void;
  setPaletteOpen(open: boolean): void;
  setDragging(id: string | null): void;
}

const VIEW_KEY = 'atelier.editor.view';
const WALKWAY_KEY = 'atelier.editor.minWalkwayMm';
export const WALKWAY_LIMITS = { min: 300, max: 2000 } as const;

interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserStorage(): KeyValue | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function clampWalkway(mm: number): number {
  if (!Number.isFinite(mm)) return MIN_WALKWAY_MM;
  return Math.min(WALKWAY_LIMITS.max, Math.max(WALKWAY_LIMITS.min, Math.round(mm)));
}

export function createEditorStore(storage: KeyValue | null = browserStorage()): StoreApi<EditorState> {
  const savedView = storage?.getItem(VIEW_KEY);
  const savedWalkway = Number(storage?.getItem(WALKWAY_KEY) ?? NaN);
  return createStore<EditorState>()((set, get) => ({
    selectedId: null,
    viewMode: savedView === 'plan' || savedView === 'split' || savedView === '3d' ? savedView : '3d',
    tool: 'select',
    measure: { a: null, b: null },
    minWalkwayMm: Number.isFinite(savedWalkway) ? clampWalkway(savedWalkway) : MIN_WALKWAY_MM,
    paletteOpen: false,
    draggingId: null,
    select: (id) => {
      if (get().selectedId !== id) set({ selectedId: id });
    },
    setViewMode: (viewMode) => {
      storage?.setItem(VIEW_KEY, viewMode);
      set({ viewMode });
    },
    setTool: (tool) => set({ tool, measure: { a: null, b: null } }),
    measurePoint: (point) => {
      const { a, b } = get().measure;
      set({ measure: a && !b ? { a, b: point } : { a: point, b: null } });
    },
    clearMeasure: () => set({ measure: { a: null, b: null } }),
    setMinWalkwayMm: (mm) => {
      const minWalkwayMm = clampWalkway(mm);
      storage?.setItem(WALKWAY_KEY, String(minWalkwayMm));
      set({ minWalkwayMm });
    },
    setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
    setDragging: (draggingId) => set({ draggingId }),
  }));
}

/** The app's one editor store (one project page is open at a time). */
export const editorStore = createEditorStore();

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}
