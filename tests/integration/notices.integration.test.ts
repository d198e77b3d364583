// 通知: newest first in pages of 20, the unread count, opening marks read once, and nobody opens
// another applicant's notice; a password change leaves exactly one notice, its body the Japanese
// text only and its words in every language in its own column (notice.message).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { generateLoginId } from "@/lib/auth/login-id";
import { hashPassword } from "@/lib/auth/password-hash";
import { changePassword } from "@/lib/auth/change-password";
import { countUnreadNotices, createNotice, listNotices, openNotice } from "@/lib/notices/notices";
import { passwordChangedNotice } from "@/lib/notices/notice-texts";

const CURRENT = "Ky7!mPq2zR";
const NEXT = "Nw4$tRb8xLq";

async function createApplicant() {
  return db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "通知 太郎",
      email: `notices-${randomUUID()}@example.test`,
      passwordHash: await hashPassword(CURRENT, getEnv().BCRYPT_COST),
      mustChangePassword: true,
    },
  });
}

/** Writes notices "番号 1" … "番号 n", one minute apart, the last the newest. */
async function writeNotices(applicantId: string, count: number, start = new Date("2026-11-01T00:00:00Z")) {
  for (let index = 1; index <= count; index += 1) {
    await createNotice(db, {
      applicantId,
      kind: "APPLICATION_RECEIVED",
      title: `番号 ${index}`,
      body: "本文",
      at: new Date(start.getTime() + index * 60_000),
    });
  }
}

async function idOf(applicantId: string, title: string) {
  return (await db.notice.findFirstOrThrow({ where: { applicantId, title } })).id;
}

describe("listNotices", () => {
  it("pages 45 notices newest first, 20 at a time, with no gaps or repeats", async () => {
    const applicant = await createApplicant();
    await writeNotices(applicant.id, 45);

    const first = await listNotices(applicant.id, {});
    expect(first.notices.map((notice) => notice.title)).toEqual(
      Array.from({ length: 20 }, (_, index) => `番号 ${45 - index}`),
    );
    expect(first.nextCursor).not.toBeNull();

    const second = await listNotices(applicant.id, { before: first.nextCursor! });
    expect(second.notices.map((notice) => notice.title)).toEqual(
      Array.from({ length: 20 }, (_, index) => `番号 ${25 - index}`),
    );
    expect(second.nextCursor).not.toBeNull();

    const third = await listNotices(applicant.id, { before: second.nextCursor! });
    expect(third.notices.map((notice) => notice.title)).toEqual(
      Array.from({ length: 5 }, (_, index) => `番号 ${5 - index}`),
    );
    expect(third.nextCursor).toBeNull();
  });

  it("keeps notices written at the same instant apart across a page boundary", async () => {
    const applicant = await createApplicant();
    const at = new Date("2026-11-02T00:00:00Z");
    for (let index = 0; index < 25; index += 1) {
      await createNotice(db, {
        applicantId: applicant.id,
        kind: "PASSWORD_CHANGED",
        title: `同時 ${index}`,
        body: "",
        at,
      });
    }
    const first = await listNotices(applicant.id, {});
    const second = await listNotices(applicant.id, { before: first.nextCursor! });
    const ids = [...first.notices, ...second.notices].map((notice) => notice.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(second.nextCursor).toBeNull();
  });

  it("treats an unreadable cursor as the first page", async () => {
    const applicant = await createApplicant();
    await writeNotices(applicant.id, 3);
    for (const before of ["garbage", "123_not-a-uuid", `abc_${randomUUID()}`, ""]) {
      const page = await listNotices(applicant.id, { before });
      expect(page.notices.map((notice) => notice.title)).toEqual(["番号 3", "番号 2", "番号 1"]);
      expect(page.nextCursor).toBeNull();
    }
  });

  it("shows an applicant with no notices an empty list", async () => {
    const applicant = await createApplicant();
    expect(await listNotices(applicant.id, {})).toEqual({ notices: [], nextCursor: null });
    expect(await countUnreadNotices(applicant.id)).toBe(0);
  });
});

describe("openNotice", () => {
  it("counts unread notices and marks one read on its first opening only", async () => {
    const applicant = await createApplicant();
    await writeNotices(applicant.id, 3);
    expect(await countUnreadNotices(applicant.id)).toBe(3);

    const id = await idOf(applicant.id, "番号 2");
    const opened = await openNotice(applicant.id, id);
    expect(opened).toMatchObject({ id, title: "番号 2", body: "本文", message: null });
    expect(opened?.readAt).toBeInstanceOf(Date);
    expect(await countUnreadNotices(applicant.id)).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 10));
    const again = await openNotice(applicant.id, id);
    expect(again?.readAt?.getTime()).toBe(opened?.readAt?.getTime());
    expect(await countUnreadNotices(applicant.id)).toBe(2);

    const listed = await listNotices(applicant.id, {});
    expect(listed.notices.map((notice) => notice.readAt !== null)).toEqual([false, true, false]);
  });

  it("does not open another applicant's notice, nor mark it read", async () => {
    const owner = await createApplicant();
    const other = await createApplicant();
    await writeNotices(owner.id, 1);
    await writeNotices(other.id, 2);
    const id = await idOf(owner.id, "番号 1");

    expect(await openNotice(other.id, id)).toBeNull();
    expect((await db.notice.findUniqueOrThrow({ where: { id } })).readAt).toBeNull();
    expect(await countUnreadNotices(owner.id)).toBe(1);
    expect(await countUnreadNotices(other.id)).toBe(2);

    await openNotice(owner.id, id);
    expect(await countUnreadNotices(owner.id)).toBe(0);
    expect(await countUnreadNotices(other.id)).toBe(2);
  });

  it("answers null for a malformed or unknown id", async () => {
    const applicant = await createApplicant();
    await writeNotices(applicant.id, 1);
    for (const id of ["not-a-uuid", "", "1", `${randomUUID()}x`, "' OR 1=1 --"]) {
      expect(await openNotice(applicant.id, id)).toBeNull();
    }
    expect(await openNotice(applicant.id, randomUUID())).toBeNull();
    expect(await countUnreadNotices(applicant.id)).toBe(1);
  });
});

