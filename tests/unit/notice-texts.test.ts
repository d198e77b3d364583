// The wording of each 通知: kind, title, where it links, and what the body must carry.
import { describe, expect, it } from "vitest";
import {
  applicationReceivedNotice,
  applicationResubmittedNotice,
  applicationReturnedNotice,
  passwordChangedNotice,
  registrationCompletedNotice,
} from "@/lib/notices/notice-texts";

describe("notice texts", () => {
  it("password changed: says what to do when it was not the applicant", () => {
    const notice = passwordChangedNotice();
    expect(notice).toMatchObject({
      kind: "PASSWORD_CHANGED",
      title: "パスワードを変更しました",
      linkPath: null,
    });
    expect(notice.body).toContain("パスワードが変更されました");
    expect(notice.body).toContain("お心当たりがない場合");
    expect(notice.body).toContain("登録事務局");
  });

  it("received: carries the 申請番号 and the type, and links to the completion page", () => {
    const notice = applicationReceivedNotice({
      applicationNumber: "20261126-000001",
      registrationType: "簡略型登録",
    });
    expect(notice).toMatchObject({
      kind: "APPLICATION_RECEIVED",
      title: "技能者情報登録申請を受け付けました",
      linkPath: "/registration/complete",
    });
    expect(notice.body).toContain("申請番号：20261126-000001");
    expect(notice.body).toContain("登録方式：簡略型登録");
  });

  it("resubmitted: carries the 申請番号", () => {
    const notice = applicationResubmittedNotice({ applicationNumber: "20261126-000002" });
    expect(notice).toMatchObject({
      kind: "APPLICATION_RESUBMITTED",
      title: "修正した申請（再申請）を受け付けました",
      linkPath: "/registration/complete",
    });
    expect(notice.body).toContain("20261126-000002");
  });

  it("returned: lists every item with its group, reason and comment, and points to 20_申請の修正", () => {
    const items = [
      {
        groupLabel: "本人情報",
        reasonLabel: "氏名が本人確認書類と一致しない",
        comment: "旧姓で入力されています。",
      },
      { groupLabel: "顔写真", reasonLabel: "顔が確認できない", comment: "" },
      {
        groupLabel: "職種",
        reasonLabel: "経験年数が未記入",
        comment: "とび工の経験年数を入力してください。",
      },
    ];
    const notice = applicationReturnedNotice({ applicationNumber: "20261126-000003", items });
    expect(notice).toMatchObject({
      kind: "APPLICATION_RETURNED",
      title: "技能者情報申請内容不備のお知らせ",
      linkPath: "/correction",
    });
    expect(notice.body).toContain("20261126-000003");
    expect(notice.body).toContain("「20_申請の修正」");
    const lines = notice.body.split("\n");
    expect(lines).toContain("1. 【本人情報】氏名が本人確認書類と一致しない");
    expect(lines).toContain("　コメント：旧姓で入力されています。");
    expect(lines).toContain("2. 【顔写真】顔が確認できない");
    expect(lines).toContain("3. 【職種】経験年数が未記入");
    expect(lines).toContain("　コメント：とび工の経験年数を入力してください。");
    // An empty comment leaves no empty "コメント" line behind.
    expect(lines.filter((line) => line.includes("コメント："))).toHaveLength(2);
  });

  it("registration completed: gives the 技能者ID", () => {
    const notice = registrationCompletedNotice({
      applicationNumber: "20261126-000004",
      technicianId: "12345678901234",
    });
    expect(notice).toMatchObject({
      kind: "REGISTRATION_COMPLETED",
      title: "技能者情報登録完了のお知らせ",
      linkPath: null,
    });
    expect(notice.body).toContain("技能者ID：12345678901234");
    expect(notice.body).toContain("20261126-000004");
  });
});
