// A multipart/form-data body as a browser builds it for <form enctype="multipart/form-data">.
import { randomBytes } from "node:crypto";

export interface FilePart {
  filename: string;
  type: string;
  data: Buffer;
}

export type FormPart = [name: string, value: string | FilePart];

export function multipartBody(parts: FormPart[]): { body: Buffer; contentType: string } {
  const boundary = `----BenchFormBoundary${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  const quote = (text: string) => text.replace(/"/g, "%22").replace(/\r|\n/g, " ");
  for (const [name, value] of parts) {
    if (typeof value === "string") {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(value.filename)}"\r\n` +
            `Content-Type: ${value.type}\r\n\r\n`,
        ),
        value.data,
        Buffer.from("\r\n"),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
