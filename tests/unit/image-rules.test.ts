// The browser-side check of a picked image (type and size only) and the shared messages.
import { describe, expect, it } from "vitest";
import {
  IMAGE_HINT,
  IMAGE_MESSAGES,
  MAX_IMAGE_BYTES,
  isPickedFile,
  pickedImageError,
} from "@/lib/files/image-rules";
import { textIn } from "@/lib/i18n/translate";

const picked = (size: number, type: string, name = "photo.jpg") =>
  new File([new Uint8Array(size)], name, { type });

describe("image rules", () => {
  it("limits images to 5 MiB and says so in the hint and the message", async () => {
    expect(MAX_IMAGE_BYTES).toBe(5 * 1024 * 1024);
    // The messages are references (issue 15): in Japanese as before, and in English.
    expect(await textIn("ja", IMAGE_HINT)).toContain("5MB");
    expect(await textIn("ja", IMAGE_MESSAGES.tooLarge(7_549_747))).toContain("（7.2MB）");
    expect(await textIn("ja", IMAGE_MESSAGES.tooLarge(7_549_747))).toContain(
      "5MB以下の画像を選んでください。",
    );
    expect(await textIn("ja", IMAGE_MESSAGES.notJpeg)).toMatch(/^JPEG形式（\.jpg）の画像を選んでください。/);
    expect(await textIn("en", IMAGE_HINT)).toBe("A JPEG image (.jpg), up to 5 MB.");
    expect(await textIn("en", IMAGE_MESSAGES.tooLarge(7_549_747))).toContain("(7.2 MB)");
    expect(await textIn("ja", IMAGE_MESSAGES.tooManyUploads(30, 61))).toBe(
      "画像の送信が多すぎるため、この画像は保存していません（1時間に30枚まで）。約2分後に、もう一度選んで送信してください。",
    );
  });

  it("treats an empty file input as no file, not as an error", () => {
    expect(isPickedFile(new File([], "", { type: "application/octet-stream" }))).toBe(false);
    expect(isPickedFile("")).toBe(false);
    expect(isPickedFile(null)).toBe(false);
    // The browser's check (components/form/use-image-checks.ts) looks at picked files only.
    expect(isPickedFile(new File([], ""))).toBe(false);
    expect(isPickedFile(undefined)).toBe(false);
  });

  it("accepts a JPEG up to the limit", () => {
    expect(pickedImageError(picked(MAX_IMAGE_BYTES, "image/jpeg"))).toBeUndefined();
    expect(pickedImageError(picked(1000, "image/jpeg"))).toBeUndefined();
    // Some systems give no type: then the name decides (the server checks the bytes anyway).
    expect(pickedImageError(picked(1000, "", "IMG_0001.JPEG"))).toBeUndefined();
  });

  it("refuses other types and files over the limit, with a message that says how to fix it", async () => {
    expect(pickedImageError(picked(1000, "image/png", "photo.png"))).toBe(IMAGE_MESSAGES.notJpeg);
    expect(pickedImageError(picked(1000, "image/heic", "photo.heic"))).toBe(IMAGE_MESSAGES.notJpeg);
    expect(pickedImageError(picked(1000, "", "notes.txt"))).toBe(IMAGE_MESSAGES.notJpeg);
    expect(await textIn("ja", pickedImageError(picked(MAX_IMAGE_BYTES + 1, "image/jpeg")) ?? "")).toContain(
      "5MB以下",
    );
  });
});
