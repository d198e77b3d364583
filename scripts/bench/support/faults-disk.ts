// The faults benchmark's "disk full on the upload store": the instances store uploads in an
// S3-compatible store (s3rver) on a tiny tmpfs (full-disk-store.ts). The disk fills up, an
// applicant sends a new 顔写真 — the page must refuse it with the Japanese message beside the
// field, keep the photo there was, and save nothing half-way — then space returns and the same
// upload goes through.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { FullDiskStore } from "./full-disk-store";
import { readHiddenFields, type BrowserStandIn } from "./faults-http";
import { elapsedSince, type FaultContext, type RunOutcome } from "./faults-common";

const STORE_DOWN_MESSAGE = "画像の保存先に接続できないため";
const FACE_PHOTO_PATH = "/registration/content/face-photo";

interface FileRow {
  id: string;
  slot: string;
}

async function currentFiles(context: FaultContext, loginId: string): Promise<FileRow[]> {
  const result = await context.db.query<FileRow>(
    `SELECT f.id, f.slot FROM application_file f JOIN application a ON a.id = f.application_id
     JOIN applicant p ON p.id = a.applicant_id WHERE p.login_id = $1 AND f.replaced_at IS NULL ORDER BY f.slot`,
    [loginId],
  );
  return result.rows;
}

/** Current file rows whose bytes the portal cannot serve (a row pointing to nothing). */
async function unservedFiles(context: FaultContext, browser: BrowserStandIn, rows: FileRow[]) {
  let missing = 0;
  for (const row of rows) {
    const answer = await browser.get(context.cluster.url, `/api/files/${row.id}`);
    if (answer.status !== 200) missing += 1;
  }
  return missing;
}

async function sendFacePhoto(context: FaultContext, browser: BrowserStandIn, photo: Uint8Array) {
  const page = await browser.open(context.cluster.url, FACE_PHOTO_PATH);
  const fields = readHiddenFields(page.html, "次へ");
  if (!fields) throw new Error(`no 顔写真 form (${page.status} ${page.path})`);
  return browser.post(
    context.cluster.url,
    FACE_PHOTO_PATH,
    { ...fields, intent: "draft" },
    { facePhoto: { name: "face-photo.jpg", type: "image/jpeg", bytes: photo } },
  );
}

export async function diskFull(
  context: FaultContext,
  run: number,
  store: FullDiskStore,
): Promise<RunOutcome> {
  const ns = `ft-disk-${context.runId}-${run}`;
  const photo = await readFile(path.join(import.meta.dirname, "../../../tests/e2e/fixtures/face-photo.jpg"));
  const scenario = await context.kit.scenario({ persona: "simple-filled", ns });
  if (!scenario.signInUrl || !scenario.loginId) throw new Error("simple-filled scenario without sign-in");
  const browser = await context.kit.signIn(scenario.signInUrl, ns);
  const before = await currentFiles(context, scenario.loginId);
  const objectsBefore = await store.objectCount();

  await store.fill();
  const refused = await sendFacePhoto(context, browser, photo);
  const notes: string[] = [];
  const saidSo = refused.status === 200 && refused.html.includes(STORE_DOWN_MESSAGE);
  notes.push(saidSo ? "refused with message" : `full-disk answer ${refused.status} without the message`);
  const whileFull = await currentFiles(context, scenario.loginId);
  const objectsWhileFull = await store.objectCount();
  const keptPhoto =
    whileFull.length === before.length && whileFull.every((row, i) => row.id === before[i]?.id);
  const halfSaved = (keptPhoto ? 0 : 1) + Math.max(0, objectsWhileFull - objectsBefore);

  await store.free();
  const freedAt = performance.now();
  let recoverMs: number | null = null;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answer = await sendFacePhoto(context, browser, photo);
    if (answer.status === 200 && answer.html.includes("一時保存しました。")) {
      recoverMs = elapsedSince(freedAt);
      break;
    }
    await sleep(500);
  }
  const after = await currentFiles(context, scenario.loginId);
  const replaced =
    after.find((row) => row.slot === "face-photo")?.id !==
    before.find((row) => row.slot === "face-photo")?.id;
  if (!replaced) notes.push("photo not replaced after space returned");
  const unserved = await unservedFiles(context, browser, after);
  return {
    lost: { files: unserved + (replaced ? 0 : 1) },
    duplicated: { files: halfSaved },
    recoverMs,
    notes,
  };
}
