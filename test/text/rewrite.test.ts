import { describe, expect, it } from "vitest";
import { RewriteBuilder, type Rewrite } from "../../src/text/rewrite.js";

/** The maps of a rewrite as plain arrays: per output unit, the half-open input span it came from. */
function maps(r: Rewrite | null) {
  return r && { text: r.text, from: Array.from(r.from), to: Array.from(r.to), changed: Array.from(r.changed) };
}

describe("RewriteBuilder.replaceUnit", () => {
  it("keeps the units before each replaced one and maps the replaced unit to [i, i + 1)", () => {
    const b = new RewriteBuilder("k1ll3r");
    b.replaceUnit(1, "i");
    b.replaceUnit(4, "e");
    b.keepRest();
    expect(maps(b.finish())).toEqual({
      text: "killer",
      from: [0, 1, 2, 3, 4, 5],
      to: [1, 2, 3, 4, 5, 6],
      changed: [0, 1, 0, 0, 1, 0],
    });
  });

  it("replaces adjacent units and the first and last unit without empty runs between them", () => {
    const b = new RewriteBuilder("@$x!");
    b.replaceUnit(0, "a");
    b.replaceUnit(1, "s");
    b.replaceUnit(3, "i");
    b.keepRest();
    expect(maps(b.finish())).toEqual({ text: "asxi", from: [0, 1, 2, 3], to: [1, 2, 3, 4], changed: [1, 1, 0, 1] });
  });

  it("maps a replacement longer than one unit to the one input unit, every output unit of it", () => {
    const b = new RewriteBuilder("a4b");
    b.replaceUnit(1, "ch");
    b.keepRest();
    expect(maps(b.finish())).toEqual({ text: "achb", from: [0, 1, 1, 2], to: [1, 2, 2, 3], changed: [0, 1, 1, 0] });
  });

  it("resumes after whatever keep, replace or drop wrote last", () => {
    const b = new RewriteBuilder("ab--c3d");
    b.keep(0, 2);
    b.drop(2, 4);
    b.replaceUnit(5, "e");
    b.keepRest();
    expect(maps(b.finish())).toEqual({
      text: "abced",
      from: [0, 1, 4, 5, 6],
      to: [1, 2, 5, 6, 7],
      // The unit after the dropped span is marked, as with keep.
      changed: [0, 0, 1, 1, 0],
    });
  });

  it("reports changed only once something was rewritten, and finish then returns null without it", () => {
    const b = new RewriteBuilder("abc");
    expect(b.changed).toBe(false);
    b.keepRest();
    expect(b.changed).toBe(false);
    expect(b.finish()).toBeNull();
    const c = new RewriteBuilder("abc");
    c.replaceUnit(2, "d");
    expect(c.changed).toBe(true);
    c.keepRest();
    expect(c.finish()?.text).toBe("abd");
  });

  it("finishRest is keepRest then finish: null when nothing was rewritten, the same maps when something was", () => {
    expect(new RewriteBuilder("abc").finishRest()).toBeNull();
    const viaRest = new RewriteBuilder("abcd");
    viaRest.replaceUnit(1, "xy");
    const viaKeep = new RewriteBuilder("abcd");
    viaKeep.replaceUnit(1, "xy");
    viaKeep.keepRest();
    const rest = maps(viaRest.finishRest());
    expect(rest?.text).toBe("axycd");
    expect(rest).toEqual(maps(viaKeep.finish()));
  });
});
