/**
 * The vocabulary the seed generator writes products from: per category, the kinds of piece with
 * their real-world size and price ranges, and the materials, colours and words that read well
 * for that category. Sizes are millimetres (width × depth × height, depth front-to-back);
 * prices are mid-market US dollars before a retailer's tier and currency are applied.
 */
import type { Category } from '../../core/catalog.ts';

export type Range = readonly [min: number, max: number];

export interface PieceKind {
  /** how the piece is named, e.g. "3-seat sofa" */
  readonly noun: string;
  readonly widthMm: Range;
  readonly depthMm: Range;
  readonly heightMm: Range;
  readonly priceUsd: Range;
  /** a seed glTF model (assets/models) that looks like this kind of piece */
  readonly model?: string;
  /** relative frequency within its category */
  readonly weight?: number;
}

export type NamePattern =
  /** "Alba 3-seat sofa in velvet" */
  | 'noun-in-material'
  /** "Harlow oak dining table" */
  | 'material-noun'
  /** "Wren curved floor lamp" */
  | 'adjective-noun';

export interface CategoryVocabulary {
  readonly kinds: readonly PieceKind[];
  /** the material the name mentions (cover for upholstery, top or body otherwise) */
  readonly primaryMaterials: readonly string[];
  /** further materials listed for the product, e.g. legs or frame */
  readonly secondaryMaterials: readonly string[];
  readonly colours: readonly string[];
  readonly adjectives: readonly string[];
  readonly patterns: readonly NamePattern[];
  /** share of the catalog, before a retailer's own emphasis */
  readonly share: number;
}

const UPHOLSTERY = ['velvet', 'velvet', 'linen', 'boucle', 'cotton', 'wool', 'leather', 'chenille', 'recycled polyester'];
const SOFT_COLOURS = ['oatmeal', 'ivory', 'charcoal', 'slate grey', 'forest green', 'sage', 'ochre', 'rust', 'navy', 'blush pink', 'terracotta', 'mushroom', 'teal', 'sand'];
const WOOD_COLOURS = ['natural oak', 'walnut', 'black', 'white', 'smoked oak', 'honey', 'ash grey'];
const WOODS = ['oak', 'walnut', 'ash', 'pine', 'beech', 'mango wood', 'acacia', 'teak'];

