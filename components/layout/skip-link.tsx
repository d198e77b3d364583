// First focusable element on every page: jumps past the header and menu to <main id="main">.
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      本文へスキップ
    </a>
  );
}
