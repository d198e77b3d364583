// The browser-side check of a picked image (type and size only) and the shared messages.
import { describe, expect, it } from "vitest";
import {
  IMAGE_HINT,
  IMAGE_MESSAGES,
  MAX_IMAGE_BYTES,
  isPickedFile,
  pickedImageError,
} from "@/lib/files/image-rules";

const picked = (size: number, type: string, name = "photo.jpg") =>
  new File([new Uint8Array(size)], name, { type });

describe("image rules", () => {
  it("limits images to 5 MiB and says so in the hint and the message", () => {
    expect(MAX_IMAGE_BYTES).toBe(5 * 1024 * 1024);
    expect(IMAGE_HINT).toContain("5MB");
    expect(IMAGE_MESSAGES.tooLarge(7_549_747)).toContain("（7.2MB）");
    expect(IMAGE_MESSAGES.tooLarge(7_549_747)).toContain("5MB以下の画像を選んでください。");
    expect(IMAGE_MESSAGES.notJpeg).toMatch(/^JPEG形式（\.jpg）の画像を選んでください。/);
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

  it("refuses other types and files over the limit, with a message that says how to fix it", () => {
    expect(pickedImageError(picked(1000, "image/png", "photo.png"))).toBe(IMAGE_MESSAGES.notJpeg);
    expect(pickedImageError(picked(1000, "image/heic", "photo.heic"))).toBe(IMAGE_MESSAGES.notJpeg);
    expect(pickedImageError(picked(1000, "", "notes.txt"))).toBe(IMAGE_MESSAGES.notJpeg);
    expect(pickedImageError(picked(MAX_IMAGE_BYTES + 1, "image/jpeg"))).toContain("5MB以下");
  });
});
