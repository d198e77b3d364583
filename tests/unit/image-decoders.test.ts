// Uploaded bytes may only ever reach libvips's JPEG decoder: every other loader is blocked for the
// whole process as soon as the image module is loaded.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processImage } from "@/lib/files/process-image";

async function encoded(format: "png" | "gif" | "tiff" | "webp" | "jpeg"): Promise<Buffer> {
  const image = sharp({ create: { width: 32, height: 24, channels: 3, background: "#2a6" } });
  return image.toFormat(format).toBuffer();
}

describe("image decoders", () => {
  it.each(["png", "gif", "tiff", "webp"] as const)(
    "cannot decode %s bytes once the image module is loaded",
    async (format) => {
      const bytes = await encoded(format);
      expect(processImage).toBeTypeOf("function");
      await expect(sharp(bytes).metadata()).rejects.toThrow(/blocked|unsupported/i);
    },
  );

  it("still decodes a JPEG", async () => {
    const metadata = await sharp(await encoded("jpeg")).metadata();
    expect(metadata.format).toBe("jpeg");
  });

  it("refuses a GIF that forges the JPEG signature without decoding it as a GIF", async () => {
    const gif = await encoded("gif");
    const forged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), gif]);
    const result = await processImage(new Uint8Array(forged), "document");
    expect(result.ok).toBe(false);
  });
});
