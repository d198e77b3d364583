"use client";
// The applicant menu: 100_新規登録 › 10_登録申請 / 20_申請の修正, and 通知.
// Client only for the toggles. Without JavaScript everything renders open and the hamburger stays hidden;
// with it, narrow screens show the menu collapsed behind the hamburger from the first paint. CSS decides
// both (`@media (scripting: …)` and the width), not hydration: a menu that collapsed when the page
// hydrated moved the whole page up (Lighthouse measured a layout shift of 0.13 on every page, issue 14).
// Words from common.menu (issue 15; the shell passes it to ClientMessages): in another language
// the menu's system names stay beside their translation, "Application correction (20_申請の修正)".
import Link from "next/link";
import { useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";

const panelId = "applicant-menu-panel";
const registrationGroupId = "applicant-menu-registration";

const registrationLinks = [
  { href: "/registration", label: "registration" },
  { href: "/correction", label: "correction" },
] as const;

const noticesHref = "/notices";

/** "page" for the exact page, "true" for a page below it (e.g. a later wizard step). */
function currentState(href: string, currentPath: string): "page" | "true" | undefined {
  if (currentPath === href) return "page";
  if (currentPath.startsWith(`${href}/`)) return "true";
  return undefined;
}

export type ApplicantMenuProps = {
  currentPath: string;
  unreadNotices?: number;
};

export function ApplicantMenu({ currentPath, unreadNotices = 0 }: ApplicantMenuProps) {
  const t = useTranslations("common.menu");
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [isRegistrationOpen, setIsRegistrationOpen] = useState(true);
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  // The hamburger is display:none on wide screens; only then does its open state matter.
  function isHamburgerShown(): boolean {
    const button = menuButtonRef.current;
    return button !== null && getComputedStyle(button).display !== "none";
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== "Escape" || !isMenuOpen || !isHamburgerShown()) return;
    event.preventDefault();
    setIsMenuOpen(false);
    menuButtonRef.current?.focus();
  }

  // On narrow screens close the menu after choosing a page, so the new page is what the user sees.
  function closeAfterNavigation() {
    if (isHamburgerShown()) setIsMenuOpen(false);
  }

  const panelClassName = isMenuOpen
    ? "applicant-menu__panel applicant-menu__panel--open"
    : "applicant-menu__panel";

  return (
    <nav className="applicant-menu" aria-label={withoutRuby(t("label"))} onKeyDown={handleKeyDown}>
      <button
        ref={menuButtonRef}
        type="button"
        className="applicant-menu__toggle"
        aria-expanded={isMenuOpen}
        aria-controls={panelId}
        onClick={() => setIsMenuOpen((open) => !open)}
      >
        <span className="hamburger-icon" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        {withRuby(isMenuOpen ? t("close") : t("open"))}
      </button>
      <div id={panelId} className={panelClassName}>
        <ul className="applicant-menu__list">
          <li>
            <button
              type="button"
              className="applicant-menu__group"
              aria-expanded={isRegistrationOpen}
              aria-controls={registrationGroupId}
              onClick={() => setIsRegistrationOpen((open) => !open)}
            >
              {withRuby(t("newRegistration"))}
            </button>
            <ul id={registrationGroupId} className="applicant-menu__sublist" hidden={!isRegistrationOpen}>
              {registrationLinks.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    className="applicant-menu__link applicant-menu__link--child"
                    aria-current={currentState(link.href, currentPath)}
                    onClick={closeAfterNavigation}
                  >
                    {withRuby(t(link.label))}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
          <li>
            <Link
              href={noticesHref}
              className="applicant-menu__link"
              aria-current={currentState(noticesHref, currentPath)}
              onClick={closeAfterNavigation}
            >
              {withRuby(t("notices"))}
              {unreadNotices > 0 ? (
                <>
                  {" "}
                  <span className="badge badge--count">
                    {withRuby(t("unread", { count: unreadNotices }))}
                  </span>
                </>
              ) : null}
            </Link>
          </li>
        </ul>
      </div>
    </nav>
  );
}
