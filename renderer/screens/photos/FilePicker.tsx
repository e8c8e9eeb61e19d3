import { useId, useState, type DragEvent, type ReactNode } from 'react';

interface FilePickerProps {
  /** The visible words of the button that opens the file dialog. */
  readonly label: string;
  /** Its accessible name when the visible words need context ("Add a photo: Corner 1"). */
  readonly accessibleLabel?: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  readonly disabled?: boolean;
  readonly onFiles: (files: File[]) => void;
  readonly className?: string;
  readonly testId?: string;
  /** What the drop area shows around the button. */
  readonly children?: ReactNode;
}

export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp';

/**
 * A drop area with a real file input: drag files onto it, or press its button (the input's
 * label, so keyboard and screen readers reach the native dialog). The accept list only filters
 * the dialog — the server decides by content.
 */
export function FilePicker({ label, accessibleLabel, accept = IMAGE_ACCEPT, multiple = true, disabled, onFiles, className, testId, children }: FilePickerProps) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      className={['file-picker', over ? 'file-picker--over' : '', className ?? ''].filter(Boolean).join(' ')}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={testId}
    >
      {children}
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-label={accessibleLabel ?? label}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <label htmlFor={id} className="button button--secondary button--sm file-picker__button" aria-hidden="true">
        {label}
      </label>
    </div>
  );
}
