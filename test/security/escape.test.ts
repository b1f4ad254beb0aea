/**
 * The escaping helpers (generator/escape.ts), one table each: what a hostile input becomes, and
 * that the result means the same value (literals are evaluated, not just compared as text).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commentText,
  htmlCommentText,
  jsdocText,
  literal,
  markdownCode,
  markdownText,
  NameScope,
  propertyKey,
  visibleCode,
} from "../../generator/escape.js";
import { formatDiagnostic, printable } from "../../generator/diagnostics.js";
import { jsonEqual } from "../../generator/schema-walk.js";

/** Evaluates a literal as JavaScript, the way a generated module would read it. */
const evaluate = (code: string): unknown => new Function(`return (${code});`)();

describe("literal", () => {
  const cases: [string, { given: unknown; want: string }][] = [
    ["line and paragraph separators", { given: "a\u2028b\u2029c", want: '"a\\u2028b\\u2029c"' }],
    ["a closing script tag", { given: "</script><SCRIPT>", want: '"<\\/script><SCRIPT>"' }],
    [
      "a __proto__ key, written computed",
      { given: JSON.parse('{"__proto__":{"x":1},"a":"__proto__"}'), want: '{["__proto__"]:{"x":1},"a":"__proto__"}' },
    ],
    ["a nested __proto__ key in an array", { given: JSON.parse('[{"__proto__":"s"}]'), want: '[{["__proto__"]:"s"}]' }],
    ['the text "__proto__": inside a string is left alone', { given: '{"__proto__":1}', want: '"{\\"__proto__\\":1}"' }],
    ["a bidirectional override and a BOM", { given: "a\u202eb\ufeff", want: '"a\\u202eb\\ufeff"' }],
    ["DEL and C1 controls", { given: "\u007f\u0085\u009b", want: '"\\u007f\\u0085\\u009b"' }],
    ["template and comment syntax stays data", { given: "`${x}` */ //", want: '"`${x}` */ //"' }],
  ];
  it.each(cases)("%s", (_, { given, want }) => {
    expect(literal(given)).toBe(want);
    const back = evaluate(literal(given));
    expect(jsonEqual(back, given)).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(given));
  });

  it.each(cases)("%s, indented", (_, { given }) => {
    const back = evaluate(literal(given, 2));
    expect(jsonEqual(back, given)).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(given));
  });

  it("writes an indented __proto__ key computed as well", () => {
    expect(literal(JSON.parse('{"a": {"__proto__": 1}}'), 2)).toBe('{\n  "a": {\n    ["__proto__"]: 1\n  }\n}');
  });
});

describe("propertyKey", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["an identifier stays bare", { given: "max_tokens", want: "max_tokens" }],
    ["a reserved word is a fine property name", { given: "class", want: "class" }],
    ["a dash is quoted", { given: "a-b", want: '"a-b"' }],
    ["the empty key is quoted", { given: "", want: '""' }],
    ["a number-like key is quoted", { given: "123", want: '"123"' }],
    ["__proto__ is computed", { given: "__proto__", want: '["__proto__"]' }],
    ["a comment closer is quoted", { given: "*/", want: '"*/"' }],
  ];
  it.each(cases)("%s", (_, { given, want }) => {
    expect(propertyKey(given)).toBe(want);
    const object = evaluate(`{ ${propertyKey(given)}: 1 }`) as object;
    expect(Object.keys(object)).toEqual([given]);
  });
});

describe("comment helpers", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["a block comment closer and opener", { given: "a */ b /* c", want: "a *\\/ b /\\* c" }],
    ["line terminators of every kind become newlines", { given: "a\r\nb\rc\u2028d\u2029e\u0085f", want: "a\nb\nc\nd\ne\nf" }],
    ["control characters become visible escapes", { given: "\u0000\u001b[31m\u007f", want: "\\u0000\\u001b[31m\\u007f" }],
    ["bidirectional controls become visible escapes", { given: "\u202eevil\u2066", want: "\\u202eevil\\u2066" }],
  ];
  it.each(cases)("commentText: %s", (_, { given, want }) => expect(commentText(given)).toBe(want));

  it.each([["--->"], ["<!-- x -->"], ["a--!>b"], ["-- - --"], ["-"]])("htmlCommentText(%j) holds no --", (given) => {
    const text = htmlCommentText(given);
    expect(text).not.toContain("--");
    expect(`<!-- ${text} -->`.indexOf("-->")).toBe(`<!-- ${text} -->`.length - 3);
  });

  it.each([
    ["@deprecated use x", "\\@deprecated use x"],
    ["see {@link javascript:alert(1)}", "see {\\@link javascript:alert(1)}"],
    ["a@b.example stays", "a@b.example stays"],
    ["line\n@type {never}", "line\n\\@type {never}"],
  ])("jsdocText(%j) cannot start a tag", (given, want) => expect(jsdocText(given)).toBe(want));
});

