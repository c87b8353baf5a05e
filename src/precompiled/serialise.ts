import { patternFinder, LexiconIndex, type PackedIndex, bytesOf, PagedBytes } from "../match/index.js";
import { termDecoder, termLine } from "./term-codec.js";
import type { Timeline, TimelineVersion } from "../compile/types.js";
import { contextShape, READ_CONTEXTS, signalShape, type SignalContexts } from "../compile/shapes.js";
import type { CompiledPolicy, CondC, ContextC, RuleC, Scope, SignalC, TargetCues } from "../compile/types.js";
import { VERSION } from "../base/version.js";
import type { LanguageDetector } from "../text/language.js";

/** Version of the precompiled format; a mismatch means "recompile from the YAML". */
export const IR_VERSION = 16;

/**
 * A file a precompiled policy was built from, to tell when it is stale: by its content, never by
 * its modification time, which installing a package resets.
 */
export interface SourceStamp {
  /** Relative to the bundled rules folder. */
  readonly path: string;
  readonly size: number;
  /** CRC-32 of the file's bytes (see src/use-cases/crc32.ts for why not a cryptographic hash). */
  readonly crc32: number;
}

/**
 * The compiler a precompiled policy was built by: modpol's version and the precompiled format's. A
 * policy precompiled by another modpol is compiled again from its YAML.
 */
export const COMPILER_VERSION = `${VERSION}/ir${IR_VERSION}`;

/** A compiled policy as plain data: what `npm run build` writes for the bundled policies. */
export interface PolicyIR {
  readonly version: number;
  /** {@link COMPILER_VERSION} of the build that wrote it. */
  readonly compiler: string;
  readonly sources: readonly SourceStamp[];
  readonly policy: Record<string, unknown>;
  readonly lexicons: readonly string[];
  readonly fuzzyLexicons: readonly number[];
  /** The lexicon index with its views prebuilt, each term decoded on first use (see {@link termLine}). */
  readonly index: PackedIndex;
  readonly patterns: readonly { lexicon: number; lang: string; source: string; prefix: string }[];
  /** Each lexicon's `except` words as they are packed (CompiledPolicy.lexiconExcept), in bytes. */
  readonly lexiconExcept: readonly Uint8Array[];
  /**
   * The `require` and `exclude` contexts of the signal at position `i` of `policy.signals`, as the
   * JSON text of `[require, exclude]`: read from the file each time it is asked for (the evaluator
   * asks once per signal and policy; see {@link deserialisePolicy}).
   */
  signalContexts(i: number): string;
}

function condToIR(c: CondC): unknown {
  switch (c.k) {
    case "or":
    case "and":
      return { ...c, items: c.items.map(condToIR) };
    case "not":
      return { ...c, item: condToIR(c.item) };
    case "country-in":
    case "lang-in":
      return { ...c, codes: [...c.codes] };
    case "field-in":
    case "contains":
      return { ...c, values: [...c.values] };
    default:
      return c;
  }
}

function condFromIR(c: Record<string, unknown>): CondC {
  switch (c.k) {
    case "or":
    case "and":
      return { ...c, items: (c.items as Record<string, unknown>[]).map(condFromIR) } as unknown as CondC;
    case "not":
      return { ...c, item: condFromIR(c.item as Record<string, unknown>) } as CondC;
    case "country-in":
    case "lang-in":
      return { ...c, codes: new Set(c.codes as string[]) } as unknown as CondC;
    case "field-in":
    case "contains":
      return { ...c, values: new Set(c.values as string[]) } as unknown as CondC;
    default:
      return c as CondC;
  }
}

/** First line of a precompiled policy file. */
const MAGIC = "modpol-ir\n";

/**
 * Bytes read first: the magic line and the line giving the header's byte length. Knowing the length
 * before reading the header is what lets the loader read the header alone, in one read into one
 * buffer: searching for its newline read past it by up to four times its size and copied every
 * piece into a larger buffer, a fresh page touched for each of them.
 */
