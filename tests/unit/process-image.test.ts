// What the server stores from uploaded bytes: only real JPEGs, upright, without metadata, and the
// 顔写真 at exactly 294×378.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { IMAGE_MESSAGES, MAX_IMAGE_BYTES } from "@/lib/files/image-rules";
import { hasJpegSignature, processImage } from "@/lib/files/process-image";

async function jpeg(width: number, height: number, withExif = false): Promise<Uint8Array> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });
  if (withExif) {
    image = image.withMetadata({
      orientation: 6,
      exif: { IFD0: { Make: "TestCamera", Model: "Secret Model 9" }, IFD3: { GPSLatitudeRef: "N" } },
    });
  }
  return new Uint8Array(await image.jpeg().toBuffer());
}

async function png(width: number, height: number): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: "#336699" } });
  return new Uint8Array(await image.png().toBuffer());
}

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("processImage", () => {
  it("accepts a real JPEG and gives its size and SHA-256", async () => {
    const result = await processImage(await jpeg(640, 480), "document");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(hasJpegSignature(result.image.bytes)).toBe(true);
    expect({ width: result.image.width, height: result.image.height }).toEqual({ width: 640, height: 480 });
    expect(result.image.sha256).toMatch(/^[0-9a-f]{64}$/);
    const decoded = await sharp(result.image.bytes).metadata();
    expect(decoded.format).toBe("jpeg");
  });

  it("refuses a PNG, whatever it is called", async () => {
    // The server sees only bytes: a PNG saved as photo.jpg is still a PNG.
    expect(await processImage(await png(100, 100), "document")).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.notJpeg,
    });
  });

  it("refuses a text file and an empty one", async () => {
    const text = new TextEncoder().encode("これは画像ではありません。\n");
    expect(await processImage(text, "document")).toEqual({ ok: false, message: IMAGE_MESSAGES.notJpeg });
    expect(await processImage(new Uint8Array(), "document")).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.notJpeg,
    });
  });

  it("refuses bytes that start like a JPEG but cannot be decoded", async () => {
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Uint8Array(200).fill(7)]);
    expect(await processImage(broken, "document")).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.unreadable,
    });
    const whole = await jpeg(400, 300);
    expect(await processImage(whole.slice(0, Math.floor(whole.length / 2)), "document")).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.unreadable,
    });
  });

  it("refuses a file over the size limit before decoding it", async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(await processImage(big, "document")).toEqual({
      ok: false,
      message: IMAGE_MESSAGES.tooLarge(MAX_IMAGE_BYTES + 1),
    });
  });

  it("turns the image upright and strips EXIF and GPS", async () => {
    const input = await jpeg(600, 400, true);
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(ascii(input)).toContain("TestCamera");

    const result = await processImage(input, "document");
    if (!result.ok) throw new Error(result.message);
    const after = await sharp(result.image.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(ascii(result.image.bytes)).not.toContain("TestCamera");
    expect(ascii(result.image.bytes)).not.toContain("Exif");
    // Orientation 6 means "rotate 90° clockwise to view": the stored image is portrait.
    expect({ width: result.image.width, height: result.image.height }).toEqual({ width: 400, height: 600 });
  });

  it("cuts the 顔写真 to exactly 294×378, from a landscape and from a small portrait photo", async () => {
    for (const [width, height] of [
      [1600, 1200],
      [200, 260],
    ] as const) {
      const result = await processImage(await jpeg(width, height, true), "face-photo");
      if (!result.ok) throw new Error(result.message);
      expect({ width: result.image.width, height: result.image.height }).toEqual({ width: 294, height: 378 });
      const stored = await sharp(result.image.bytes).metadata();
      expect({ width: stored.width, height: stored.height, exif: stored.exif }).toEqual({
        width: 294,
        height: 378,
        exif: undefined,
      });
    }
  });

  it("keeps documents legible but not larger than 3000 pixels on a side", async () => {
    const result = await processImage(await jpeg(4000, 1000), "document");
    if (!result.ok) throw new Error(result.message);
    expect({ width: result.image.width, height: result.image.height }).toEqual({ width: 3000, height: 750 });
  });
});
