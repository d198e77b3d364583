// 詳細型への移行: the type an application is written and sent as, which groups open during the
// move, and the way back from a 詳細型 page to the move's task list.
import { describe, expect, it } from "vitest";
import {
  contentGroups,
  effectiveRegistrationType,
  groupsFor,
  isDetailedOnlyGroup,
} from "@/lib/registration/content-groups";
import { changeHref, pathAfterGroupSave, returnTargetOf } from "@/lib/registration/return-to";

describe("effectiveRegistrationType", () => {
  it("is 詳細型 while a move is under way, else the stored type", () => {
    const at = new Date("2026-12-07T00:00:00Z");
    expect(effectiveRegistrationType({ registrationType: "SIMPLE", upgradeStartedAt: at })).toBe("DETAILED");
    expect(effectiveRegistrationType({ registrationType: "SIMPLE", upgradeStartedAt: null })).toBe("SIMPLE");
    expect(effectiveRegistrationType({ registrationType: "DETAILED", upgradeStartedAt: null })).toBe(
      "DETAILED",
    );
    expect(effectiveRegistrationType({ registrationType: null, upgradeStartedAt: null })).toBeNull();
  });
});

describe("isDetailedOnlyGroup", () => {
  it("opens exactly the six groups 詳細型 adds to 簡略型", () => {
    const added = groupsFor("DETAILED").filter((group) => !groupsFor("SIMPLE").includes(group));
    expect(added.map((group) => group.key)).toEqual([
      "education",
      "workers-comp",
      "health-checks",
      "qualifications",
      "trainings",
      "awards",
    ]);
    expect(contentGroups.filter((group) => isDetailedOnlyGroup(group.key))).toEqual(added);
    for (const key of ["personal-info", "face-photo", "employer", "", null, undefined, "unknown"]) {
      expect(isDetailedOnlyGroup(key)).toBe(false);
    }
  });
});

describe("return=upgrade", () => {
  it("brings 次へ on a 詳細型 page back to /upgrade", () => {
    expect(changeHref("/registration/content/education", undefined, "upgrade")).toBe(
      "/registration/content/education?return=upgrade",
    );
    expect(returnTargetOf("upgrade")).toBe("upgrade");
    const form = new FormData();
    form.set("returnTo", "upgrade");
    expect(pathAfterGroupSave(form)).toBe("/upgrade");
    form.set("returnTo", "https://example.com/");
    expect(pathAfterGroupSave(form)).toBe("/registration/content");
  });
});
