// The key path of the JSON value at an offset (`{"ConnectionStrings": {"Db": "|"}}` → ["ConnectionStrings", "Db"]),
// tolerant of comments and of the document being edited (a scanner, not a parser).

interface Frame {
  readonly array: boolean;
  key?: string;
  index: number;
}

export function jsonKeyPathAt(text: string, offset: number): string[] {
  const stack: Frame[] = [];
  let lastString: string | undefined;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') j++;
        value += text[j] ?? '';
        j++;
      }
      if (j >= offset) break; // the offset is inside this string: it is the value
      lastString = value;
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top && !top.array) top.key = lastString;
    } else if (c === '{' || c === '[') {
      stack.push({ array: c === '[', index: 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.array) top.index++;
        else top.key = undefined;
      }
    }
  }
  return stack.flatMap((f) => (f.array ? [] : f.key !== undefined ? [f.key] : []));
}
