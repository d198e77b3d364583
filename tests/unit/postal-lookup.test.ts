// 郵便番号 lookup from the shipped dataset.
import { describe, expect, it } from "vitest";
import { cleanTownName, findAddressByPostalCode } from "@/lib/address/postal-lookup";

describe("findAddressByPostalCode", () => {
  it("finds prefecture and town for a code", async () => {
    expect(await findAddressByPostalCode("1130021")).toEqual({ prefecture: "東京都", city: "文京区本駒込" });
  });
  it("drops Japan Post's notes in parentheses", async () => {
    expect(await findAddressByPostalCode("1000004")).toEqual({
      prefecture: "東京都",
      city: "千代田区大手町",
    });
    expect(cleanTownName("千代田区一ツ橋（１丁目）")).toBe("千代田区一ツ橋");
  });
  it("keeps what several towns under one code share", async () => {
    expect(await findAddressByPostalCode("0040000")).toEqual({ prefecture: "北海道", city: "札幌市" });
  });
  it("answers null for an unknown or malformed code", async () => {
    expect(await findAddressByPostalCode("0000000")).toBeNull();
    expect(await findAddressByPostalCode("113-0021")).toBeNull();
  });
});
