import { describe, expect, it } from "vitest";
import { ExpressionError, parseExpression, type Expr, type ValueExpr } from "../../src/compile/expression.js";

/** A compact, fully parenthesised rendering of a parse tree. */
function show(e: Expr): string {
  switch (e.k) {
    case "or":
    case "and":
      return `(${e.k} ${e.items.map(show).join(" ")})`;
    case "not":
      return `(not ${show(e.item)})`;
    case "const":
      return String(e.value);
    case "name":
      return e.name;
    case "country-in":
      return e.set !== null ? `(country-in ${e.set})` : `(country-in [${e.codes.join(" ")}])`;
    case "country-known":
      return e.known ? "(country known)" : "(country unknown)";
    case "lang-in":
      return e.set !== null ? `(lang-in ${e.set})` : `(lang-in [${e.codes.join(" ")}])`;
    case "lang-known":
      return e.known ? "(lang known)" : "(lang unknown)";
    case "has":
      return `(has ${e.path})`;
    case "in":
      return e.set !== null ? `(in ${e.name} ${e.set})` : `(in ${e.name} [${e.items.join(" ")}])`;
    case "contains":
      return `(contains ${e.name} ${showNum(e.item)})`;
    case "cmp":
      return `(${e.op} ${showNum(e.left)} ${showNum(e.right)})`;
  }
}

function showNum(n: ValueExpr): string {
  switch (n.k) {
    case "number":
      return String(n.value);
    case "string":
      return JSON.stringify(n.value);
    case "bool":
      return String(n.value);
    case "lang":
      return "@lang";
    case "ref":
      return `$${n.name}`;
    case "count":
      return `count(${n.names.map((x) => x.name).join(" ")})`;
    case "matches":
      return `matches(${n.name})`;
  }
}

/** The parse error of `src`, or a failure when it parses. */
function errorOf(src: string): ExpressionError {
  try {
    parseExpression(src);
  } catch (e) {
    expect(e).toBeInstanceOf(ExpressionError);
    return e as ExpressionError;
  }
  throw new Error(`expected '${src}' not to parse`);
}

