import { useTranslation } from 'react-i18next';
import { isMacPlatform } from '../bridge/native.ts';
import { findCommand, runCommand } from '../commands/commands.ts';
import { displayShortcut } from '../commands/shortcuts.ts';
import { Segmented } from '../ui/Segmented.tsx';
import { useEditor, editorStore, type ViewMode } from './editorStore.ts';
import './editor.css';

/**
 * The toolbar above the view: the 3D | Plan | Split switch and the editing commands. Buttons run
 * the same named commands as the shortcuts, the native menu and the palette.
 */
export function EditorToolbar({ canUndo, canRedo, readOnly, selectedName = null }: { readonly canUndo: boolean; readonly canRedo: boolean; readonly readOnly: boolean; readonly selectedName?: string | null }) {
  const { t } = useTranslation();
  const viewMode = useEditor((state) => state.viewMode);
  const hasSelection = useEditor((state) => state.selectedId !== null);
  const tool = useEditor((state) => state.tool);
  const isMac = isMacPlatform();

  const button = (id: string, enabled: boolean, extra?: { pressed?: boolean }) => {
    const command = findCommand(id);
    if (!command) return null;
    const shortcut = command.shortcut ? displayShortcut(command.shortcut, isMac) : undefined;
    return (
      <button
        type="button"
        className={extra?.pressed ? 'button button--secondary button--sm editor-toolbar__button editor-toolbar__button--on' : 'button button--secondary button--sm editor-toolbar__button'}
        disabled={!enabled}
        aria-pressed={extra?.pressed}
        aria-keyshortcuts={command.shortcut?.replace('Mod', isMac ? 'Meta' : 'Control')}
        title={shortcut ? `${t(command.label)} (${shortcut})` : t(command.label)}
        data-command={id}
        onClick={(event) => runCommand(id, { shiftKey: event.shiftKey, altKey: event.altKey })}
      >
        {t(command.label)}
      </button>
    );
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <Segmented<ViewMode>
        label={t('editor.view')}
        value={viewMode}
        options={[
          { value: '3d', label: t('editor.view3d') },
          { value: 'plan', label: t('editor.viewPlan') },
          { value: 'split', label: t('editor.viewSplit') },
        ]}
        onChange={(mode) => editorStore.getState().setViewMode(mode)}
      />
      <span className="editor-toolbar__group">
        {button('edit.undo', canUndo && !readOnly)}
        {button('edit.redo', canRedo && !readOnly)}
      </span>
      <span className="editor-toolbar__group">
        {button('edit.rotate', hasSelection && !readOnly)}
        {button('edit.duplicate', hasSelection && !readOnly)}
        {button('edit.delete', hasSelection && !readOnly)}
      </span>
      <span className="editor-toolbar__group">
        {button('tool.measure', true, { pressed: tool === 'measure' })}
        {button('view.palette', true)}
      </span>
      {/* Screen readers hear what is selected, whichever view it was picked in. */}
      <span className="editor-toolbar__status" role="status" aria-live="polite">
        {selectedName ? t('editor.selected', { name: selectedName }) : ''}
      </span>
    </div>
  );
}
