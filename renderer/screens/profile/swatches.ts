/** A display colour for a catalog colour name (the summary's swatches); grey for names we do not know. */
const SWATCH: Readonly<Record<string, string>> = {
  oatmeal: '#d8cbb3', ivory: '#f3eddc', cream: '#f2e8cf', sand: '#d9c49c', mushroom: '#bfae9a', 'blush pink': '#e5b9b0',
  honey: '#d6a04a', 'natural oak': '#c9a26d', ochre: '#c98a2b', mustard: '#d1a21c', rust: '#a0522d', terracotta: '#c8643b',
  brass: '#c9a227', tan: '#c19a6b', walnut: '#6b4426', 'smoked oak': '#5e4634', olive: '#6b6b2a', white: '#fafafa',
  'white marble': '#ecebe7', 'ash grey': '#b9b7b2', 'dusty blue': '#8fa8bf', sage: '#9fb39a', 'slate grey': '#6e7378',
  charcoal: '#3d3d3d', black: '#1f1f1f', 'black marble': '#2a2a2a', navy: '#263a5e', teal: '#2f6f73', 'forest green': '#2f4f3a', 'green marble': '#3f6b55',
};

export function swatchColour(name: string): string {
  return SWATCH[name.toLowerCase()] ?? '#b0aca5';
}