const PREAMBLE_BYTES = MAGIC.length + 16;

/**
 * JSON with every character past ASCII escaped (`\u0436`): the loader then decodes the header one
 * byte a character (latin1) and V8 holds and parses it as a one-byte string, half the memory of the
 * two-byte string that a few Cyrillic labels made of all of it. JSON.parse gives the same strings.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The sections after the header, in file order: the terms (encoded one after the other), where each
 * starts (uint32 little-endian byte offsets into `terms`, one more than there are terms), then the
 * packed views (`fuzzy.stemLengths` and `fuzzy.stemHeads` travel in the header), each lexicon's
 * `except` words and each signal's contexts.
 */
const SECTIONS = ["terms", "termOffsets", "exact.words", "exact.stems", "squeezed.words", "squeezed.stems", "translit.words", "translit.stems", "gluedPairs.words", "gluedPairs.stems", "knownWords", "fuzzyWords", "fuzzy.words", "fuzzy.longWords", "fuzzy.stems", "lexiconExcept", "signalContexts"] as const;

/** What a precompiled file's JSON header holds: everything but the index's sections. */
interface Header extends Omit<PolicyIR, "index" | "lexiconExcept" | "signalContexts"> {
  readonly stemLengths: readonly number[];
  readonly stemHeads: readonly string[];
  /** The languages the knownWords section names by id (see LexiconIndex.wordLanguages). */
  readonly wordLanguages: readonly string[];
  /** Longest stem of each view. */
  readonly maxStems: Readonly<Record<"exact" | "squeezed" | "translit" | "gluedPairs", number>>;
  /** Byte length of each of {@link SECTIONS}, stored one after the other after the header. */
  readonly sections: readonly number[];
  /**
   * Byte length of each lexicon's packed `except` words in the lexiconExcept section. A section, not
   * JSON: they were 111 KB of the 190 KB header, mostly Cyrillic, parsed as JSON strings in every run
   * though a run consults a few of them.
   */
  readonly exceptLengths: readonly number[];
  /**
   * Byte length of each signal's contexts in the signalContexts section, in the order of
   * `policy.signals`. A section, not JSON in the header: they were 206 KB of meta-baseline's 266 KB
   * header (labels and nested conditions), parsed and collected in every run though a post reads the
   * contexts of the few signals it has candidates for.
   */
  readonly contextLengths: readonly number[];
}

/**
 * Serialises a compiled policy so it can be loaded later without YAML parsing or validation: a line
 * saying what the file is, a line giving the header's byte length, the header as one line of ASCII
 * JSON (rules, signals but their contexts, settings…) and then the sections as raw bytes, which
 * loading leaves unread until a view or a signal's contexts are first consulted.
 */