describe("Markdown helpers", () => {
  const cases: [string, { given: string; want: string }][] = [
    ["HTML", { given: "<script>x</script>", want: "&lt;script&gt;x&lt;/script&gt;" }],
    ["a table break", { given: "a | b", want: "a \\| b" }],
    ["a link", { given: "[x](javascript:y)", want: "\\[x\\](javascript:y)" }],
    ["a heading at the start", { given: "# h", want: "\\# h" }],
    ["a list at the start", { given: "1. item", want: "1\\. item" }],
    ["newlines", { given: "a\nb\r\nc\u2028d", want: "a b c d" }],
    ["a terminal escape, visible", { given: "\u001b[31m", want: "\\\\u001b\\[31m" }],
    ["an entity", { given: "&lt;", want: "&amp;lt;" }],
    // GitHub does not look for mentions in code spans; the name reads and copies as written.
    ["user and team mentions become code spans", { given: "cc @octocat, @acme/team.", want: "cc `@octocat`, `@acme/team`." }],
    ["a mention at the start, and a dotted path", { given: "@cf/meta/llama-3.1 (@x)", want: "`@cf/meta/llama-3.1` (`@x`)" }],
    ["a mention after escaped markup", { given: "*@x \\@y `@z`", want: "\\*`@x` \\\\`@y` \\``@z`\\`" }],
    ["mentions side by side share one code span", { given: "@a@b@c.d", want: "`@a@b@c.d`" }],
    ["an @ after a word character is no mention (model ids, e-mail)", { given: "gpt@5.4 a@b.example _@c", want: "gpt@5.4 a@b.example \\_@c" }],
  ];
  it.each(cases)("markdownText: %s", (_, { given, want }) => expect(markdownText(given)).toBe(want));

  it("markdownText leaves no mention outside a code span, whatever surrounds the @ (10,000 strings)", () => {
    const text = fc.string({ unit: fc.constantFrom("@", "a", "Z", "0", "_", "-", ".", "/", "`", "\\", "*", " ", "|", "#", "\u00e9"), maxLength: 24 });
    fc.assert(
      fc.property(text, (given) => {
        // As GitHub reads it: backslash escapes resolved (an escaped backtick opens no code span), code spans dropped.
        const prose = markdownText(given)
          .replace(/\\([\s\S])/g, (_, c: string) => (c === "`" ? "'" : c))
          .replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
        expect(prose).not.toMatch(/(?<![A-Za-z0-9_])@[A-Za-z0-9]/);
      }),
      { numRuns: 10_000 },
    );
  });

  it.each([["a`b"], ["``x``"], ["`"], ["a|b\nc"], ["\u202e"]])("markdownCode(%j) is one code span", (given) => {
    const code = markdownCode(given);
    const fence = /^`+/.exec(code)![0];
    expect(code.endsWith(fence)).toBe(true);
    expect(code.slice(fence.length, -fence.length)).not.toContain(fence);
    expect(code).not.toMatch(/[\n\u202e]|(^|[^\\])\|/);
  });
});

describe("visibleCode", () => {
  it("writes invisible characters in code as escapes that mean the same string", () => {
    const code = `const s = "a\u202eb\u0085c\ufeff";`;
    const visible = visibleCode(code);
    expect(visible).toBe('const s = "a\\u202eb\\u0085c\\ufeff";');
    expect(new Function(`${visible} return s;`)()).toBe(new Function(`${code} return s;`)());
  });
});

describe("NameScope.claimFamily", () => {
  it("picks a stem none of whose names is taken", () => {
    const scope = new NameScope();
    expect(scope.claimFamily("XCollide", ["Request", "RequestResponse"])).toBe("XCollide");
    expect(scope.claimFamily("XCollideRequest", ["Request", "Response"])).toBe("XCollideRequest2");
    expect(scope.claim("XCollideRequest2Response")).toBe("XCollideRequest2Response2");
  });
});

describe("jsonEqual", () => {
  it.each([
    [{ valueOf: 1 }, { valueOf: 1 }, true],
    [{ toString: "x" }, { toString: "y" }, false],
    [{ constructor: { a: 1 } }, { constructor: { a: 1 } }, true],
    [JSON.parse('{"__proto__":1}'), {}, false],
    [[1, [2]], [1, [2]], true],
    [[1], { 0: 1 }, false],
    [0, -0, true],
    [null, {}, false],
  ])("%j vs %j → %s", (a, b, want) => {
    expect(jsonEqual(a, b)).toBe(want);
    expect(jsonEqual(b, a)).toBe(want);
  });
});

describe("printable (diagnostics)", () => {
  it.each([
    ["a line break cannot start a forged line", "a\n::error::x", "a\\u000a::error::x"],
    ["a terminal escape is shown, not run", "\u001b[2J\u001b]0;t\u0007", "\\u001b[2J\\u001b]0;t\\u0007"],
    ["line separators and bidirectional overrides", "a\u2028b\u202ec", "a\\u2028b\\u202ec"],
    ["ordinary text, quotes and non-ASCII stay", 'été "x" `y`', 'été "x" `y`'],
  ])("%s", (_, given, want) => expect(printable(given)).toBe(want));

  it("keeps a diagnostic on one line whatever the file name, pointer and message hold", () => {
    const line = formatDiagnostic({ file: "a\nb.yaml", line: 1, column: 2, pointer: "/\r", message: "m\u2029n" });
    expect(line).toBe("a\\u000ab.yaml:1:2: /\\u000d: m\\u2029n");
    expect(line.split(/[\n\r\u2028\u2029]/)).toHaveLength(1);
  });
});
