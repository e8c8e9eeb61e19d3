import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMacPlatform } from '../bridge/native.ts';
import { COMMANDS, runCommand } from '../commands/commands.ts';
import { displayShortcut } from '../commands/shortcuts.ts';
import { useAppStore } from '../state/store.ts';
import { editorStore, useEditor } from './editorStore.ts';
import { filterCommands, moveHighlight } from './palette.ts';
import './editor.css';

/**
 * Ctrl/Cmd+K: every available command in a filterable list. A combobox with a listbox: type to
 * filter, arrows move, Enter runs, Escape closes; focus goes back where it was.
 */
export function CommandPalette() {
  const open = useEditor((state) => state.paletteOpen);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const isMac = isMacPlatform();
  const returnFocus = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);

  const entries = useMemo(() => {
    const state = useAppStore.getState();
    return COMMANDS.filter((command) => command.palette !== false && command.isAvailable(state)).map((command) => ({
      id: command.id,
      label: t(command.label),
      shortcut: command.shortcut ? displayShortcut(command.shortcut, isMac) : null,
    }));
  }, [t, isMac]);
  const shown = useMemo(() => filterCommands(entries, query), [entries, query]);

  useEffect(() => {
    input.current?.focus();
    const previous = returnFocus.current;
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const close = () => editorStore.getState().setPaletteOpen(false);
  const run = (id: string) => {
    close();
    // After the palette has closed and focus is back, so the command acts on the page.
    queueMicrotask(() => runCommand(id));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || ((event.key === 'Home' || event.key === 'End') && event.ctrlKey)) {
      event.preventDefault();
      setHighlight((index) => moveHighlight(index, shown.length, event.key as 'ArrowDown'));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = shown[highlight];
      if (entry) run(entry.id);
    }
  };

  const active = shown[highlight] ?? null;
  return (
    <div className="palette-backdrop" onMouseDown={close}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={t('editor.palette.title')} onMouseDown={(event) => event.stopPropagation()}>
        <input
          ref={input}
          className="palette__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={active ? `${listId}-${active.id}` : undefined}
          aria-label={t('editor.palette.title')}
          placeholder={t('editor.palette.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} className="palette__list" role="listbox" aria-label={t('editor.palette.title')}>
          {shown.map((entry, index) => (
            <li
              key={entry.id}
              id={`${listId}-${entry.id}`}
              role="option"
              aria-selected={index === highlight}
              className={index === highlight ? 'palette__item palette__item--active' : 'palette__item'}
              onMouseEnter={() => setHighlight(index)}
              onClick={() => run(entry.id)}
            >
              <span>{entry.label}</span>
              {entry.shortcut ? <kbd className="palette__shortcut">{entry.shortcut}</kbd> : null}
            </li>
          ))}
          {shown.length === 0 ? <li className="palette__empty">{t('editor.palette.empty')}</li> : null}
        </ul>
      </div>
    </div>
  );
}