export const VOCABULARY: Record<Category, CategoryVocabulary> = {
  sofa: {
    kinds: [
      { noun: '2-seat sofa', widthMm: [1550, 1850], depthMm: [820, 950], heightMm: [760, 900], priceUsd: [599, 1899], weight: 3 },
      { noun: '3-seat sofa', widthMm: [1950, 2300], depthMm: [850, 1000], heightMm: [780, 920], priceUsd: [799, 2799], model: 'sofa-3-seat.gltf', weight: 4 },
      { noun: '4-seat sofa', widthMm: [2350, 2700], depthMm: [880, 1050], heightMm: [780, 920], priceUsd: [1199, 3499], weight: 1 },
      { noun: 'corner sofa', widthMm: [2500, 3100], depthMm: [1550, 2100], heightMm: [780, 900], priceUsd: [1499, 4299], weight: 2 },
      { noun: 'sofa bed', widthMm: [1850, 2150], depthMm: [880, 1000], heightMm: [800, 900], priceUsd: [699, 1999], weight: 1 },
      { noun: 'modular sofa', widthMm: [2400, 3400], depthMm: [950, 1100], heightMm: [700, 820], priceUsd: [1699, 4999], weight: 1 },
    ],
    primaryMaterials: UPHOLSTERY,
    secondaryMaterials: ['oak', 'walnut', 'beech', 'steel', 'brass'],
    colours: SOFT_COLOURS,
    adjectives: ['curved', 'low', 'deep', 'slim-arm', 'channel-tufted', 'roll-arm', 'track-arm', 'camel-back'],
    patterns: ['noun-in-material', 'noun-in-material', 'adjective-noun'],
    share: 10,
  },
  armchair: {
    kinds: [
      { noun: 'armchair', widthMm: [700, 900], depthMm: [750, 920], heightMm: [720, 950], priceUsd: [299, 1299], model: 'armchair-box.gltf', weight: 4 },
      { noun: 'accent chair', widthMm: [600, 780], depthMm: [650, 820], heightMm: [700, 880], priceUsd: [199, 899], weight: 3 },
      { noun: 'lounge chair', widthMm: [750, 950], depthMm: [800, 1000], heightMm: [680, 1000], priceUsd: [449, 1899], weight: 2 },
      { noun: 'wingback chair', widthMm: [760, 880], depthMm: [800, 920], heightMm: [1000, 1150], priceUsd: [499, 1499], weight: 1 },
      { noun: 'swivel chair', widthMm: [720, 860], depthMm: [740, 880], heightMm: [700, 820], priceUsd: [399, 1299], weight: 1 },
    ],
    primaryMaterials: [...UPHOLSTERY, 'rattan', 'cane'],
    secondaryMaterials: ['oak', 'walnut', 'ash', 'steel', 'brass'],
    colours: SOFT_COLOURS,
    adjectives: ['curved', 'scalloped', 'barrel', 'low', 'tub', 'slipper', 'channel-tufted'],
    patterns: ['noun-in-material', 'adjective-noun'],
    share: 8,
  },
  'dining chair': {
    kinds: [
      { noun: 'dining chair', widthMm: [420, 520], depthMm: [480, 580], heightMm: [760, 880], priceUsd: [79, 449], model: 'dining-chair.gltf', weight: 5 },
      { noun: 'upholstered dining chair', widthMm: [450, 560], depthMm: [520, 620], heightMm: [780, 920], priceUsd: [129, 599], weight: 3 },
      { noun: 'dining armchair', widthMm: [540, 620], depthMm: [520, 600], heightMm: [760, 860], priceUsd: [149, 699], weight: 1 },
      { noun: 'dining bench', widthMm: [1100, 1800], depthMm: [320, 420], heightMm: [440, 470], priceUsd: [149, 799], weight: 1 },
      { noun: 'counter stool', widthMm: [380, 480], depthMm: [380, 500], heightMm: [850, 950], priceUsd: [89, 399], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'velvet', 'boucle', 'leather', 'rattan', 'steel', 'moulded plastic'],
    secondaryMaterials: ['oak', 'beech', 'steel', 'brass', 'rush', 'cane'],
    colours: [...WOOD_COLOURS, 'sage', 'rust', 'charcoal', 'oatmeal', 'olive'],
    adjectives: ['spindle', 'wishbone', 'cross-back', 'ladder-back', 'stacking', 'curved', 'cafe'],
    patterns: ['material-noun', 'adjective-noun', 'noun-in-material'],
    share: 8,
  },
  'office chair': {
    kinds: [
      { noun: 'office chair', widthMm: [580, 700], depthMm: [580, 680], heightMm: [920, 1150], priceUsd: [149, 899], weight: 4 },
      { noun: 'task chair', widthMm: [540, 650], depthMm: [540, 640], heightMm: [880, 1050], priceUsd: [99, 499], weight: 3 },
      { noun: 'ergonomic desk chair', widthMm: [620, 720], depthMm: [600, 700], heightMm: [1000, 1250], priceUsd: [349, 1499], weight: 2 },
    ],
    primaryMaterials: ['mesh', 'leather', 'wool', 'velvet', 'boucle', 'recycled polyester', 'oak'],
    secondaryMaterials: ['aluminium', 'steel', 'nylon', 'chrome'],
    colours: ['black', 'charcoal', 'white', 'slate grey', 'navy', 'oatmeal', 'tan'],
    adjectives: ['swivel', 'mid-back', 'high-back', 'armless', 'adjustable'],
    patterns: ['adjective-noun', 'noun-in-material'],
    share: 4,
  },
  'dining table': {
    kinds: [
      { noun: 'dining table', widthMm: [1400, 2200], depthMm: [800, 1000], heightMm: [730, 760], priceUsd: [299, 2499], model: 'dining-table.gltf', weight: 5 },
      { noun: 'round dining table', widthMm: [900, 1400], depthMm: [900, 1400], heightMm: [730, 760], priceUsd: [249, 1999], weight: 3 },
      { noun: 'extendable dining table', widthMm: [1500, 2000], depthMm: [850, 1000], heightMm: [740, 760], priceUsd: [499, 2999], weight: 2 },
      { noun: 'oval dining table', widthMm: [1600, 2400], depthMm: [900, 1100], heightMm: [730, 760], priceUsd: [599, 3299], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'marble', 'travertine', 'glass', 'ceramic'],
    secondaryMaterials: ['oak', 'steel', 'walnut', 'brass'],
    colours: [...WOOD_COLOURS, 'white marble', 'green marble'],
    adjectives: ['pedestal', 'trestle', 'farmhouse', 'tapered-leg', 'fluted'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 6,
  },
  'coffee table': {
    kinds: [
      { noun: 'coffee table', widthMm: [900, 1400], depthMm: [500, 800], heightMm: [300, 460], priceUsd: [129, 1199], model: 'coffee-table.gltf', weight: 4 },
      { noun: 'round coffee table', widthMm: [700, 1100], depthMm: [700, 1100], heightMm: [300, 450], priceUsd: [129, 999], weight: 3 },
      { noun: 'nesting coffee tables', widthMm: [800, 1000], depthMm: [500, 700], heightMm: [350, 450], priceUsd: [179, 899], weight: 1 },
      { noun: 'lift-top coffee table', widthMm: [1000, 1200], depthMm: [500, 650], heightMm: [420, 480], priceUsd: [199, 799], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'marble', 'travertine', 'glass', 'rattan', 'steel'],
    secondaryMaterials: ['steel', 'brass', 'oak', 'glass'],
    colours: [...WOOD_COLOURS, 'white marble', 'black marble'],
    adjectives: ['low', 'drum', 'plinth', 'slatted', 'two-tier', 'fluted'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 6,
  },
  'side table': {
    kinds: [
      { noun: 'side table', widthMm: [350, 600], depthMm: [350, 500], heightMm: [450, 650], priceUsd: [59, 499], model: 'side-table.gltf', weight: 4 },
      { noun: 'bedside table', widthMm: [400, 600], depthMm: [350, 450], heightMm: [450, 620], priceUsd: [79, 599], weight: 3 },
      { noun: 'C-shaped side table', widthMm: [400, 550], depthMm: [280, 400], heightMm: [550, 680], priceUsd: [69, 299], weight: 1 },
      { noun: 'console table', widthMm: [900, 1500], depthMm: [300, 420], heightMm: [750, 820], priceUsd: [149, 999], weight: 2 },
    ],
    primaryMaterials: [...WOODS, 'marble', 'travertine', 'steel', 'rattan', 'glass'],
    secondaryMaterials: ['steel', 'brass', 'oak'],
    colours: [...WOOD_COLOURS, 'white marble', 'brass'],
    adjectives: ['round', 'drum', 'pedestal', 'two-drawer', 'tripod', 'mushroom'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 6,
  },
  desk: {
    kinds: [
      { noun: 'desk', widthMm: [1000, 1600], depthMm: [550, 800], heightMm: [730, 760], priceUsd: [149, 1299], weight: 4 },
      { noun: 'writing desk', widthMm: [900, 1300], depthMm: [450, 650], heightMm: [740, 780], priceUsd: [179, 1199], weight: 2 },
      { noun: 'standing desk', widthMm: [1200, 1800], depthMm: [600, 800], heightMm: [650, 1250], priceUsd: [349, 1499], weight: 2 },
      { noun: 'corner desk', widthMm: [1300, 1700], depthMm: [1100, 1500], heightMm: [740, 760], priceUsd: [249, 1199], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'steel', 'birch plywood'],
    secondaryMaterials: ['steel', 'oak', 'aluminium', 'brass'],
    colours: [...WOOD_COLOURS, 'sage'],
    adjectives: ['compact', 'two-drawer', 'trestle', 'fold-down', 'hairpin-leg'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 5,
  },
  bed: {
    kinds: [
      { noun: 'double bed', widthMm: [1450, 1600], depthMm: [2000, 2200], heightMm: [850, 1250], priceUsd: [399, 2299], model: 'bed-double.gltf', weight: 3 },
      { noun: 'king bed', widthMm: [1650, 1850], depthMm: [2050, 2250], heightMm: [900, 1350], priceUsd: [599, 3299], weight: 3 },
      { noun: 'single bed', widthMm: [950, 1050], depthMm: [1950, 2100], heightMm: [800, 1100], priceUsd: [249, 1199], weight: 2 },
      { noun: 'storage bed', widthMm: [1450, 1850], depthMm: [2050, 2250], heightMm: [950, 1200], priceUsd: [699, 2799], weight: 1 },
      { noun: 'daybed', widthMm: [1950, 2100], depthMm: [900, 1050], heightMm: [700, 950], priceUsd: [399, 1699], weight: 1 },
    ],
    primaryMaterials: [...UPHOLSTERY, ...WOODS, 'cane', 'steel'],
    secondaryMaterials: ['oak', 'beech', 'steel', 'pine'],
    colours: [...SOFT_COLOURS, ...WOOD_COLOURS],
    adjectives: ['low', 'panelled', 'platform', 'four-poster', 'channel-tufted', 'wingback'],
    patterns: ['noun-in-material', 'material-noun', 'adjective-noun'],
    share: 6,
  },
  wardrobe: {
    kinds: [
      { noun: '2-door wardrobe', widthMm: [900, 1100], depthMm: [550, 620], heightMm: [1800, 2100], priceUsd: [299, 1499], weight: 3 },
      { noun: '3-door wardrobe', widthMm: [1350, 1600], depthMm: [560, 640], heightMm: [1900, 2200], priceUsd: [449, 2299], weight: 2 },
      { noun: 'sliding wardrobe', widthMm: [1500, 2200], depthMm: [600, 680], heightMm: [2000, 2300], priceUsd: [599, 2799], weight: 1 },
      { noun: 'clothes rail', widthMm: [900, 1500], depthMm: [400, 500], heightMm: [1500, 1800], priceUsd: [59, 299], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'steel', 'rattan', 'painted MDF'],
    secondaryMaterials: ['brass', 'steel', 'oak'],
    colours: [...WOOD_COLOURS, 'sage', 'dusty blue'],
    adjectives: ['panelled', 'mirrored', 'cane-front', 'tall', 'fluted'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 4,
  },
  bookcase: {
    kinds: [
      { noun: 'bookcase', widthMm: [700, 1000], depthMm: [280, 400], heightMm: [1600, 2100], priceUsd: [129, 1199], model: 'bookcase.gltf', weight: 4 },
      { noun: 'low bookcase', widthMm: [800, 1400], depthMm: [280, 380], heightMm: [700, 1000], priceUsd: [99, 799], weight: 2 },
      { noun: 'ladder bookcase', widthMm: [600, 900], depthMm: [350, 450], heightMm: [1700, 1900], priceUsd: [99, 449], weight: 1 },
      { noun: 'room divider shelving', widthMm: [1100, 1500], depthMm: [330, 400], heightMm: [1500, 1900], priceUsd: [249, 999], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'steel', 'birch plywood', 'painted MDF'],
    secondaryMaterials: ['steel', 'oak', 'brass'],
    colours: WOOD_COLOURS,
    adjectives: ['open', 'arched', 'modular', 'glass-door', 'tall'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 5,
  },
  shelf: {
    kinds: [
      { noun: 'wall shelf', widthMm: [500, 1200], depthMm: [150, 280], heightMm: [25, 250], priceUsd: [29, 249], weight: 4 },
      { noun: 'floating shelf', widthMm: [600, 1500], depthMm: [180, 260], heightMm: [30, 50], priceUsd: [29, 199], weight: 3 },
      { noun: 'shelving unit', widthMm: [800, 1200], depthMm: [300, 450], heightMm: [900, 1900], priceUsd: [89, 599], weight: 2 },
      { noun: 'picture ledge', widthMm: [600, 1150], depthMm: [90, 120], heightMm: [60, 100], priceUsd: [19, 99], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'steel', 'birch plywood', 'glass'],
    secondaryMaterials: ['steel', 'brass'],
    colours: [...WOOD_COLOURS, 'brass'],
    adjectives: ['slim', 'bracket', 'cube', 'corner', 'rail'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 4,
  },
  sideboard: {
    kinds: [
      { noun: 'sideboard', widthMm: [1400, 2000], depthMm: [400, 500], heightMm: [700, 850], priceUsd: [349, 2299], model: 'sideboard.gltf', weight: 4 },
      { noun: 'highboard', widthMm: [900, 1200], depthMm: [400, 480], heightMm: [1100, 1500], priceUsd: [449, 1999], weight: 1 },
      { noun: 'drinks cabinet', widthMm: [800, 1100], depthMm: [400, 500], heightMm: [900, 1400], priceUsd: [399, 1799], weight: 1 },
      { noun: 'chest of drawers', widthMm: [800, 1300], depthMm: [420, 520], heightMm: [750, 1200], priceUsd: [249, 1499], weight: 2 },
    ],
    primaryMaterials: [...WOODS, 'rattan', 'cane', 'painted MDF', 'travertine'],
    secondaryMaterials: ['brass', 'steel', 'oak'],
    colours: [...WOOD_COLOURS, 'sage', 'terracotta'],
    adjectives: ['fluted', 'slatted', 'reeded', 'cane-front', 'three-door', 'low'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 5,
  },
  'tv unit': {
    kinds: [
      { noun: 'TV unit', widthMm: [1200, 2000], depthMm: [380, 480], heightMm: [400, 600], priceUsd: [149, 1499], weight: 4 },
      { noun: 'media console', widthMm: [1400, 2200], depthMm: [400, 500], heightMm: [450, 650], priceUsd: [249, 1799], weight: 2 },
      { noun: 'corner TV stand', widthMm: [900, 1200], depthMm: [450, 600], heightMm: [450, 600], priceUsd: [129, 599], weight: 1 },
    ],
    primaryMaterials: [...WOODS, 'painted MDF', 'steel', 'rattan'],
    secondaryMaterials: ['steel', 'brass', 'glass'],
    colours: WOOD_COLOURS,
    adjectives: ['low', 'fluted', 'slatted', 'floating', 'two-door'],
    patterns: ['material-noun', 'adjective-noun'],
    share: 4,
  },
  lamp: {
    kinds: [
      { noun: 'floor lamp', widthMm: [300, 500], depthMm: [300, 500], heightMm: [1400, 1800], priceUsd: [59, 699], model: 'floor-lamp.gltf', weight: 3 },
      { noun: 'arc floor lamp', widthMm: [350, 450], depthMm: [1200, 1700], heightMm: [1800, 2100], priceUsd: [129, 899], weight: 1 },
      { noun: 'table lamp', widthMm: [200, 450], depthMm: [200, 450], heightMm: [300, 650], priceUsd: [29, 399], weight: 4 },
      { noun: 'desk lamp', widthMm: [140, 220], depthMm: [300, 500], heightMm: [350, 550], priceUsd: [39, 299], weight: 2 },
      { noun: 'pendant light', widthMm: [250, 700], depthMm: [250, 700], heightMm: [200, 500], priceUsd: [49, 599], weight: 2 },
    ],
    primaryMaterials: ['brass', 'ceramic', 'linen', 'rattan', 'glass', 'steel', 'paper', 'marble', 'oak'],
    secondaryMaterials: ['linen', 'steel', 'brass', 'cotton'],
    colours: ['brass', 'black', 'white', 'natural', 'sage', 'terracotta', 'opal', 'chrome'],
    adjectives: ['mushroom', 'globe', 'tripod', 'pleated', 'angled', 'dome', 'column'],
    patterns: ['adjective-noun', 'material-noun'],
    share: 7,
  },
  rug: {
    kinds: [
      { noun: 'rug', widthMm: [1200, 2000], depthMm: [1700, 2900], heightMm: [5, 25], priceUsd: [79, 1299], weight: 5 },
      { noun: 'runner', widthMm: [600, 900], depthMm: [2000, 3500], heightMm: [5, 15], priceUsd: [49, 499], weight: 1 },
      { noun: 'round rug', widthMm: [1200, 2400], depthMm: [1200, 2400], heightMm: [5, 25], priceUsd: [89, 999], weight: 2 },
      { noun: 'large area rug', widthMm: [2400, 3000], depthMm: [3000, 4000], heightMm: [8, 25], priceUsd: [399, 2999], weight: 1 },
    ],
    primaryMaterials: ['wool', 'jute', 'cotton', 'viscose', 'sisal', 'recycled polyester', 'seagrass'],
    secondaryMaterials: ['cotton', 'latex'],
    colours: ['ivory', 'charcoal', 'rust', 'navy', 'sage', 'natural', 'terracotta', 'blush pink', 'multicolour', 'ochre'],
    adjectives: ['flatweave', 'hand-tufted', 'shaggy', 'striped', 'geometric', 'washable', 'vintage-look', 'braided'],
    patterns: ['adjective-noun', 'material-noun'],
    share: 7,
  },
  plant: {
    kinds: [
      { noun: 'artificial olive tree', widthMm: [500, 800], depthMm: [500, 800], heightMm: [1200, 1800], priceUsd: [79, 399], weight: 2 },
      { noun: 'artificial fiddle-leaf fig', widthMm: [450, 700], depthMm: [450, 700], heightMm: [1100, 1700], priceUsd: [69, 349], weight: 2 },
      { noun: 'planter', widthMm: [250, 500], depthMm: [250, 500], heightMm: [250, 600], priceUsd: [25, 249], weight: 3 },
      { noun: 'plant stand', widthMm: [250, 450], depthMm: [250, 450], heightMm: [400, 900], priceUsd: [29, 199], weight: 2 },
      { noun: 'faux monstera', widthMm: [600, 900], depthMm: [600, 900], heightMm: [800, 1400], priceUsd: [59, 299], weight: 1 },
    ],
    primaryMaterials: ['ceramic', 'terracotta', 'rattan', 'concrete', 'seagrass', 'fibreglass', 'brass'],
    secondaryMaterials: ['polyethylene', 'steel', 'oak'],
    colours: ['green', 'terracotta', 'white', 'black', 'natural', 'sage', 'stone'],
    adjectives: ['potted', 'tall', 'ribbed', 'footed', 'glazed'],
    patterns: ['adjective-noun', 'material-noun'],
    share: 4,
  },
  mirror: {
    kinds: [
      { noun: 'round mirror', widthMm: [500, 1000], depthMm: [20, 50], heightMm: [500, 1000], priceUsd: [49, 599], weight: 3 },
      { noun: 'full-length mirror', widthMm: [400, 700], depthMm: [25, 60], heightMm: [1500, 1900], priceUsd: [79, 699], weight: 2 },
      { noun: 'arched mirror', widthMm: [600, 1000], depthMm: [25, 50], heightMm: [900, 1800], priceUsd: [99, 799], weight: 2 },
      { noun: 'overmantel mirror', widthMm: [900, 1400], depthMm: [30, 60], heightMm: [700, 1100], priceUsd: [149, 999], weight: 1 },
    ],
    primaryMaterials: ['brass', 'oak', 'rattan', 'steel', 'walnut', 'gilded resin', 'travertine'],
    secondaryMaterials: ['glass'],
    colours: ['brass', 'black', 'natural oak', 'gold', 'silver', 'walnut', 'natural'],
    adjectives: ['bevelled', 'framed', 'frameless', 'scalloped', 'sunburst', 'pill-shaped'],
    patterns: ['adjective-noun', 'material-noun'],
    share: 4,
  },
  'wall art': {
    kinds: [
      { noun: 'framed print', widthMm: [300, 700], depthMm: [20, 40], heightMm: [400, 1000], priceUsd: [29, 299], weight: 4 },
      { noun: 'canvas', widthMm: [600, 1400], depthMm: [25, 45], heightMm: [600, 1200], priceUsd: [59, 699], weight: 2 },
      { noun: 'wall hanging', widthMm: [400, 1000], depthMm: [10, 30], heightMm: [500, 1200], priceUsd: [39, 399], weight: 1 },
      { noun: 'gallery wall set', widthMm: [1000, 1600], depthMm: [20, 30], heightMm: [700, 1100], priceUsd: [99, 499], weight: 1 },
    ],
    primaryMaterials: ['paper', 'canvas', 'cotton', 'wool', 'oak', 'aluminium'],
    secondaryMaterials: ['oak', 'glass', 'aluminium', 'pine'],
    colours: ['multicolour', 'black', 'white', 'ochre', 'sage', 'blue', 'terracotta', 'natural'],
    adjectives: ['abstract', 'botanical', 'coastal', 'line-drawing', 'landscape', 'woven', 'typographic'],
    patterns: ['adjective-noun'],
    share: 4,
  },
};

/** Product line names; a name reads "Alba …". Invented for this project. */
export const LINE_NAMES = [
  'Alba', 'Arlo', 'Bexley', 'Bramble', 'Calder', 'Cove', 'Dagny', 'Drift', 'Elio', 'Ember',
  'Esme', 'Fenna', 'Fjord', 'Greta', 'Grove', 'Harlow', 'Haven', 'Hollis', 'Ines', 'Isla',
  'Jasper', 'Juno', 'Kaia', 'Kestrel', 'Larch', 'Linnea', 'Lumi', 'Marlo', 'Mira', 'Moss',
  'Nell', 'Nook', 'Odile', 'Oriel', 'Otto', 'Pax', 'Pike', 'Quill', 'Rhea', 'Rowan',
  'Sable', 'Sill', 'Soren', 'Teo', 'Thistle', 'Tove', 'Ulla', 'Umber', 'Vale', 'Vesper',
  'Willa', 'Wren', 'Yara', 'Zeno', 'Ashby', 'Bryn', 'Coralie', 'Delphine', 'Edda', 'Faro',
] as const;

export const STYLE_TAGS = ['modern', 'scandinavian', 'mid-century', 'industrial', 'traditional', 'boho', 'coastal', 'minimalist', 'japandi', 'farmhouse', 'art deco', 'contemporary'] as const;
