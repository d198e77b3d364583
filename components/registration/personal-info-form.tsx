"use client";
// 本人情報. The shared schema checks in the browser and on the server; what is typed is
// saved in the background, so a timeout, a reload or a closed tab loses nothing.
import { useState } from "react";
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup, SelectField, type ChoiceOption } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { useDraftAutosave } from "@/components/form/use-draft-autosave";
import { useServerForm } from "@/components/form/use-server-form";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { Button } from "@/components/ui/button";
import { autosavePersonalInfoAction, savePersonalInfoAction } from "@/lib/actions/save-personal-info";
import {
  BLOOD_TYPES,
  GENDERS,
  PERSONAL_INFO_FIELDS,
  PERSONAL_INFO_LABELS as L,
  foreignNationalFieldsApply,
} from "@/lib/schemas/personal-info-fields";
import { PREFECTURES } from "@/lib/reference/prefectures";
import { RESIDENCE_STATUSES } from "@/lib/reference/residence-statuses";

const FORM_ID = "personal-info-form";

const toOptions = (values: readonly string[]): ChoiceOption[] =>
  values.map((value) => ({ value, label: value }));

export function PersonalInfoForm({
  today,
  countries,
  saved,
  draftKey,
}: {
  today: string;
  countries: ChoiceOption[];
  saved: Record<string, string>;
  /** Names this applicant's copy in sessionStorage. */
  draftKey: string;
}) {
  const form = useServerForm({
    action: savePersonalInfoAction,
    fields: PERSONAL_INFO_FIELDS,
    defaultValues: saved,
    loadSchema: () =>
      import("@/lib/schemas/personal-info").then((schemas) =>
        schemas.makePersonalInfoSchema({ today, countryCodes: countries.map((country) => country.value) }),
      ),
  });
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = form;
  // What an answer shows or hides: see employer-form.tsx (.shown-without-js).
  const isJapanese = form.watch("isJapanese");
  const showForeign = foreignNationalFieldsApply(isJapanese, "submit");

  const autosave = useDraftAutosave({
    form,
    formId: FORM_ID,
    storageKey: `ccus-draft:personal-info:${draftKey}`,
    saved,
    autosave: autosavePersonalInfoAction,
  });

  // 郵便番号 → 都道府県 and 市区町村 (the user can still edit them).
  const [postalMessage, setPostalMessage] = useState("");
  async function fillAddress() {
    const code = (form.getValues().postalCode ?? "").normalize("NFKC").replace(/\D/g, "");
    if (code.length !== 7) {
      setPostalMessage("郵便番号を7桁で入力してから押してください。");
      return;
    }
    const response = await fetch(`/api/postal-codes/${code}`);
    if (!response.ok) {
      setPostalMessage(
        "この郵便番号の住所が見つかりませんでした。都道府県と市区町村・番地を入力してください。",
      );
      return;
    }
    const address = (await response.json()) as { prefecture: string; city: string };
    form.setValues({ prefecture: address.prefecture, city: address.city });
    setPostalMessage(
      `住所を入力しました：${address.prefecture}${address.city}。続きの番地を入力してください。`,
    );
  }

  return (
    <form {...formProps} onSubmit={autosave.forgetOnSubmit(formProps.onSubmit)} id={FORM_ID} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />

      <RadioGroup
        id="isJapanese"
        legend={L.isJapanese}
        required
        inline
        error={errorFor("isJapanese")}
        options={[
          { value: "yes", label: "はい" },
          { value: "no", label: "いいえ" },
        ]}
        {...field("isJapanese")}
      />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">
          <span className="field__label">氏名</span>
        </legend>
        <p className="field__hint">
          漢字で入力してください。外国籍の方は在留カードの表記で入力してください。
        </p>
        <div className="field-row">
          <TextField
            id="familyName"
            label={L.familyName}
            required
            autoComplete="family-name"
            error={errorFor("familyName")}
            {...field("familyName")}
          />
          <TextField
            id="givenName"
            label={L.givenName}
            required
            autoComplete="given-name"
            error={errorFor("givenName")}
            {...field("givenName")}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">
          <span className="field__label">フリガナ</span>
        </legend>
        <p className="field__hint">
          全角カタカナで入力してください。ひらがなで入力しても自動でカタカナになります。
        </p>
        <div className="field-row">
          <TextField
            id="familyNameKana"
            label={L.familyNameKana}
            required
            error={errorFor("familyNameKana")}
            {...field("familyNameKana")}
          />
          <TextField
            id="givenNameKana"
            label={L.givenNameKana}
            required
            error={errorFor("givenNameKana")}
            {...field("givenNameKana")}
          />
        </div>
      </fieldset>

      <section
        hidden={!showForeign}
        aria-labelledby="foreign-heading"
        className="subsection shown-without-js"
      >
        <h2 id="foreign-heading" className="section-title">
          外国籍の方
        </h2>
        <p className="field__hint">ローマ字氏名は在留カードのとおり、半角の大文字で入力してください。</p>
        <p className="field__hint without-js-only">日本国籍の方は入力不要です。</p>
        <div className="field-row">
          <TextField
            id="romanFamilyName"
            label={L.romanFamilyName}
            required
            hint="半角英字（例：NGUYEN）"
            error={errorFor("romanFamilyName")}
            {...field("romanFamilyName")}
          />
          <TextField
            id="romanMiddleName"
            label={L.romanMiddleName}
            hint="ある方のみ"
            error={errorFor("romanMiddleName")}
            {...field("romanMiddleName")}
          />
          <TextField
            id="romanGivenName"
            label={L.romanGivenName}
            required
            hint="半角英字（例：VAN AN）"
            error={errorFor("romanGivenName")}
            {...field("romanGivenName")}
          />
        </div>
        <SelectField
          id="nationality"
          label={L.nationality}
          required
          options={countries}
          error={errorFor("nationality")}
          {...field("nationality")}
        />
        <SelectField
          id="residenceStatus"
          label={L.residenceStatus}
          required
          options={toOptions(RESIDENCE_STATUSES)}
          error={errorFor("residenceStatus")}
          {...field("residenceStatus")}
        />
        <TextField
          id="residenceExpiry"
          label={L.residenceExpiry}
          type="date"
          required
          hint="在留カードに書かれた日付。永住者・特別永住者の方は入力不要です。"
          error={errorFor("residenceExpiry")}
          {...field("residenceExpiry")}
        />
      </section>

      <TextField
        id="alias"
        label={L.alias}
        hint="通称名や旧姓がある方のみ"
        error={errorFor("alias")}
        {...field("alias")}
      />
      <TextField
        id="birthDate"
        label={L.birthDate}
        type="date"
        required
        autoComplete="bday"
        hint="例：1990年4月1日。15歳以上の方が登録できます。"
        error={errorFor("birthDate")}
        {...field("birthDate")}
      />
      <RadioGroup
        id="gender"
        legend={L.gender}
        required
        inline
        error={errorFor("gender")}
        options={toOptions(GENDERS)}
        {...field("gender")}
      />
      <RadioGroup
        id="bloodType"
        legend={L.bloodType}
        inline
        error={errorFor("bloodType")}
        options={toOptions(BLOOD_TYPES)}
        {...field("bloodType")}
      />

      <h2 className="section-title">住所・連絡先</h2>
      <TextField
        id="postalCode"
        label={L.postalCode}
        required
        inputMode="numeric"
        autoComplete="postal-code"
        className="input--short"
        hint="半角・全角どちらでも、ハイフンはあってもなくても構いません（例：100-0001）"
        error={errorFor("postalCode")}
        {...field("postalCode")}
      />
      {/* Needs JavaScript: hidden without it by CSS, drawn from the first paint with it. */}
      <p className="with-js-only">
        <Button type="button" variant="secondary" onClick={() => void fillAddress()}>
          郵便番号から住所を入力
        </Button>
      </p>
      <p role="status" className="field__hint">
        {postalMessage}
      </p>
      <SelectField
        id="prefecture"
        label={L.prefecture}
        required
        autoComplete="address-level1"
        options={toOptions(PREFECTURES)}
        error={errorFor("prefecture")}
        {...field("prefecture")}
      />
      <TextField
        id="city"
        label={L.city}
        required
        autoComplete="address-level2"
        hint="例：千代田区霞が関1-2-3"
        error={errorFor("city")}
        {...field("city")}
      />
      <TextField
        id="building"
        label={L.building}
        autoComplete="address-line2"
        error={errorFor("building")}
        {...field("building")}
      />
      <TextField
        id="phone"
        label={L.phone}
        required
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint="ハイフンはあってもなくても構いません（例：090-1234-5678）"
        error={errorFor("phone")}
        {...field("phone")}
      />
      <TextField
        id="email"
        label={L.email}
        required
        type="email"
        autoComplete="email"
        error={errorFor("email")}
        {...field("email")}
      />

      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
