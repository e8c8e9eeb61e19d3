/**
 * A native-format feed with one row of every kind of bad input an import must reject, between
 * good rows that must still import. Shared by the core tests and the server's import tests
 * (which also prove a rejected row never reaches the database).
 */
import type { RejectedField } from './validate.ts';

const HEADER = 'sku,name,category,width_mm,depth_mm,height_mm,price,currency,colours,style_tags,materials,model_url,product_url,image_url,final_sale';
const tail = 'sage|ochre,modern,velvet|oak,,https://www.shop.example/p,,false';

const LINES: readonly (string | Uint8Array)[] = [
  HEADER,
  `GB-1,Alba 3-seat sofa in velvet,sofa,2100,900,850,1299.00,GBP,${tail}`,
  `GB-2,"Broken sofa,sofa,2000,900,850,999.00,GBP,${tail}`,
  `GB-3,Wren armchair,armchair,800,860,800,"1,049.00",GBP,${tail}`,
  // "Café chair" saved by an old spreadsheet as Latin-1: é is the single byte 0xE9.
  new Uint8Array([...new TextEncoder().encode('GB-4,Caf'), 0xe9, ...new TextEncoder().encode(` chair,dining chair,450,520,800,89.00,GBP,${tail}`)]),
  `,Nameless lamp,lamp,300,300,1500,49.00,GBP,${tail}`,
  `GB-6,Free sofa,sofa,2100,900,850,0.00,GBP,${tail}`,
  `GB-7,Negative sofa,sofa,2100,900,850,-10.00,GBP,${tail}`,
  `GB-8,Priceless sofa,sofa,2100,900,850,call us,GBP,${tail}`,
  `GB-9,Misgrouped sofa,sofa,2100,900,850,"1,29.00",GBP,${tail}`,
  `GB-10,Endless sofa,sofa,25000,900,850,999.00,GBP,${tail}`,
  `GB-11,Shapeless sofa,sofa,,900,850,999.00,GBP,${tail}`,
  `GB-12,Moss flatweave rug,rug,1600,2300,,199.00,GBP,${tail}`,
  `GB-13,Half rug,rug,1600,,10,199.00,GBP,${tail}`,
  `GB-14,Mystery couch,Sofas & Couches,2100,900,850,999.00,GBP,${tail}`,
  `GB-1,Alba 3-seat sofa again,sofa,2100,900,850,1199.00,GBP,${tail}`,
  `GB-15,Euro sofa,sofa,2100,900,850,999.00,EUR,${tail}`,
  `GB-16,"Harlow 2-seat sofa,\nin linen",sofa,1700,880,820,899.00,GBP,${tail}`,
  `GB-17,Short row,lamp`,
  `GB-18,Otto side table,side table,450,450,550,79.00,GBP,${tail}`,
];

function toBytes(lines: readonly (string | Uint8Array)[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts = lines.map((line, index) => {
    const bytes = typeof line === 'string' ? encoder.encode(line) : line;
    // The last line has no line break: feeds often end that way.
    return index === lines.length - 1 ? bytes : new Uint8Array([...bytes, 0x0a]);
  });
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

export interface ExpectedRejection {
  readonly line: number;
  readonly field: RejectedField;
  readonly reason: RegExp;
}

export const BAD_ROWS_FEED = {
  retailerCurrency: 'GBP',
  bytes: toBytes(LINES),
  /** SKUs that must import, in file order */
  acceptedSkus: ['GB-1', 'GB-3', 'GB-12', 'GB-16', 'GB-18'],
  rejected: [
    { line: 3, field: 'row', reason: /unbalanced quote/ },
    { line: 5, field: 'encoding', reason: /line 5 is not valid UTF-8/ },
    { line: 6, field: 'sku', reason: /^sku: is missing/ },
    { line: 7, field: 'price', reason: /^price: must be greater than zero/ },
    { line: 8, field: 'price', reason: /^price: must be greater than zero/ },
    { line: 9, field: 'price', reason: /^price: "call us" is not a number/ },
    { line: 10, field: 'price', reason: /^price: "1,29.00" has a thousands separator in the wrong place/ },
    { line: 11, field: 'width', reason: /^width_mm: 25000 mm is over 20 m/ },
    { line: 12, field: 'width', reason: /^width_mm: is missing/ },
    { line: 14, field: 'depth', reason: /^depth_mm: is missing/ },
    { line: 15, field: 'category', reason: /^category: "Sofas & Couches" is not one of our categories/ },
    { line: 16, field: 'sku', reason: /appears more than once in this file \(first on line 2\)/ },
    { line: 17, field: 'currency', reason: /^currency: EUR differs from the retailer's currency GBP/ },
    { line: 20, field: 'row', reason: /has 3 fields, the header has 15/ },
  ] satisfies readonly ExpectedRejection[],
} as const;
