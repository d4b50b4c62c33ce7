// Finds where a JSON text first goes wrong. JSON.parse's messages differ between engines (V8
// names a position only sometimes, Firefox a line, Safari neither), so after JSON.parse fails we
// scan the text ourselves: same location and wording in every browser and in Node.
// Iterative, not recursive: a file of a million "[" must not overflow the stack.

export interface JsonSyntaxError {
  /** UTF-16 offset into the text. */
  offset: number;
  reason: string;
}

type Expecting = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = '"\\/bfnrt';
const HEX4 = /^[0-9a-fA-F]{4}$/;

const describeCharacter = (text: string, offset: number) => JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!));

/** Returns the offset just past the string that opens at `start`, or the error in it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let index = start + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code < 0x20) return { offset: index, reason: 'a raw line break or control character inside a string (write it as \\n, \\t …)' };
    if (code !== 0x5c) continue;
    const escape = text[index + 1];
    if (escape === 'u' && HEX4.test(text.slice(index + 2, index + 6))) index += 5;
    else if (escape !== undefined && ESCAPES.includes(escape)) index += 1;
    else if (escape !== undefined) return { offset: index, reason: `invalid escape "\\${escape}" in a string` };
  }
  return { offset: start, reason: 'a string opens here and is never closed (is the file cut short?)' };
}

/** Offset just past a number or literal at `start`, or -1. */
function scanScalar(text: string, start: number): number {
  NUMBER.lastIndex = start;
  if (NUMBER.exec(text)) return NUMBER.lastIndex;
  const literal = LITERALS.find((word) => text.startsWith(word, start));
  return literal ? start + literal.length : -1;
}

const isJsonWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const open: ('[' | '{')[] = [];
  let expecting: Expecting = 'value';
  let index = 0;
  const afterValue = () => (open.length > 0 ? 'comma-or-close' : 'end');
  while (true) {
    while (index < text.length && isJsonWhitespace(text.charCodeAt(index))) index += 1;
    if (index >= text.length) {
      return expecting === 'end' ? null : { offset: text.length, reason: 'the file ends before the JSON is complete (is it cut short?)' };
    }
    const character = text[index]!;
    const closing = open.at(-1) === '{' ? '}' : ']';
    if ((expecting === 'value-or-close' && character === ']') || (expecting === 'key-or-close' && character === '}')) {
      open.pop();
      index += 1;
      expecting = afterValue();
    } else if (expecting === 'value' || expecting === 'value-or-close') {
      if (character === '{' || character === '[') {
        open.push(character);
        index += 1;
        expecting = character === '{' ? 'key-or-close' : 'value-or-close';
        continue;
      }
      const end = character === '"' ? scanString(text, index) : scanScalar(text, index);
      if (typeof end !== 'number') return end;
      if (end < 0) return { offset: index, reason: `unexpected character ${describeCharacter(text, index)} where a value should be` };
      index = end;
      expecting = afterValue();
    } else if (expecting === 'key' || expecting === 'key-or-close') {
      if (character !== '"') return { offset: index, reason: `expected a property name in double quotes, found ${describeCharacter(text, index)}` };
      const end = scanString(text, index);
      if (typeof end !== 'number') return end;
      index = end;
      expecting = 'colon';
    } else if (expecting === 'colon') {
      if (character !== ':') return { offset: index, reason: `expected ":" after the property name, found ${describeCharacter(text, index)}` };
      index += 1;
      expecting = 'value';
    } else if (expecting === 'comma-or-close') {
      if (character === ',') expecting = open.at(-1) === '{' ? 'key' : 'value';
      else if (character === closing) {
        open.pop();
        expecting = afterValue();
      } else return { offset: index, reason: `expected "," or "${closing}", found ${describeCharacter(text, index)}` };
      index += 1;
    } else {
      return { offset: index, reason: `unexpected ${describeCharacter(text, index)} after the end of the JSON value` };
    }
  }
}