export function serialisePolicy(p: CompiledPolicy, sources: readonly SourceStamp[]): Buffer {
  // The language identifier is not part of the policy's data: the loader attaches it again.
  const { index, signalByName: _byName, countrySets, stringSets, settings, settingsSet: _set, rules, languageModel: _model, lexiconExcept, signals, ...rest } = p;
  const contexts = signals.map((s) => Buffer.from(asciiJson([s.require, s.exclude] satisfies ContextsIR), "latin1"));
  const except = lexiconExcept.map((packed) => bytesOf(packed));
  const packed = index.pack();
  const terms = index.terms.map((t) => Buffer.from(termLine(t), "utf8"));
  const offsets = Buffer.alloc(4 * (terms.length + 1));
  let off = 0;
  terms.forEach((b, i) => {
    offsets.writeUInt32LE(off, 4 * i);
    off += b.length;
  });
  offsets.writeUInt32LE(off, 4 * terms.length);
  const text: Record<Exclude<(typeof SECTIONS)[number], "terms" | "termOffsets">, string | Uint8Array | PagedBytes> = {
    "exact.words": packed.exact.words,
    "exact.stems": packed.exact.stems,
    "squeezed.words": packed.squeezed.words,
    "squeezed.stems": packed.squeezed.stems,
    "translit.words": packed.translit.words,
    "translit.stems": packed.translit.stems,
    "gluedPairs.words": packed.gluedPairs.words,
    "gluedPairs.stems": packed.gluedPairs.stems,
    knownWords: packed.knownWords,
    fuzzyWords: packed.fuzzyWords,
    "fuzzy.words": packed.fuzzy.words,
    "fuzzy.longWords": packed.fuzzy.longWords,
    "fuzzy.stems": packed.fuzzy.stems,
    lexiconExcept: Buffer.concat(except),
    signalContexts: Buffer.concat(contexts),
  };
  const bodies = SECTIONS.map((k) => (k === "terms" ? Buffer.concat(terms) : k === "termOffsets" ? offsets : bytesOf(text[k])));
  const header: Header = {
    version: IR_VERSION,
    compiler: COMPILER_VERSION,
    sources,
    policy: {
      ...rest,
      signals: signals.map(({ require: _r, exclude: _e, ...s }) => s),
      countrySets: [...countrySets].map(([k, v]) => [k, [...v]]),
      stringSets: [...stringSets].map(([k, v]) => [k, [...v]]),
      settings: [...settings],
      rules: rules.map((r) => ({ ...r, when: condToIR(r.when) })),
    },
    lexicons: index.lexicons,
    fuzzyLexicons: [...index.fuzzyLexicons],
    patterns: index.patterns.map(({ lexicon, lang, source, prefix }) => ({ lexicon, lang, source, prefix })),
    stemLengths: packed.fuzzy.stemLengths,
    stemHeads: packed.fuzzy.stemHeads,
    wordLanguages: packed.wordLanguages,
    maxStems: { exact: packed.exact.maxStem, squeezed: packed.squeezed.maxStem, translit: packed.translit.maxStem, gluedPairs: packed.gluedPairs.maxStem },
    sections: bodies.map((b) => b.length),
    exceptLengths: except.map((b) => b.length),
    contextLengths: contexts.map((b) => b.length),
  };
  const json = asciiJson(header);
  return Buffer.concat([Buffer.from(`${MAGIC}${json.length}\n${json}\n`, "latin1"), ...bodies]);
}

/**
 * The bytes of a precompiled policy: the whole file in memory, or a file read a piece at a time.
 * A one-post run needs a tenth of a bundled policy's 4.6 MB (the header, the term offsets, a few
 * views and a few dozen terms), so the loader reads pieces as they are asked for.
 */
export interface IrBytes {
  readonly size: number;
  /** Bytes [start, end). */
  slice(start: number, end: number): Uint8Array;
}

/**
 * Terms read one at a time before the whole terms section is worth reading at once. A one-post run
 * must stay under it: "Death to the Russian invaders!" meets 338 terms since the tenth round of
 * lexicons (a common word such as "death" heads hundreds), and past the limit it read the whole 17 MB
 * section for one post. Two small reads a term cost far less than that until a run has met thousands.
 */
const SINGLE_TERM_READS = 2048;

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/**
 * Reads a serialised policy (without checking staleness; see the loader). Only the header is
 * parsed; each section of the index is read and decoded the first time it is used.
 */
