// Reads a scenario document (`.tripwire.json`) from a byte stream without ever holding its text:
// a file with a million events is hundreds of MB, more than JSON.parse can take as one string.
// @streamparser/json parses the bytes as they arrive; each event (`events.features[i]`) is handed
// to the caller in batches as soon as it is complete and is then dropped, and every other
// top-level member is kept to make up the head.
//
// Why the paths are set up as they are: `$.*` emits each top-level member whole, and
// `$.events.features.*` emits each event. With `keepStack: false` the parser drops an emitted value
// from its parent only when no ancestor is emitted too; `events` itself is emitted (by `$.*`), so the
// parser would keep every event inside it. We therefore take each event out of the features array
// ourselves as it is emitted, and `head.events` ends up with `features: []`.
//
// Works in a Web Worker and in Node 20: it needs only ReadableStream, TextEncoder/TextDecoder and
// DOMException.
import { Tokenizer, TokenizerError, TokenParser, TokenParserError, TokenType } from '@streamparser/json';
import type { ParsedElementInfo, ParsedTokenInfo } from '@streamparser/json';
import { MAX_SCENARIO_FILE_BYTES, formatCount, formatMegabytes } from '../data/limits';
import { describeByte, StreamPosition } from './stream-position';

export interface ScenarioFileRead {
  /** The document without `events.features`; `head.events`, if present, keeps its other keys (`type`). */
  head: Record<string, unknown>;
  /** How many events were handed to `onFeatures`. */
  featureCount: number;
}

export interface ReadScenarioOptions {
  /** Receives the events in document order, `batchSize` at a time (the last batch may be shorter); awaited before reading on. */
  onFeatures: (batch: unknown[]) => void | Promise<void>;
  /** Events per batch; 5,000 by default. */
  batchSize?: number;
  /** Largest file accepted, in bytes; MAX_SCENARIO_FILE_BYTES (400 MB) by default. */
  maxBytes?: number;
  signal?: AbortSignal;
}

/**
 * Why a scenario file could not be read. `message` says what is wrong (lower case, like the import
 * issues), `location` where: "line 12, column 5" (1-based, columns in characters) or "byte 1,234".
 */
export class ScenarioFileError extends Error {
  readonly location: string;

  constructor(message: string, location: string) {
    super(message);
    this.name = 'ScenarioFileError';
    this.location = location;
  }
}

const DEFAULT_BATCH_SIZE = 5000;
const DEFAULT_MAX_BYTES = MAX_SCENARIO_FILE_BYTES;
const CUT_SHORT = 'the file ends before the JSON is complete (is it cut short?)';

const describeLimit = (bytes: number) => (bytes >= 1_000_000 ? formatMegabytes(bytes) : `${formatCount(bytes)}-byte`);

const TOKEN_TEXT: Partial<Record<TokenType, string>> = {
  [TokenType.LEFT_BRACE]: '"{"',
  [TokenType.RIGHT_BRACE]: '"}"',
  [TokenType.LEFT_BRACKET]: '"["',
  [TokenType.RIGHT_BRACKET]: '"]"',
  [TokenType.COLON]: '":"',
  [TokenType.COMMA]: '","',
  [TokenType.TRUE]: 'true',
  [TokenType.FALSE]: 'false',
  [TokenType.NULL]: 'null',
};

