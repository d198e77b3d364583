// Which libvips decoders may run on uploaded bytes: the JPEG buffer loader alone. libvips's other
// loaders (GIF, TIFF, PNG, WebP, HEIF, SVG, PDF, VIPS, Matlab, FITS …) are never needed here, and
// the ones with published advisories (GIF, TIFF, the VIPS format) could otherwise be reached by a
// file that passes the JPEG signature check and is then sniffed as something else.
import sharp from "sharp";

export const ALLOWED_IMAGE_LOADERS = ["VipsForeignLoadJpegBuffer"] as const;

let restricted = false;

/** Blocks every libvips loader but JPEG-from-buffer, for the whole process; safe to call again. */
export function restrictImageDecoders(): void {
  if (restricted) return;
  sharp.block({ operation: ["VipsForeignLoad"] });
  sharp.unblock({ operation: [...ALLOWED_IMAGE_LOADERS] });
  restricted = true;
}
