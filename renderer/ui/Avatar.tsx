/** Initials in a tinted circle; the tint is stable per name so people are easy to tell apart. */
const TINTS = ['#c8d9cf', '#e7d2bf', '#d3d6ea', '#ead1d6', '#d9e1c2', '#cfe0e4'];

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [words[0]?.[0], words[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase();
}

function tintOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TINTS[hash % TINTS.length]!;
}

export function Avatar({ name, size = 28 }: { readonly name: string; readonly size?: number }) {
  return (
    <span className="avatar" style={{ width: size, height: size, fontSize: size * 0.4, background: tintOf(name) }} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