export function parsePolicyIR(file: Buffer | IrBytes): PolicyIR {
  const src: IrBytes = Buffer.isBuffer(file) ? { size: file.length, slice: (a, b) => file.subarray(a, b) } : file;
  const pre = asBuffer(src.slice(0, Math.min(src.size, PREAMBLE_BYTES)));
  const lengthEnd = pre.indexOf(10, MAGIC.length);
  const lengthText = lengthEnd < 0 ? "" : pre.toString("latin1", MAGIC.length, lengthEnd);
  if (pre.toString("latin1", 0, MAGIC.length) !== MAGIC || !/^[0-9]+$/.test(lengthText)) throw new Error("not a precompiled modpol policy");
  const headerAt = lengthEnd + 1;
  const nl = headerAt + Number(lengthText);
  // The header's newline is read with it: a length that does not end at one is a damaged file.
  const head = nl < src.size ? asBuffer(src.slice(headerAt, nl + 1)) : undefined;
  if (head?.[head.length - 1] !== 10) throw new Error("not a precompiled modpol policy");
  const header = JSON.parse(head.toString("latin1", 0, head.length - 1)) as Header;
  if (header.version !== IR_VERSION) {
    return {
      ...header,
      index: undefined as unknown as PackedIndex,
      lexiconExcept: [],
      signalContexts: () => {
        throw new Error(`a precompiled policy of format ${header.version} has no contexts this build can read`);
      },
    };
  }
  const at = new Map<string, [number, number]>();
  let pos = nl + 1;
  SECTIONS.forEach((k, i) => {
    const len = header.sections[i] ?? 0;
    at.set(k, [pos, pos + len]);
    pos += len;
  });
  const read = new Map<string, Uint8Array>();
  // Sections stay bytes: packed maps are searched as UTF-8 and decoded only if used heavily.
  const section = (k: (typeof SECTIONS)[number]): Uint8Array => {
    let b = read.get(k);
    if (b === undefined) {
      const [s, e] = at.get(k) as [number, number];
      read.set(k, (b = src.slice(s, e)));
    }
    return b;
  };
  // A section searched in place (a packed map or set), read a block at a time as searches reach it
  // when it lives in a file (see PagedBytes); bytes already in memory are taken as they are.
  // One PagedBytes a section, as `section` keeps one read: each getter call of the index must not
  // start the section's blocks afresh (and read them again).
  const whole = Buffer.isBuffer(file);
  const paged = new Map<string, PagedBytes>();
  const searched = (k: (typeof SECTIONS)[number]): Uint8Array | PagedBytes => {
    if (whole) return section(k);
    let p = paged.get(k);
    if (p === undefined) {
      const [s, e] = at.get(k) as [number, number];
      paged.set(k, (p = new PagedBytes(e - s, (from, to) => src.slice(s + from, s + to))));
    }
    return p;
  };
  const [termsAt] = at.get("terms") as [number, number];
  const [offsetsAt, offsetsEnd] = at.get("termOffsets") as [number, number];
  let offsets: Buffer | undefined;
  // The whole terms section once read: kept, so that a term costs its decoding only, not a look-up
  // of the section and a Buffer wrapped around it each time (a long run decodes ~100,000 terms).
  let terms: Buffer | undefined;
  let singleReads = 0;
  const termCount = Math.max(0, (offsetsEnd - offsetsAt) / 4 - 1);
  const termText = (id: number): string => {
    // The single reads below would read another section's bytes for an id out of range.
    if (!Number.isInteger(id) || id < 0 || id >= termCount) throw new RangeError(`term ${id} is not in this policy (0..${termCount - 1})`);
    // A long run meets many terms: then one read of each whole section beats many small ones. Until
    // then a term costs two small reads, its two offsets and its text: the offsets section alone is
    // 0.6 MB, which a one-post run (a few dozen terms) would read for nothing.
    if (terms !== undefined || read.has("terms") || ++singleReads > SINGLE_TERM_READS) {
      offsets ??= asBuffer(section("termOffsets"));
      terms ??= asBuffer(section("terms"));
      return terms.toString("utf8", offsets.readUInt32LE(4 * id), offsets.readUInt32LE(4 * id + 4));
    }
    const ends = asBuffer(src.slice(offsetsAt + 4 * id, offsetsAt + 4 * id + 8));
    return asBuffer(src.slice(termsAt + ends.readUInt32LE(0), termsAt + ends.readUInt32LE(4))).toString("utf8");
  };
  const view = (name: "exact" | "squeezed" | "translit" | "gluedPairs") => ({ words: searched(`${name}.words`), stems: searched(`${name}.stems`), maxStem: header.maxStems[name] });
  // Getters: a section costs nothing until the index unpacks the view it belongs to.
  const index: PackedIndex = {
    termCount,
    termText,
    get exact() {
      return view("exact");
    },
    get squeezed() {
      return view("squeezed");
    },
    get translit() {
      return view("translit");
    },
    get gluedPairs() {
      return view("gluedPairs");
    },
    get knownWords() {
      return searched("knownWords");
    },
    wordLanguages: header.wordLanguages,
    get fuzzyWords() {
      return searched("fuzzyWords");
    },
    get fuzzy() {
      return { words: searched("fuzzy.words"), longWords: searched("fuzzy.longWords"), stems: searched("fuzzy.stems"), stemLengths: header.stemLengths, stemHeads: header.stemHeads };
    },
  };
  const { stemLengths: _s, stemHeads: _h, wordLanguages: _w, sections: _l, maxStems: _m, exceptLengths, contextLengths, ...ir } = header;
  // One read for every lexicon's except words; each is then a view of its own bytes.
  const exceptAll = section("lexiconExcept");
  let exceptAt = 0;
  const lexiconExcept = exceptLengths.map((n) => exceptAll.subarray(exceptAt, (exceptAt += n)));
  // Each signal's contexts are read alone, when the evaluator first reads them: a one-post run reads
  // a few of them, not the whole section.
  const [contextsAt] = at.get("signalContexts") as [number, number];
  const contextStarts: number[] = [];
  let contextEnd = contextsAt;
  for (const n of contextLengths) contextStarts.push(contextEnd, (contextEnd += n));
  const signalContexts = (i: number): string => {
    const start = contextStarts[2 * i];
    if (start === undefined) throw new RangeError(`signal ${i} is not in this policy`);
    return asBuffer(src.slice(start, contextStarts[2 * i + 1] as number)).toString("latin1");
  };
  return { ...ir, index, lexiconExcept, signalContexts };
}

