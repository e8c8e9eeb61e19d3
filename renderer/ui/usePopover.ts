import { useEffect, useId, useRef, useState } from 'react';

/**
 * A header popover's behaviour: open and closed, closed by a press outside it or by Escape
 * (which returns focus to its button), and optionally focusing an element inside when it opens.
 */
export function usePopover(focusOnOpen?: string) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    if (focusOnOpen) panelRef.current?.querySelector<HTMLElement>(focusOnOpen)?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, focusOnOpen]);

  return { open, setOpen, panelId, buttonRef, panelRef };
}
