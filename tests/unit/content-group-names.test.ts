// The task list's group names (issue 15): one message per group of lib/registration/content-groups.ts,
// the Japanese exactly the group's label (the accessible names of the task list's links), and each
// other language keeping the group's Japanese name beside its translation (staff and documents use it).
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja";
import en from "@/messages/en";
import { contentGroups } from "@/lib/registration/content-groups";
import { SYSTEM_NAMES } from "@/lib/i18n/system-names";

describe("content.groups", () => {
  it("names every group, in Japanese exactly as its label", () => {
    expect(Object.keys(ja.content.groups).sort()).toEqual(contentGroups.map((group) => group.key).sort());
    for (const group of contentGroups) {
      expect(ja.content.groups[group.key as keyof typeof ja.content.groups]).toBe(group.label);
    }
  });

  it("keeps a Japanese system name of the group beside the English", () => {
    for (const [key, name] of Object.entries(en.content.groups)) {
      const japanese = SYSTEM_NAMES.filter((system) => name.includes(`(${system})`));
      expect(japanese, `${key}: ${name}`).not.toEqual([]);
      expect(ja.content.groups[key as keyof typeof ja.content.groups].startsWith(japanese[0] ?? "")).toBe(
        true,
      );
    }
  });
});
