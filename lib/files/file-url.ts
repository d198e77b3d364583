// The address of an uploaded image (app/api/files/[id]/route.ts). Browser-safe.

export function fileUrl(fileId: string): string {
  return `/api/files/${fileId}`;
}
