import { describe, expect, it } from "vitest";
import { formatJunit, xmlEscape } from "../../src/report/junit.js";
import { sampleReport } from "./test-report.js";

describe("JUnit XML", () => {
  it("has one testsuite per policy and one testcase per case", () => {
    expect(formatJunit(sampleReport())).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="modpol" tests="5" failures="1" errors="0" skipped="2" time="0.000">
        <testsuite name="mini" tests="4" failures="1" errors="0" skipped="1" time="0.000" file="test/fixtures/mini/policy.yaml">
          <properties>
            <property name="rule-coverage" value="2/3"/>
            <property name="untested-rules" value="hos"/>
          </properties>
          <testcase name="Death to the invaders! [UA] → exempt" classname="mini.mini_cases" file="cases/mini.cases.yaml" line="3" time="0.000"/>
          <testcase name="Death to the &lt;invaders&gt; &amp; &quot;co&quot; [DE] → exempt" classname="mini.mini_cases" file="cases/mini.cases.yaml" line="5" time="0.000">
            <failure message="expected exempt, got violating by rule v" type="decision">cases/mini.cases.yaml:5:5
      Death to the &lt;invaders&gt; &amp; &quot;co&quot;
      expected exempt, got violating by rule v
      reason: violent
      evidence: &quot;Death to&quot; (violent-call: death to), &quot;invaders&quot; (invaders: invader*)
      rule inv (exempt) does not hold: country in region ✗
      rule hos (exempt) does not hold: country in region ✗, hos ✗
      note: outside the region</failure>
          </testcase>
          <testcase name="hello [UA] → violating" classname="mini.mini_cases" file="cases/mini.cases.yaml" line="7" time="0.000">
            <skipped message="todo: a known gap (got clear by the default)"/>
          </testcase>
          <testcase name="kill [UA] → violating" classname="mini.mini_cases" file="cases/mini.cases.yaml" line="9" time="0.000">
            <system-out>marked todo but passes now: remove &apos;todo&apos;</system-out>
          </testcase>
        </testsuite>
        <testsuite name="meta-baseline" tests="1" failures="0" errors="0" skipped="1" time="0.000">
          <testcase name="kill [UA] → clear" classname="meta-baseline.mini_cases" file="cases/mini.cases.yaml" line="11" time="0.000">
            <skipped message="policy &apos;meta-baseline&apos; is not loaded"/>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it("escapes markup, shows control characters as every text output does, and drops what XML cannot carry", () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0001\u001b[2J\u202e\uD800`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\u2401\u241b[2J\uFFFD\uFFFD");
    expect(xmlEscape("two\nlines")).toBe("two\nlines");
    expect(xmlEscape("emoji 🇺🇦 stay")).toBe("emoji 🇺🇦 stay");
  });

  it("is well formed: every element that opens, closes", () => {
    const xml = formatJunit(sampleReport());
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([a-z-]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });
});