describe("password change", () => {
  it("leaves exactly one unread PASSWORD_CHANGED notice, worded by passwordChangedNotice", async () => {
    const applicant = await createApplicant();
    expect(await changePassword("applicant", applicant.id, CURRENT, NEXT, null)).toEqual({ ok: true });

    const notices = await db.notice.findMany({ where: { applicantId: applicant.id } });
    expect(notices).toHaveLength(1);
    const expected = passwordChangedNotice();
    expect(notices[0]).toMatchObject({
      kind: "PASSWORD_CHANGED",
      title: expected.title,
      body: expected.body,
      message: expected.message,
      linkPath: null,
      readAt: null,
    });
    // The body is the Japanese words alone: nothing of the message travels in it.
    expect(notices[0]?.body.startsWith("申請ログインIDのパスワードが変更されました。\n")).toBe(true);
    expect(notices[0]?.body.endsWith("至急、登録事務局までご連絡ください。")).toBe(true);
    expect(notices[0]?.body).not.toMatch(/[\u001e{}]|i18n:/);
    const changed = await db.applicant.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(notices[0]?.createdAt.getTime()).toBe(changed.passwordChangedAt?.getTime());
    expect(await countUnreadNotices(applicant.id)).toBe(1);
    // Opening it gives the message back as it was written, beside the body.
    const opened = await openNotice(applicant.id, notices[0]!.id);
    expect(opened).toMatchObject({ body: expected.body, message: expected.message });
  });

  it("leaves no notice when the current password is wrong", async () => {
    const applicant = await createApplicant();
    const result = await changePassword("applicant", applicant.id, "Not-The-Current-1", NEXT, null);
    expect(result).toEqual({ ok: false, reason: "wrong-current" });
    expect(await db.notice.count({ where: { applicantId: applicant.id } })).toBe(0);
  });
});