/** A signal's contexts as the signalContexts section holds them. */
type ContextsIR = [readonly ContextC[] | null, readonly ContextC[]];

/** A signal as the header holds it: all but its contexts. */
type SignalIR = Omit<SignalC, "require" | "exclude">;

/**
 * A signal of a precompiled policy whose `require` and `exclude` stay in the file until read. They
 * are own enumerable properties in the compiler's key order (see compile/shapes.ts), as on a
 * compiled signal, so that comparing, spreading or printing a signal sees the same keys and values;
 * their getters are one pair of functions shared by every instance, so that all of them keep one
 * hidden class. Each read parses the contexts afresh and nothing is cached here: a compiled policy
 * is immutable, and a run-time cache belongs to the phase that uses it. The evaluator reads each
 * signal's contexts once per policy, both from one read ({@link READ_CONTEXTS}), and keeps them in
 * its own table (evaluate/signal-tables.ts).
 */
class PrecompiledSignal {
  declare readonly name: string;
  declare readonly index: number;
  declare readonly description: string | undefined;
  declare readonly lexicons: readonly number[];
  declare readonly members: readonly number[];
  declare readonly require: readonly ContextC[] | null;
  declare readonly exclude: readonly ContextC[];
  declare readonly near: { readonly signal: number; readonly scope: Scope; readonly before: number | undefined; readonly after: number | undefined } | null;
  declare readonly targetOf: number | null;
  declare readonly targets: TargetCues | null;
  declare readonly frame: string | undefined;
  readonly #text: () => string;

