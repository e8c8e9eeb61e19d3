/**
 * The picture cards a customer likes or passes on: one per style the catalog tags products with
 * (assets/seed/words.ts STYLE_TAGS), each a small room vignette the renderer draws as SVG from
 * the palette and the kind of piece — bundled, so no retailer image is ever fetched. The words
 * (style tags, materials, colour names) are the catalog's own, so a liked card lifts products
 * that carry them.
 */
export type VignettePiece = 'sofa' | 'armchair' | 'dining' | 'bed' | 'desk' | 'shelf';

export type StyleCardId =
  | 'scandinavian-calm'
  | 'japandi-quiet'
  | 'mid-century-warmth'
  | 'industrial-loft'
  | 'traditional-comfort'
  | 'boho-layers'
  | 'coastal-light'
  | 'minimalist-clear'
  | 'farmhouse-kitchen'
  | 'art-deco-glamour'
  | 'modern-clean'
  | 'contemporary-soft';

export interface StyleCard {
  readonly id: StyleCardId;
  /** the catalog style tag the card stands for */
  readonly style: string;
  /** neighbouring styles it also suggests (count half) */
  readonly alsoStyles: readonly string[];
  readonly materials: readonly string[];
  /** catalog colour names */
  readonly colours: readonly string[];
  /** wall, floor, main piece, accent — hex colours for the vignette */
  readonly palette: readonly [wall: string, floor: string, piece: string, accent: string];
  readonly piece: VignettePiece;
}

export const STYLE_CARDS: readonly StyleCard[] = [
  { id: 'scandinavian-calm', style: 'scandinavian', alsoStyles: ['minimalist'], materials: ['oak', 'wool', 'ash'], colours: ['white', 'natural oak', 'oatmeal', 'ash grey'], palette: ['#f4f1ea', '#d9c3a0', '#e6e1d6', '#9fb3a5'], piece: 'sofa' },
  { id: 'japandi-quiet', style: 'japandi', alsoStyles: ['minimalist', 'scandinavian'], materials: ['oak', 'linen', 'rattan'], colours: ['sand', 'mushroom', 'natural oak', 'charcoal'], palette: ['#ece6dc', '#b89c7a', '#cfc3b0', '#3d3a36'], piece: 'dining' },
  { id: 'mid-century-warmth', style: 'mid-century', alsoStyles: ['modern'], materials: ['walnut', 'leather', 'velvet'], colours: ['walnut', 'ochre', 'rust', 'teal'], palette: ['#efe4d2', '#7a4f31', '#c98a2b', '#2f6f73'], piece: 'armchair' },
  { id: 'industrial-loft', style: 'industrial', alsoStyles: ['modern'], materials: ['steel', 'leather', 'reclaimed wood'], colours: ['black', 'charcoal', 'rust', 'smoked oak'], palette: ['#bdb8b0', '#5a4a3c', '#3a3a3a', '#a0522d'], piece: 'shelf' },
  { id: 'traditional-comfort', style: 'traditional', alsoStyles: ['farmhouse'], materials: ['mahogany', 'velvet', 'wool'], colours: ['forest green', 'navy', 'walnut', 'ivory'], palette: ['#e9e0cf', '#6b4426', '#2f4f3a', '#b8860b'], piece: 'sofa' },
  { id: 'boho-layers', style: 'boho', alsoStyles: ['coastal'], materials: ['rattan', 'cane', 'jute', 'cotton'], colours: ['terracotta', 'ochre', 'sand', 'blush pink'], palette: ['#f1e3d3', '#c49a6c', '#c8643b', '#d4a373'], piece: 'armchair' },
  { id: 'coastal-light', style: 'coastal', alsoStyles: ['scandinavian'], materials: ['linen', 'rattan', 'ash'], colours: ['white', 'dusty blue', 'sand', 'navy'], palette: ['#f5f7f8', '#d8c8a8', '#e8eef2', '#4a6d8c'], piece: 'bed' },
  { id: 'minimalist-clear', style: 'minimalist', alsoStyles: ['contemporary'], materials: ['steel', 'glass', 'oak'], colours: ['white', 'black', 'ash grey'], palette: ['#fafafa', '#d6d3cf', '#f0f0f0', '#1f1f1f'], piece: 'desk' },
  { id: 'farmhouse-kitchen', style: 'farmhouse', alsoStyles: ['traditional'], materials: ['pine', 'oak', 'linen'], colours: ['ivory', 'sage', 'honey', 'natural oak'], palette: ['#f3efe4', '#a57c52', '#e3d9c2', '#8a9a5b'], piece: 'dining' },
  { id: 'art-deco-glamour', style: 'art deco', alsoStyles: ['contemporary'], materials: ['velvet', 'brass', 'marble'], colours: ['teal', 'brass', 'black marble', 'blush pink'], palette: ['#1f3b3a', '#2a2a2a', '#2f7f7a', '#c9a227'], piece: 'armchair' },
  { id: 'modern-clean', style: 'modern', alsoStyles: ['minimalist'], materials: ['boucle', 'steel', 'oak'], colours: ['charcoal', 'slate grey', 'white', 'black'], palette: ['#e7e7e4', '#9a948b', '#6e7378', '#d9d6cf'], piece: 'sofa' },
  { id: 'contemporary-soft', style: 'contemporary', alsoStyles: ['modern'], materials: ['boucle', 'travertine', 'walnut'], colours: ['mushroom', 'oatmeal', 'sage', 'walnut'], palette: ['#ede8e1', '#b5a58f', '#cbbfae', '#7d8f74'], piece: 'bed' },
];

/** The materials a customer may pick from (the catalog's common ones). */
export const MATERIAL_CHOICES: readonly string[] = ['oak', 'walnut', 'ash', 'pine', 'rattan', 'cane', 'linen', 'wool', 'velvet', 'boucle', 'leather', 'steel', 'brass', 'marble', 'travertine', 'glass'];

export function cardById(id: string): StyleCard | undefined {
  return STYLE_CARDS.find((card) => card.id === id);
}
