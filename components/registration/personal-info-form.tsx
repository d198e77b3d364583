"use client";
// 本人情報. The shared schema checks in the browser and on the server; what is typed is
// saved in the background, so a timeout, a reload or a closed tab loses nothing.
import { Fragment, useState } from "react";
import { useTranslations } from "next-intl";
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
  MINIMUM_AGE,
  PERSONAL_INFO_FIELDS,
  type PERSONAL_INFO_LABELS,
  foreignNationalFieldsApply,
} from "@/lib/schemas/personal-info-fields";
import { withRuby } from "@/lib/i18n/ruby";

const FORM_ID = "personal-info-form";
/** Where the found address goes in the translated message (a private-use character). */
const ADDRESS_SLOT = "\uE000";

export function PersonalInfoForm({
  today,
  countries,
  prefectures,
  residenceStatuses,
  saved,
  draftKey,
}: {
  today: string;
  countries: ChoiceOption[];
  /** 都道府県 and 在留資格 in the page's language, valued by their Japanese names (lib/reference/reference-options.ts). */
  prefectures: ChoiceOption[];
  residenceStatuses: ChoiceOption[];
  saved: Record<string, string>;
  /** Names this applicant's copy in sessionStorage. */
  draftKey: string;
}) {
  const t = useTranslations("personal");
  const L = (key: keyof typeof PERSONAL_INFO_LABELS) => t(`labels.${key}`);
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
  // The address found is Japanese data (not translated): marked lang="ja" inside the message.
  const [postalMessage, setPostalMessage] = useState<{ text: string; address?: string }>({ text: "" });
  async function fillAddress() {
    const code = (form.getValues().postalCode ?? "").normalize("NFKC").replace(/\D/g, "");
    if (code.length !== 7) {
      setPostalMessage({ text: t("form.postalCodeNeeded") });
      return;
    }
    const response = await fetch(`/api/postal-codes/${code}`);
    if (!response.ok) {
      setPostalMessage({ text: t("form.postalCodeNotFound") });
      return;
    }
    const address = (await response.json()) as { prefecture: string; city: string };
    form.setValues({ prefecture: address.prefecture, city: address.city });
    setPostalMessage({
      text: t("form.addressFilled", { address: ADDRESS_SLOT }),
      address: `${address.prefecture}${address.city}`,
    });
  }

  return (
    <form {...formProps} onSubmit={autosave.forgetOnSubmit(formProps.onSubmit)} id={FORM_ID} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />

      <RadioGroup
        id="isJapanese"
        legend={L("isJapanese")}
        required
        inline
        error={errorFor("isJapanese")}
        options={[
          { value: "yes", label: t("form.yes") },
          { value: "no", label: t("form.no") },
        ]}
        {...field("isJapanese")}
      />

      <fieldset className="fieldset">
        <legend className="fieldset__legend">
          <span className="field__label">{withRuby(t("form.nameLegend"))}</span>
        </legend>
        <p className="field__hint">{withRuby(t("form.nameHint"))}</p>
        <div className="field-row">
          <TextField
            id="familyName"
            label={L("familyName")}
            required
            autoComplete="family-name"
            error={errorFor("familyName")}
            {...field("familyName")}
          />
          <TextField
            id="givenName"
            label={L("givenName")}
            required
            autoComplete="given-name"
            error={errorFor("givenName")}
            {...field("givenName")}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">
          <span className="field__label">{withRuby(t("form.kanaLegend"))}</span>
        </legend>
        <p className="field__hint">{withRuby(t("form.kanaHint"))}</p>
        <div className="field-row">
          <TextField
            id="familyNameKana"
            label={L("familyNameKana")}
            required
            error={errorFor("familyNameKana")}
            {...field("familyNameKana")}
          />
          <TextField
            id="givenNameKana"
            label={L("givenNameKana")}
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
          {withRuby(t("form.foreignHeading"))}
        </h2>
        <p className="field__hint">{withRuby(t("form.romanHint"))}</p>
        <p className="field__hint without-js-only">{withRuby(t("form.japaneseNoNeed"))}</p>
        <div className="field-row">
          <TextField
            id="romanFamilyName"
            label={L("romanFamilyName")}
            required
            hint={t("form.romanFamilyNameHint")}
            error={errorFor("romanFamilyName")}
            {...field("romanFamilyName")}
          />
          <TextField
            id="romanMiddleName"
            label={L("romanMiddleName")}
            hint={t("form.romanMiddleNameHint")}
            error={errorFor("romanMiddleName")}
            {...field("romanMiddleName")}
          />
          <TextField
            id="romanGivenName"
            label={L("romanGivenName")}
            required
            hint={t("form.romanGivenNameHint")}
            error={errorFor("romanGivenName")}
            {...field("romanGivenName")}
          />
        </div>
        <SelectField
          id="nationality"
          label={L("nationality")}
          required
          options={countries}
          error={errorFor("nationality")}
          {...field("nationality")}
        />
        <SelectField
          id="residenceStatus"
          label={L("residenceStatus")}
          required
          options={residenceStatuses}
          error={errorFor("residenceStatus")}
          {...field("residenceStatus")}
        />
        <TextField
          id="residenceExpiry"
          label={L("residenceExpiry")}
          type="date"
          required
          hint={t("form.residenceExpiryHint")}
          error={errorFor("residenceExpiry")}
          {...field("residenceExpiry")}
        />
      </section>

      <TextField
        id="alias"
        label={L("alias")}
        hint={t("form.aliasHint")}
        error={errorFor("alias")}
        {...field("alias")}
      />
      <TextField
        id="birthDate"
        label={L("birthDate")}
        type="date"
        required
        autoComplete="bday"
        hint={t("form.birthDateHint", { minAge: MINIMUM_AGE })}
        error={errorFor("birthDate")}
        {...field("birthDate")}
      />
      <RadioGroup
        id="gender"
        legend={L("gender")}
        required
        inline
        error={errorFor("gender")}
        options={GENDERS.map((value) => ({
          value,
          label: t(value === "男性" ? "form.genderMale" : "form.genderFemale"),
        }))}
        {...field("gender")}
      />
      <RadioGroup
        id="bloodType"
        legend={L("bloodType")}
        inline
        error={errorFor("bloodType")}
        options={BLOOD_TYPES.map((value) => ({
          value,
          label: value === "不明" ? t("form.bloodTypeUnknown") : value,
        }))}
        {...field("bloodType")}
      />

      <h2 className="section-title">{withRuby(t("form.addressHeading"))}</h2>
      <TextField
        id="postalCode"
        label={L("postalCode")}
        required
        inputMode="numeric"
        autoComplete="postal-code"
        className="input--short"
        hint={t("form.postalCodeHint")}
        error={errorFor("postalCode")}
        {...field("postalCode")}
      />
      {/* Needs JavaScript: hidden without it by CSS, drawn from the first paint with it. */}
      <p className="with-js-only">
        <Button type="button" variant="secondary" onClick={() => void fillAddress()}>
          {withRuby(t("form.fillAddress"))}
        </Button>
      </p>
      <p role="status" className="field__hint">
        {postalMessage.text.split(ADDRESS_SLOT).map((part, index) => (
          <Fragment key={index}>
            {index > 0 ? <span lang="ja">{postalMessage.address}</span> : null}
            {withRuby(part)}
          </Fragment>
        ))}
      </p>
      <SelectField
        id="prefecture"
        label={L("prefecture")}
        required
        autoComplete="address-level1"
        options={prefectures}
        error={errorFor("prefecture")}
        {...field("prefecture")}
      />
      <TextField
        id="city"
        label={L("city")}
        required
        autoComplete="address-level2"
        hint={t("form.cityHint")}
        error={errorFor("city")}
        {...field("city")}
      />
      <TextField
        id="building"
        label={L("building")}
        autoComplete="address-line2"
        error={errorFor("building")}
        {...field("building")}
      />
      <TextField
        id="phone"
        label={L("phone")}
        required
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        hint={t("form.phoneHint")}
        error={errorFor("phone")}
        {...field("phone")}
      />
      <TextField
        id="email"
        label={L("email")}
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