  static readonly #require: PropertyDescriptor = {
    get(this: PrecompiledSignal) {
      return this[READ_CONTEXTS]().require;
    },
    enumerable: true,
  };
  static readonly #exclude: PropertyDescriptor = {
    get(this: PrecompiledSignal) {
      return this[READ_CONTEXTS]().exclude;
    },
    enumerable: true,
  };

  constructor(s: SignalIR, text: () => string) {
    this.#text = text;
    // The compiler's keys in its order, from its own shape (JSON dropped those whose value is
    // undefined); the contexts as the shared getters.
    const shaped = signalShape({ ...s, require: null, exclude: [] });
    for (const key of Object.keys(shaped) as (keyof SignalC)[]) {
      if (key === "require") Object.defineProperty(this, key, PrecompiledSignal.#require);
      else if (key === "exclude") Object.defineProperty(this, key, PrecompiledSignal.#exclude);
      else (this as Record<string, unknown>)[key] = shaped[key];
    }
  }

  /** Both contexts from one read of the file and one parse, in the compiler's shapes. */
  [READ_CONTEXTS](): SignalContexts {
    const [require, exclude] = JSON.parse(this.#text()) as ContextsIR;
    return { require: require === null ? null : require.map(contextShape), exclude: exclude.map(contextShape) };
  }
}

/**
 * Rebuilds the immutable CompiledPolicy from its serialised form, with the language identifier the
 * loader attaches (see CompiledPolicy.languageModel). Nothing of the lexicon index is decoded here:
 * each view is unpacked when first consulted and each term when a look-up meets it.
 */
export function deserialisePolicy(ir: PolicyIR, languageModel?: LanguageDetector): CompiledPolicy {
  const index = LexiconIndex.fromPacked(ir.lexicons, new Set(ir.fuzzyLexicons), ir.index, termDecoder());
  for (const p of ir.patterns) index.patterns.push({ ...p, find: patternFinder(p.source, p.prefix) });
  const p = ir.policy as Record<string, unknown> & Pick<CompiledPolicy, "signals">;
  // The compiler's own shapes: JSON dropped the keys whose value is undefined.
  const signals = (p.signals as readonly SignalIR[]).map((s, i): SignalC => new PrecompiledSignal(s, () => ir.signalContexts(i)));
  return Object.freeze({
    ...(p as unknown as CompiledPolicy),
    signals,
    countrySets: new Map((p.countrySets as [string, string[]][]).map(([k, v]) => [k, new Set(v)])),
    stringSets: new Map((p.stringSets as [string, string[]][]).map(([k, v]) => [k, new Set(v)])),
    settings: new Map(p.settings as [string, number | boolean | string][]),
    signalByName: new Map(signals.map((s) => [s.name, s])),
    rules: (p.rules as Record<string, unknown>[]).map((r) => ({ ...r, when: condFromIR(r.when as Record<string, unknown>) }) as RuleC),
    index,
    lexiconExcept: ir.lexiconExcept,
    languageModel,
  });
}

/** Version of the precompiled timeline format. */
export const TIMELINE_IR_VERSION = 1;

/** A timeline as plain JSON: its periods, and the bundled policy id of each version. */
export interface TimelineIR {
  readonly version: number;
  /** {@link COMPILER_VERSION} of the build that wrote it. */
  readonly compiler: string;
  /** The timeline file and every file of every version: any change makes the whole stale. */
  readonly sources: readonly SourceStamp[];
  readonly timeline: Omit<Timeline, "versions"> & { readonly versions: readonly Omit<TimelineVersion, "policy">[] };
}

/** Serialises a timeline whose versions are all bundled policies (each is precompiled on its own). */
export function serialiseTimeline(t: Timeline, sources: readonly SourceStamp[]): string {
  const ir: TimelineIR = { version: TIMELINE_IR_VERSION, compiler: COMPILER_VERSION, sources, timeline: { ...t, versions: t.versions.map(({ policy: _p, ...v }) => v) } };
  return JSON.stringify(ir);
}

/**
 * Rebuilds a timeline from its serialised form. Each version's policy is loaded by `load` the first
 * time a post needs it, so `eval --at 2022-03-11` on a bundled timeline reads one policy, not all.
 */
export function deserialiseTimeline(ir: TimelineIR, load: (id: string) => CompiledPolicy): Timeline {
  const versions = ir.timeline.versions.map((v) => {
    let policy: CompiledPolicy | undefined;
    return Object.freeze({
      ...v,
      get policy(): CompiledPolicy {
        policy ??= load(v.id);
        return policy;
      },
    });
  });
  return Object.freeze({ ...ir.timeline, versions });
}
