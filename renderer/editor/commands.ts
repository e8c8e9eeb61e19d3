/**
 * The placement editor's commands: named objects in the app's one command list
 * (renderer/commands), so the toolbar above the view, the keyboard, the native menu (ids from
 * core/bridge MENU_COMMANDS) and the command palette run the same thing. They act on the
 * editor of the project page that is open (`activeEditor`), and are unavailable elsewhere.
 */
import type { Command } from '../commands/commands.ts';
import type { EditorController } from './controller.ts';
import { editorStore } from './editorStore.ts';
import type { ArrowKey } from './placement.ts';

let active: EditorController | null = null;
const listeners = new Set<() => void>();

/** The project page registers its editor while it is open (null when it closes). */
export function setActiveEditor(controller: EditorController | null): void {
  active = controller;
  for (const listener of listeners) listener();
}

export function activeEditor(): EditorController | null {
  return active;
}

export function subscribeActiveEditor(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const hasEditor = () => active !== null;
const mayEdit = () => active?.canEdit() ?? false;
const hasSelection = () => (active?.canEdit() ?? false) && active!.hasSelection();

function nudge(key: ArrowKey, label: Command['label'], shortcut: string): Command {
  return {
    id: `edit.${key.replace('Arrow', 'nudge')}`,
    label,
    shortcut,
    keys: [`Shift+${shortcut}`],
    editing: true,
    repeat: true,
    palette: false,
    isAvailable: hasSelection,
    perform: (_state, trigger) => void active?.nudgeSelected(key, trigger?.shiftKey ?? false),
  };
}

export const EDITOR_COMMANDS: readonly Command[] = [
  { id: 'edit.undo', label: 'editor.command.undo', shortcut: 'Mod+Z', editing: true, isAvailable: () => mayEdit() && active!.canUndo(), perform: () => active?.undo() },
  { id: 'edit.redo', label: 'editor.command.redo', shortcut: 'Mod+Shift+Z', keys: ['Ctrl+Y'], editing: true, isAvailable: () => mayEdit() && active!.canRedo(), perform: () => active?.redo() },
  { id: 'edit.duplicate', label: 'editor.command.duplicate', shortcut: 'Mod+D', editing: true, isAvailable: hasSelection, perform: () => void active?.duplicateSelected() },
  { id: 'edit.delete', label: 'editor.command.delete', shortcut: 'Delete', keys: ['Backspace'], editing: true, isAvailable: hasSelection, perform: () => void active?.deleteSelected() },
  {
    id: 'edit.rotate',
    label: 'editor.command.rotate',
    shortcut: 'R',
    keys: ['Shift+R', 'Alt+R'],
    editing: true,
    isAvailable: hasSelection,
    perform: (_state, trigger) => void active?.rotateSelected(trigger?.shiftKey || trigger?.altKey ? 15 : 90, Boolean(trigger?.shiftKey || trigger?.altKey)),
  },
  nudge('ArrowLeft', 'editor.command.nudgeLeft', 'ArrowLeft'),
  nudge('ArrowRight', 'editor.command.nudgeRight', 'ArrowRight'),
  nudge('ArrowUp', 'editor.command.nudgeUp', 'ArrowUp'),
  nudge('ArrowDown', 'editor.command.nudgeDown', 'ArrowDown'),
  {
    id: 'selection.clear',
    label: 'editor.command.clearSelection',
    shortcut: 'Escape',
    editing: true,
    isAvailable: () => hasEditor() && (editorStore.getState().selectedId !== null || editorStore.getState().tool !== 'select'),
    perform: () => clearSelection(),
  },
  { id: 'tool.measure', label: 'editor.command.measure', shortcut: 'M', editing: true, isAvailable: hasEditor, perform: () => editorStore.getState().setTool(editorStore.getState().tool === 'measure' ? 'select' : 'measure') },
  { id: 'view.perspective', label: 'editor.command.view3d', shortcut: 'Mod+1', isAvailable: hasEditor, perform: () => editorStore.getState().setViewMode('3d') },
  { id: 'view.plan', label: 'editor.command.viewPlan', shortcut: 'Mod+2', isAvailable: hasEditor, perform: () => editorStore.getState().setViewMode('plan') },
  { id: 'view.split', label: 'editor.command.viewSplit', shortcut: 'Mod+3', isAvailable: hasEditor, perform: () => editorStore.getState().setViewMode('split') },
  { id: 'view.palette', label: 'editor.command.palette', shortcut: 'Mod+K', palette: false, isAvailable: hasEditor, perform: () => editorStore.getState().setPaletteOpen(!editorStore.getState().paletteOpen) },
];

function clearSelection(): void {
  const state = editorStore.getState();
  if (state.tool !== 'select') state.setTool('select');
  else state.select(null);
}
