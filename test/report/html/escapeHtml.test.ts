import { describe, expect, test } from "vitest";
import { escapeHtml } from "../../../src/report/html/escapeHtml.js";
import { html, SafeHtml } from "../../../src/report/html/html.js";

describe("escapeHtml", () => {
  test("turns the five characters that can end text or an attribute into entities", () => {
    // Hand-written expectation: & < > " ' are the characters HTML gives meaning to in content and
    // in quoted attribute values (WHATWG HTML, "Escaping a string").
    expect(escapeHtml(`<img src=x onerror="alert(1)">`)).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
    );
    expect(escapeHtml(`"quoted" & 'single'`)).toBe("&quot;quoted&quot; &amp; &#39;single&#39;");
    expect(escapeHtml("a &amp; b")).toBe("a &amp;amp; b");
  });

  test("leaves every other character as it is", () => {
    expect(escapeHtml("螺丝 M3")).toBe("螺丝 M3");
    expect(escapeHtml("Ø 12 mm – 10 µm 😀")).toBe("Ø 12 mm – 10 µm 😀");
    expect(escapeHtml("")).toBe("");
  });
});

describe("the html template", () => {
  test("escapes text values in content and in attributes", () => {
    const name = `"><script>alert(1)</script>`;
    expect(html`<td title="${name}">${name}</td>`.markup).toBe(
      '<td title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>',
    );
  });

  test("inserts markup built by the template as it is, and lists in order", () => {
    const cells = ["a<b", "c"].map((t) => html`<td>${t}</td>`);
    expect(html`<tr>${cells}</tr>`.markup).toBe("<tr><td>a&lt;b</td><td>c</td></tr>");
    expect(html`${new SafeHtml("<br>")}`.markup).toBe("<br>");
  });

  test("leaves out null, undefined and false, and writes numbers with at most two decimals", () => {
    expect(html`[${null}${undefined}${false}]`.markup).toBe("[]");
    expect(html`${1 / 3} ${2} ${-0} ${-0.001}`.markup).toBe("0.33 2 0 0");
  });

  test("refuses NaN and infinite numbers, which would break an SVG", () => {
    expect(() => html`<rect width="${Number.NaN}"/>`).toThrow(RangeError);
    expect(() => html`<rect width="${Number.POSITIVE_INFINITY}"/>`).toThrow(RangeError);
  });
});
