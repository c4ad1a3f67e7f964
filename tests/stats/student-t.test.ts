import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/stats/quantile";
import { studentTCdf, studentTQuantile } from "../../src/stats/student-t";

// Reference values: R 4.x qnorm/qt (printed to 15 digits), identical to standard tables
// (e.g. t(0.975, 10) = 2.228 in every textbook t table).
describe("normal and Student t quantiles", () => {
  it("normalQuantile matches qnorm to 1e-12", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644853626951472, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(() => normalQuantile(2)).toThrowError(/strictly between 0 and 1/);
  });

  it("studentTQuantile matches qt to 1e-9", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.70620473617471, 9);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302652729749464, 9);
    expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446305284263, 9);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 9);
    expect(studentTQuantile(0.025, 30)).toBeCloseTo(-2.042272456301238, 9);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
    expect(() => studentTQuantile(0.975, 0)).toThrowError(/df > 0/);
  });

  it("studentTCdf inverts studentTQuantile", () => {
    for (const df of [1, 4.5, 37, 400]) expect(studentTCdf(studentTQuantile(0.9, df), df)).toBeCloseTo(0.9, 12);
  });
});
