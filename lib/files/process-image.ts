// Turns uploaded bytes into the image we store: JPEG checked by its content (never by file name
// or declared type), decoded, turned upright (EXIF orientation), re-encoded without any metadata
// (EXIF, GPS, camera, comments are gone) and, for the 顔写真, cut to exactly 294×378.
import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { restrictImageDecoders } from "@/lib/files/image-decoders";
import {
  FACE_PHOTO_HEIGHT,
  FACE_PHOTO_WIDTH,
  IMAGE_MESSAGES,
  MAX_IMAGE_BYTES,
} from "@/lib/files/image-rules";

restrictImageDecoders();

export type ImagePurpose = "face-photo" | "document";

export interface ProcessedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
}

export type ProcessImageResult = { ok: true; image: ProcessedImage } | { ok: false; message: string };

/** Every JPEG starts with SOI (FF D8) followed by a marker (FF). */
export function hasJpegSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Larger than any phone camera a technician is likely to use (a 108 MP sensor is 12000×9000);
 * a small file that claims more pixels is a decompression bomb.
 */
const MAX_INPUT_PIXELS = 110_000_000;
/** Documents are kept legible but not at full camera resolution. */
const MAX_DOCUMENT_EDGE = 3000;
const JPEG_QUALITY = 85;

export async function processImage(input: Uint8Array, purpose: ImagePurpose): Promise<ProcessImageResult> {
  if (input.byteLength > MAX_IMAGE_BYTES) {
    return { ok: false, message: IMAGE_MESSAGES.tooLarge(input.byteLength) };
  }
  if (!hasJpegSignature(input)) return { ok: false, message: IMAGE_MESSAGES.notJpeg };

  try {
    const options = { failOn: "truncated", limitInputPixels: MAX_INPUT_PIXELS } as const;
    const metadata = await sharp(input, options).metadata();
    if (metadata.format !== "jpeg") return { ok: false, message: IMAGE_MESSAGES.notJpeg };

    // rotate() without an angle applies the EXIF orientation; sharp writes no metadata unless
    // asked to (withMetadata / keepExif), so the output carries no EXIF, GPS or ICC data.
    let pipeline = sharp(input, options).rotate();
    pipeline =
      purpose === "face-photo"
        ? pipeline.resize(FACE_PHOTO_WIDTH, FACE_PHOTO_HEIGHT, { fit: "cover", position: "attention" })
        : pipeline.resize(MAX_DOCUMENT_EDGE, MAX_DOCUMENT_EDGE, { fit: "inside", withoutEnlargement: true });
    const { data, info } = await pipeline
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });

    const bytes = new Uint8Array(data);
    return {
      ok: true,
      image: {
        bytes,
        width: info.width,
        height: info.height,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    };
  } catch {
    // A corrupt or truncated file, or one over the pixel limit. The bytes are never logged.
    return { ok: false, message: IMAGE_MESSAGES.unreadable };
  }
}