describe("parseExpression: structure", () => {
  it.each([
    ["a signal", "threat", "threat"],
    ["a dotted, dashed, underscored name", "violence.call-2_x", "violence.call-2_x"],
    ["a one-letter name", "a", "a"],
    ["true", "true", "true"],
    ["false", "false", "false"],
    ["or", "a or b", "(or a b)"],
    ["and", "a and b", "(and a b)"],
    ["a chain of or is flat", "a or b or c", "(or a b c)"],
    ["a chain of and is flat", "a and b and c", "(and a b c)"],
    ["and binds tighter than or (right)", "a or b and c", "(or a (and b c))"],
    ["and binds tighter than or (left)", "a and b or c", "(or (and a b) c)"],
    ["and binds tighter than or (both)", "a and b or c and d", "(or (and a b) (and c d))"],
    ["not binds tighter than and", "not a and b", "(and (not a) b)"],
    ["not binds tighter than or", "not a or b", "(or (not a) b)"],
    ["not not", "not not a", "(not (not a))"],
    ["not of a group", "not (a or b)", "(not (or a b))"],
    ["parentheses override precedence", "(a or b) and c", "(and (or a b) c)"],
    ["nested parentheses", "((a))", "a"],
    ["a group in the middle", "a and (b or not c) and d", "(and a (or b (not c)) d)"],
    ["country in a named set", "country in eu", "(country-in eu)"],
    ["country in a list", "country in [UA, PL]", "(country-in [UA PL])"],
    ["country codes are upper-cased", "country in [ua,pl , de]", "(country-in [UA PL DE])"],
    ["a one-code list", "country in [ua]", "(country-in [UA])"],
    ["country is known", "country is known", "(country known)"],
    ["country is unknown", "country is unknown", "(country unknown)"],
    ["country in a condition", "threat and not country in [RU]", "(and threat (not (country-in [RU])))"],
    ["the post's language in the policy's languages", "lang in languages", "(lang-in languages)"],
    ["language codes are lower-cased", "lang in [EN, uk]", "(lang-in [en uk])"],
    ["whether the language is known", "threat and lang is known and not lang in languages", "(and threat (lang known) (not (lang-in languages)))"],
    ["count with one signal", "count(a) >= 2", "(>= count(a) 2)"],
    ["count with several signals", "count(a, b,c) > 1", "(> count(a b c) 1)"],
    ["matches", "matches(a) == 0", "(== matches(a) 0)"],
    ["a numeric setting", "count(a) >= min_hits", "(>= count(a) $min_hits)"],
    ["a setting on the left", "threshold < count(a)", "(< $threshold count(a))"],
    ["two settings", "x != y", "(!= $x $y)"],
    ["numbers", "1.5 <= 2", "(<= 1.5 2)"],
    ["every operator", "a < 1 or a <= 1 or a > 1 or a >= 1 or a == 1 or a != 1", "(or (< $a 1) (<= $a 1) (> $a 1) (>= $a 1) (== $a 1) (!= $a 1))"],
    ["a comparison in a condition", "a and count(b) > 2 or c", "(or (and a (> count(b) 2)) c)"],
    ["no spaces needed around punctuation", "count(a)>=2and(b)", "(and (>= count(a) 2) b)"],
    ["whitespace anywhere", "  not\n a\tand  b  ", "(and (not a) b)"],
    // Record fields, strings and sets
    ["a field equal to a quoted string", 'account.type == "satire"', '(== $account.type "satire")'],
    ["single quotes", "account.type != 'satire'", '(!= $account.type "satire")'],
    ["a string on the left", '"satire" == account.type', '(== "satire" $account.type)'],
    ["a string with spaces and punctuation", 'a == "Die Partei, e.V."', '(== $a "Die Partei, e.V.")'],
    ["an empty string", 'a == ""', '(== $a "")'],
    ["a field compared with a setting", "followers >= reach-threshold", "(>= $followers $reach-threshold)"],
    ["a field compared with a boolean", "account.verified == true", "(== $account.verified true)"],
    ["a field in a named set", "account.type in satire-accounts", "(in account.type satire-accounts)"],
    ["a field in a list of words and strings", 'account.type in [satire, "parody page"]', "(in account.type [satire parody page])"],
    ["a list field contains a string", 'account.labels contains "bot"', '(contains account.labels "bot")'],
    ["a list field contains an item of a set", "account.labels contains bot-labels", "(contains account.labels $bot-labels)"],
    ["presence", "has(scores.threat)", "(has scores.threat)"],
    ["presence of the language", "has(lang)", "(has lang)"],
    ["the language compared", 'lang == "de"', '(== @lang "de")'],
    ["the language on the right", '"de" != lang', '(!= "de" @lang)'],
    ["the language in a named set", "lang in covered-languages", "(lang-in covered-languages)"],
    ["a name 'has' without '(' is a signal", "has and b", "(and has b)"],
    ["fields in a condition", 'violent-call and not has(scores.violence) or scores.violence > 0.9', "(or (and violent-call (not (has scores.violence))) (> $scores.violence 0.9))"],
  ])("%s: %j", (_, src, expected) => {
    expect(show(parseExpression(src))).toBe(expected);
  });

  it("keeps source offsets on every node", () => {
    expect(parseExpression("not (a or b) and count(x, y) >= 2 and country in [UA]")).toMatchInlineSnapshot(`
      {
        "at": [
          0,
          53,
        ],
        "items": [
          {
            "at": [
              0,
              12,
            ],
            "item": {
              "at": [
                4,
                12,
              ],
              "items": [
                {
                  "at": [
                    5,
                    6,
                  ],
                  "k": "name",
                  "name": "a",
                },
                {
                  "at": [
                    10,
                    11,
                  ],
                  "k": "name",
                  "name": "b",
                },
              ],
              "k": "or",
            },
            "k": "not",
          },
          {
            "at": [
              17,
              33,
            ],
            "k": "cmp",
            "left": {
              "at": [
                17,
                28,
              ],
              "k": "count",
              "names": [
                {
                  "at": [
                    23,
                    24,
                  ],
                  "name": "x",
                },
                {
                  "at": [
                    26,
                    27,
                  ],
                  "name": "y",
                },
              ],
            },
            "op": ">=",
            "right": {
              "at": [
                32,
                33,
              ],
              "k": "number",
              "value": 2,
            },
          },
          {
            "at": [
              38,
              53,
            ],
            "codes": [
              "UA",
            ],
            "k": "country-in",
            "set": null,
            "setAt": [
              49,
              53,
            ],
          },
        ],
        "k": "and",
      }
    `);
  });

  it.each([
    ["a", [0, 1]],
    ["  a  ", [2, 3]],
    ["(a)", [0, 3]],
    ["a or b and c", [0, 12]],
    ["not a", [0, 5]],
    ["country in eu", [0, 13]],
    ["country in [UA, PL]", [0, 19]],
    ["country is unknown", [0, 18]],
    ["matches(a) > 1", [0, 14]],
    ["( a or b ) and c", [0, 16]],
  ])("%j spans %j", (src, at) => {
    expect(parseExpression(src).at).toEqual(at);
  });

  it("quotes the source of each node by its offsets", () => {
    const src = "signal_a and (matches(b) > limit or country in [PL])";
    const e = parseExpression(src);
    expect(e.k).toBe("and");
    if (e.k !== "and") return;
    const [left, right] = e.items as [Expr, Expr];
    expect(src.slice(...left.at)).toBe("signal_a");
    expect(src.slice(...right.at)).toBe("(matches(b) > limit or country in [PL])");
    if (right.k !== "or") throw new Error("expected or");
    const [cmp, country] = right.items as [Expr, Expr];
    expect(src.slice(...cmp.at)).toBe("matches(b) > limit");
    if (cmp.k !== "cmp" || cmp.left.k !== "matches") throw new Error("expected matches");
    expect(src.slice(...cmp.left.nameAt)).toBe("b");
    expect(src.slice(...cmp.right.at)).toBe("limit");
    if (country.k !== "country-in") throw new Error("expected country-in");
    expect(src.slice(...country.setAt)).toBe("[PL]");
  });
});

