import { isUtf8 } from 'node:buffer';

/**
 * [Collab] Whether bytes are a well-formed Yjs update (encoding V1, what Hocuspocus providers
 * send), checked before the update is stored or applied: a malformed one is refused whole,
 * instead of failing half-way through `Y.applyUpdate` or poisoning the store (server.ts).
 *
 * It walks the same grammar as Yjs's own decoder (`Y.decodeUpdate`: lazyStructReaderGenerator,
 * readItemContent, readDeleteSet, lib0's readAny) and fails wherever that one throws, but builds
 * nothing: `Y.decodeUpdate` makes an object for every struct, ID and value, and on the relay's
 * thread that was about a third of the cost of storing an update. It is stricter in two corner
 * cases where lib0 reads on without complaint: a string or value that runs past the end of the
 * update (lib0 reads on into whatever memory follows it), and an integer whose first byte is
 * missing (lib0 reads 0). No Yjs encoder writes either.
 *
 * The rare content kinds that hold JSON (ContentJSON, ContentEmbed, ContentFormat) are parsed
 * with JSON.parse, as Yjs would.
 */
export class MalformedUpdateError extends Error {
  constructor(reason: string, at: number) {
    super(`malformed Yjs update: ${reason} at byte ${at}`);
    this.name = 'MalformedUpdateError';
  }
}

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;
const SKIP = 10;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// Content kinds (Yjs's contentRefs).
const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const CONTENT_DOC = 9;

// Shared type refs that carry a key (YXmlElement's node name, YXmlHook's hook name); 0–6 exist.
const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const TYPE_REFS = 7;

// lib0 readAny's tags, 127 down to 116.
const ANY_UNDEFINED = 127;
const ANY_NULL = 126;
const ANY_INTEGER = 125;
const ANY_FLOAT32 = 124;
const ANY_FLOAT64 = 123;
const ANY_BIGINT = 122;
const ANY_FALSE = 121;
const ANY_TRUE = 120;
const ANY_STRING = 119;
const ANY_OBJECT = 118;
const ANY_ARRAY = 117;
const ANY_BYTES = 116;

const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Throws MalformedUpdateError unless `update` is a whole, well-formed Yjs V1 update. */
export function checkUpdate(update: Uint8Array): void {
  checker.check(update);
}

/** One, reused: a check runs start to end in one call, and allocates nothing in the common case. */
class UpdateChecker {
  private bytes: Uint8Array = EMPTY;
  private pos = 0;
  private end = 0;
  private readonly open: number[] = [];

  check(update: Uint8Array): void {
    this.bytes = update;
    this.pos = 0;
    this.end = update.length;
    try {
      this.walk();
    } finally {
      this.bytes = EMPTY; // the update is not kept alive by the checker
    }
  }

  private walk(): void {
    const clientCount = this.varUint();
    for (let c = 0; c < clientCount; c++) {
      const structCount = this.varUint();
      this.varUint(); // client
      this.varUint(); // first clock
      for (let s = 0; s < structCount; s++) this.struct();
    }
    // The delete set.
    const deleteClients = this.varUint();
    for (let c = 0; c < deleteClients; c++) {
      this.varUint(); // client
      const deletes = this.varUint();
      for (let d = 0; d < deletes; d++) {
        this.varUint(); // clock
        this.varUint(); // length
      }
    }
  }

  private fail(reason: string): never {
    throw new MalformedUpdateError(reason, this.pos);
  }

  private byte(): number {
    if (this.pos >= this.end) this.fail('unexpected end');
    return this.bytes[this.pos++]!;
  }

  /** lib0's varUint: 7 bits a byte, low first; more than 2^53 is out of range. */
  private varUint(): number {
    return this.moreBits(0, 1);
  }

  /** lib0's varInt: a continuation bit, the sign and 6 bits in the first byte, then as a varUint. */
  private varInt(): void {
    const first = this.byte();
    if ((first & BIT8) !== 0) this.moreBits(first & 0x3f, 64);
  }

  /** Reads on while a byte's top bit says more follow, adding 7 bits a byte from `factor` up. */
  private moreBits(value: number, factor: number): number {
    while (this.pos < this.end) {
      const byte = this.bytes[this.pos++]!;
      value += (byte & 0x7f) * factor;
      factor *= 128;
      if (byte < BIT8) return value;
      if (value > MAX_SAFE) this.fail('integer out of range');
    }
    return this.fail('unexpected end');
  }

  /** `length` raw bytes; returns where they start. */
  private skip(length: number): number {
    if (length > this.end - this.pos) this.fail('length past the end');
    const start = this.pos;
    this.pos += length;
    return start;
  }