function describeToken({ token, value }: ParsedTokenInfo): string {
  if (token === TokenType.STRING) {
    const text = String(value);
    return `the string ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
  }
  if (token === TokenType.NUMBER) return `the number ${String(value)}`;
  return TOKEN_TEXT[token] ?? String(value);
}

function describeTopLevel(token: TokenType): string {
  if (token === TokenType.LEFT_BRACKET) return 'an array';
  if (token === TokenType.STRING) return 'a string';
  if (token === TokenType.NUMBER) return 'a number';
  return TOKEN_TEXT[token] ?? 'a value';
}

/** The character that starts at `index`, decoded from UTF-8 (the tokenizer only names the byte). */
function describeCharacterAt(chunk: Uint8Array, index: number): string {
  const decoded = new TextDecoder().decode(chunk.subarray(index, index + 4));
  return JSON.stringify(String.fromCodePoint(decoded.codePointAt(0) ?? 0xfffd));
}

/**
 * The parser of one document: bytes go in with write(), events come out through takeBatches(),
 * the head at the end. Throws ScenarioFileError, located, on anything that is not a JSON object.
 */
class ScenarioParser {
  readonly head = new Map<string, unknown>();
  featureCount = 0;
  private readonly tokenizer = new Tokenizer();
  private readonly tokenParser = new TokenParser({ paths: ['$.*', '$.events.features.*'], keepStack: false });
  private readonly position = new StreamPosition();
  private chunk: Uint8Array = new Uint8Array(0);
  private lastToken: ParsedTokenInfo | undefined;
  private pending: unknown[] = [];
  private ready: unknown[][] = [];

  constructor(private readonly batchSize: number) {
    this.tokenizer.onToken = (token) => this.onToken(token);
    this.tokenParser.onValue = (element) => this.onValue(element);
  }

  write(chunk: Uint8Array): void {
    this.chunk = chunk;
    try {
      this.tokenizer.write(chunk);
    } catch (error) {
      throw this.locate(error);
    }
    this.position.advance(chunk);
  }

  /** Full batches so far, in order; the caller hands them on before writing more. */
  takeBatches(): unknown[][] {
    const batches = this.ready;
    this.ready = [];
    return batches;
  }

  /** Checks that the document is complete, and returns the last, partial batch. */
  end(): unknown[] {
    this.chunk = new Uint8Array(0);
    try {
      this.tokenizer.end(); // flushes a number the stream ended on, or throws if it ended mid-token
    } catch (error) {
      throw this.locate(error);
    }
    if (this.lastToken === undefined) throw new ScenarioFileError('the file is empty: a scenario is a JSON object', this.position.describeEnd());
    if (!this.tokenParser.isEnded) throw new ScenarioFileError(`JSON syntax error: ${CUT_SHORT}`, this.position.describeEnd());
    const last = this.pending;
    this.pending = [];
    return last;
  }

  private onToken(token: ParsedTokenInfo): void {
    // The parser can only say "unexpected …": we keep the token to say which, and where.
    if (this.lastToken === undefined && token.token !== TokenType.LEFT_BRACE) {
      const found = describeTopLevel(token.token);
      throw new ScenarioFileError(`a scenario must be a JSON object ({ … }), but the file holds ${found}`, this.position.describe(this.chunk, token.offset));
    }
    if (this.tokenParser.isEnded) {
      throw new ScenarioFileError(`JSON syntax error: unexpected ${describeToken(token)} after the end of the scenario object`, this.position.describe(this.chunk, token.offset));
    }
    this.lastToken = token;
    this.tokenParser.write(token);
  }

  private onValue({ value, key, parent, stack }: ParsedElementInfo): void {
    if (stack.length === 1) {
      this.head.set(String(key), value); // `$.*`: a whole top-level member
      return;
    }
    // `$.events.features.*`: one event. Take it out of the array the parser is filling, so that the
    // document's events are never all held at once. (Not an array: a malformed file; leave it in the
    // head for validation to report.)
    if (!Array.isArray(parent) || parent.at(-1) !== value) return;
    parent.pop();
    this.pending.push(value);
    this.featureCount += 1;
    if (this.pending.length >= this.batchSize) {
      this.ready.push(this.pending);
      this.pending = [];
    }
  }

  /** Turns the parser's errors into located ScenarioFileErrors; other errors pass through. */
  private locate(error: unknown): unknown {
    if (error instanceof TokenizerError) {
      // The tokenizer names the position in its message only: 'Unexpected "x" at chunk position
      // "3" (absolute position "1027") in state …', or says it ended in the middle of a token.
      const absolute = /absolute position "(\d+)"/.exec(error.message);
      if (!absolute) return new ScenarioFileError(`JSON syntax error: ${CUT_SHORT}`, this.position.describeEnd());
      const offset = Number(absolute[1]);
      const character = describeCharacterAt(this.chunk, offset - this.position.start);
      return new ScenarioFileError(`JSON syntax error: unexpected character ${character}`, this.position.describe(this.chunk, offset));
    }
    if (error instanceof TokenParserError && this.lastToken) {
      return new ScenarioFileError(`JSON syntax error: unexpected ${describeToken(this.lastToken)}`, this.position.describe(this.chunk, this.lastToken.offset));
    }
    return error;
  }
}

const abortError = () => new DOMException('Reading the scenario file was aborted.', 'AbortError');

/**
 * Reads a scenario document from a byte stream. Calls onFeatures with batches (default 5000) of
 * `events.features` elements as they are parsed (each element as parsed JSON, unvalidated), and
 * resolves with everything else (`head`: the document without `events.features`; `head.events`
 * keeps its other keys such as `type`, with `features: []`). `events` may come anywhere in the
 * document or be absent. Rejects with ScenarioFileError (located) on invalid JSON, on a top-level
 * value that is not an object, or when more than maxBytes (default MAX_SCENARIO_FILE_BYTES) bytes arrive.
 * `signal` aborts: rejects with an AbortError DOMException. The stream is cancelled on any failure.
 */
export async function parseScenarioStream(stream: ReadableStream<Uint8Array>, options: ReadScenarioOptions): Promise<ScenarioFileRead> {
  const { onFeatures, signal } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const reader = stream.getReader();
  // Cancelling ends a read that is waiting for the file, so an abort is seen at once.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    if (signal?.aborted) throw abortError();
    const parser = new ScenarioParser(batchSize);
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortError();
      if (done) break;
      // Checked before parsing, so an oversized file is refused without parsing its excess.
      if (bytes + value.length > maxBytes) {
        throw new ScenarioFileError(`the file is larger than the ${describeLimit(maxBytes)} limit`, describeByte(maxBytes));
      }
      bytes += value.length;
      parser.write(value);
      for (const batch of parser.takeBatches()) {
        await onFeatures(batch);
        if (signal?.aborted) throw abortError();
      }
    }
    const last = parser.end();
    if (last.length > 0) await onFeatures(last);
    if (signal?.aborted) throw abortError();
    // fromEntries, not assignment: a "__proto__" key must become a plain member.
    return { head: Object.fromEntries(parser.head), featureCount: parser.featureCount };
  } catch (error) {
    await reader.cancel(error).catch(() => undefined); // stop reading the rest of the file
    throw error;
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}

/** Characters per chunk of parseScenarioText's stream: about as large as a file stream's chunks. */
const TEXT_CHUNK = 64 * 1024;

/** A text as a stream of UTF-8 chunks, encoded as they are read. */
function textStream(text: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let start = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (start >= text.length) {
        controller.close();
        return;
      }
      let end = Math.min(text.length, start + TEXT_CHUNK);
      // Never split a surrogate pair: each half alone would be encoded as U+FFFD.
      const lastCode = text.charCodeAt(end - 1);
      if (end < text.length && lastCode >= 0xd800 && lastCode <= 0xdbff) end -= 1;
      controller.enqueue(encoder.encode(text.slice(start, end)));
      start = end;
    },
  });
}

/** parseScenarioStream for a text already in memory (small files, tests): it is read in 64 K-character chunks. */
export function parseScenarioText(text: string, options: ReadScenarioOptions): Promise<ScenarioFileRead> {
  return parseScenarioStream(textStream(text), options);
}