describe("parseExpression: errors", () => {
  it.each([
    ["an unexpected character", "a $ b", "unexpected character '$'", [2, 3]],
    ["an unexpected character after spaces", "a and   & b", "unexpected character '&'", [8, 9]],
    ["a single '='", "a = 1", "unexpected character '='", [2, 3]],
    ["a non-ASCII letter", "é", "unexpected character 'é'", [0, 1]],
    ["a name ending in '-'", "a-", "unexpected character '-'", [1, 2]],
    ["a missing ')'", "(a or b", "expected ')' but found the end of the condition", [7, 7]],
    ["a missing ')' before more", "(a or b c", "expected ')' but found 'c'", [8, 9]],
    ["a trailing name", "a b", "unexpected 'b'; did you forget 'and' or 'or'?", [2, 3]],
    ["a trailing ')'", "a ) b", "unexpected ')'; did you forget 'and' or 'or'?", [2, 3]],
    ["trailing tokens after a group", "(a) (b)", "unexpected '('; did you forget 'and' or 'or'?", [4, 5]],
    ["'country' alone", "country", "expected 'in' or 'is' after 'country' but found the end of the condition", [7, 7]],
    ["'country' with another word", "country at [UA]", "expected 'in' or 'is' after 'country' but found 'at'", [8, 10]],
    ["'country' compared", "country == UA", "expected 'in' or 'is' after 'country' but found '=='", [8, 10]],
    ["'country in' with nothing", "country in", "expected a country set name or [codes] after 'country in' but found the end of the condition", [10, 10]],
    ["'country in' a keyword", "country in and", "expected a country set name or [codes] after 'country in' but found 'and'", [11, 14]],
    ["a code list without commas", "country in [UA PL]", "expected ',' or ']' but found 'PL'", [15, 17]],
    ["a code list ending in a comma", "country in [UA,]", "expected a country code but found ']'", [15, 16]],
    ["an empty code list", "country in []", "expected a country code but found ']'", [12, 13]],
    ["a number as a code", "country in [1]", "expected a country code but found '1'", [12, 13]],
    ["an unclosed code list", "country in [UA", "expected ',' or ']' but found the end of the condition", [14, 14]],
    ["'country is' something else", "country is maybe", "expected 'known' or 'unknown' after 'country is' but found 'maybe'", [11, 16]],
    ["matches() with two names", "matches(a, b) > 1", "matches() takes exactly one signal", [0, 13]],
    ["matches() with two names, later", "x and matches(a,b) > 1", "matches() takes exactly one signal", [6, 18]],
    ["count() with no names", "count() > 1", "expected a signal name but found ')'", [6, 7]],
    ["count() of a keyword", "count(and) > 1", "expected a signal name but found 'and'", [6, 9]],
    ["count() of a number", "count(1) > 1", "expected a signal name but found '1'", [6, 7]],
    ["an unclosed count(", "count(a", "expected ',' or ')' but found the end of the condition", [7, 7]],
    ["count without '('", "count > 1", "expected '(' but found '>'", [6, 7]],
    ["count without a comparison", "count(a) b", "expected a comparison (<, <=, >, >=, ==, !=) but found 'b'", [9, 10]],
    ["count alone", "count(a)", "expected a comparison (<, <=, >, >=, ==, !=) but found the end of the condition", [8, 8]],
    ["a bare number", "1", "expected a comparison (<, <=, >, >=, ==, !=) but found the end of the condition", [1, 1]],
    ["a comparison with nothing on the right", "a >", "expected a number, a quoted string, a setting, a field, count(...) or matches(...) but found the end of the condition", [3, 3]],
    ["a comparison with a keyword on the right", "a > not", "expected a number, a quoted string, a setting, a field, count(...) or matches(...) but found 'not'", [4, 7]],
    ["an empty condition", "", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found the end of the condition", [0, 0]],
    ["only spaces", "   ", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found the end of the condition", [3, 3]],
    ["a dangling or", "a or", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found the end of the condition", [4, 4]],
    ["a dangling not", "not", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found the end of the condition", [3, 3]],
    ["and or", "a and or b", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found 'or'", [6, 8]],
    ["empty parentheses", "a and ()", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found ')'", [7, 8]],
    ["a keyword as a signal", "known", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found 'known'", [0, 5]],
    ["a stray ']'", "a and ]", "expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found ']'", [6, 7]],
    ["an unclosed string", 'a == "satire', "the text opened by \" is never closed", [5, 6]],
    ["a string across lines", 'a == "sat\nire"', "the text opened by \" is never closed", [5, 6]],
    ["a string as a condition", '"satire"', "expected a comparison (<, <=, >, >=, ==, !=) but found the end of the condition", [8, 8]],
    ["'in' with nothing", "account.type in", "expected a set name or [values] after 'in' but found the end of the condition", [15, 15]],
    ["'in' a number", "account.type in 3", "expected a set name or [values] after 'in' but found '3'", [16, 17]],
    ["an empty value list", "account.type in []", "expected a value but found ']'", [17, 18]],
    ["'contains' a number", "labels contains 3", "expected a quoted string or a set name after 'contains' but found '3'", [16, 17]],
    ["has() of nothing", "has()", "expected a field name in has(...) but found ')'", [4, 5]],
    ["has() of two fields", "has(a, b)", "expected ')' but found ','", [5, 6]],
    ["'lang' alone", "lang", "expected 'in', 'is' or a comparison after 'lang' but found the end of the condition", [4, 4]],
    ["'lang in' a keyword", "lang in and", "expected 'languages' (the policy's languages), a set name or [codes] after 'lang in' but found 'and'", [8, 11]],
    ["a quoted language code", 'lang in ["de"]', "expected a language code but found 'de'", [9, 13]],
  ])("%s: %j", (_, src, message, at) => {
    const e = errorOf(src);
    expect(e.message).toBe(message);
    expect(e.at).toEqual(at);
  });

  it("points the offsets of an error at the offending source text", () => {
    const src = "violence.call and (country in [UA PL] or x)";
    const e = errorOf(src);
    expect(src.slice(...e.at)).toBe("PL");
  });

  it("is an Error with the message and offsets", () => {
    const e = errorOf("a b");
    expect(e).toBeInstanceOf(Error);
    expect({ message: e.message, at: e.at }).toMatchInlineSnapshot(`
      {
        "at": [
          2,
          3,
        ],
        "message": "unexpected 'b'; did you forget 'and' or 'or'?",
      }
    `);
  });
});