  /** A varString: its UTF-8 must be valid (lib0 decodes it with a fatal TextDecoder). */
  private string(): void {
    const start = this.skip(this.varUint());
    for (let i = start; i < this.pos; i++) {
      if (this.bytes[i]! >= BIT8) {
        if (!isUtf8(this.bytes.subarray(start, this.pos))) this.fail('invalid UTF-8 in a string');
        return;
      }
    }
  }

  private json(): void {
    const start = this.skip(this.varUint());
    this.parseJson(start, false);
  }

  /** The JSON text in bytes [start, pos): Yjs JSON.parses it ('undefined' too, where allowed). */
  private parseJson(start: number, undefinedAllowed: boolean): void {
    let text: string;
    try {
      text = utf8.decode(this.bytes.subarray(start, this.pos));
    } catch {
      return this.fail('invalid UTF-8 in a string');
    }
    if (undefinedAllowed && text === 'undefined') return;
    try {
      JSON.parse(text);
    } catch {
      this.fail('invalid JSON content');
    }
  }

  private struct(): void {
    const info = this.byte();
    if (info === SKIP) {
      this.varUint();
      return;
    }
    const kind = info & BITS5;
    if (kind === 0) {
      this.varUint(); // a GC struct's length
      return;
    }
    if ((info & BIT8) !== 0) this.id(); // origin
    if ((info & BIT7) !== 0) this.id(); // right origin
    if ((info & (BIT7 | BIT8)) === 0) {
      // The parent: a root type's name, or the ID of the item whose type it is.
      if (this.varUint() === 1) this.string();
      else this.id();
      if ((info & BIT6) !== 0) this.string(); // the map key
    }
    this.content(kind);
  }

  private id(): void {
    this.varUint();
    this.varUint();
  }

  private content(kind: number): void {
    switch (kind) {
      case CONTENT_DELETED:
        this.varUint();
        return;
      case CONTENT_JSON: {
        const count = this.varUint();
        for (let i = 0; i < count; i++) {
          const start = this.skip(this.varUint());
          this.parseJson(start, true);
        }
        return;
      }
      case CONTENT_BINARY:
        this.skip(this.varUint());
        return;
      case CONTENT_STRING:
        this.string();
        return;
      case CONTENT_EMBED:
        this.json();
        return;
      case CONTENT_FORMAT:
        this.string();
        this.json();
        return;
      case CONTENT_TYPE: {
        const ref = this.varUint();
        if (ref >= TYPE_REFS) this.fail('unknown shared type');
        if (ref === TYPE_XML_ELEMENT || ref === TYPE_XML_HOOK) this.string();
        return;
      }
      case CONTENT_ANY: {
        const count = this.varUint();
        for (let i = 0; i < count; i++) this.any();
        return;
      }
      case CONTENT_DOC: {
        this.string(); // guid
        // Yjs spreads these options into the subdocument's: null or undefined would throw there.
        const tag = this.bytes[this.pos];
        if (tag === ANY_NULL || tag === ANY_UNDEFINED) this.fail('subdocument without options');
        this.any();
        return;
      }
      default:
        this.fail(`unknown content kind ${kind}`);
    }
  }

  /**
   * One lib0 `any` value, nested arrays and objects included, walked without recursion: `open`
   * holds, per container still being read, how many values it has left (an array: > 0), or
   * minus how many entries (an object: < 0; an entry is a key, then a value).
   */
  private any(): void {
    const open = this.open;
    open.length = 0;
    for (;;) {
      const tag = this.byte();
      switch (tag) {
        case ANY_UNDEFINED:
        case ANY_NULL:
        case ANY_FALSE:
        case ANY_TRUE:
          break;
        case ANY_INTEGER:
          this.varInt();
          break;
        case ANY_FLOAT32:
          this.skip(4);
          break;
        case ANY_FLOAT64:
        case ANY_BIGINT:
          this.skip(8);
          break;
        case ANY_STRING:
          this.string();
          break;
        case ANY_OBJECT: {
          const entries = this.varUint();
          if (entries > 0) open.push(-entries);
          break;
        }
        case ANY_ARRAY: {
          const values = this.varUint();
          if (values > 0) open.push(values);
          break;
        }
        case ANY_BYTES:
          this.skip(this.varUint());
          break;
        default:
          this.fail(`unknown value tag ${tag}`);
      }
      // What comes next: the next value of the innermost container still open, or the end.
      for (;;) {
        if (open.length === 0) return;
        const left = open[open.length - 1]!;
        if (left === 0) {
          open.pop();
          continue;
        }
        if (left > 0) open[open.length - 1] = left - 1;
        else {
          this.string(); // the entry's key
          open[open.length - 1] = left + 1;
        }
        break;
      }
    }
  }
}

const checker = new UpdateChecker();
