// Rows without an id get one made from their date and title, so the same file always yields the
// same ids (selection, links and URLs stay stable across re-imports).

const MAX_BASE_LENGTH = 90; // leaves room for "-12345" within the 100-character id limit

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Pyŏngyang" → "pyongyang"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Returns a function that hands out ids not already used by the file's own ids or by earlier rows. */
export function createIdAllocator(idsInFile: Iterable<string>): (date: string, title: string) => string {
  const taken = new Set(idsInFile);
  // Where to resume counting for each base: 100,000 rows titled alike must not cost 100,000² lookups.
  const nextSuffix = new Map<string, number>();
  return (date, title) => {
    const base = slugify(`${date.slice(0, 20)} ${title.slice(0, 200)}`).slice(0, MAX_BASE_LENGTH).replace(/-+$/, '') || 'event';
    let suffix = nextSuffix.get(base) ?? 1;
    let id = suffix === 1 ? base : `${base}-${suffix}`;
    while (taken.has(id)) {
      suffix += 1;
      id = `${base}-${suffix}`;
    }
    nextSuffix.set(base, suffix + 1);
    taken.add(id);
    return id;
  };
}
