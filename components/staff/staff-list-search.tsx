// The search form above a staff list: a plain GET form (works without JavaScript), so the
// result is a URL that can be bookmarked, reloaded or shared.
export type StaffListSearchProps = {
  /** The list's own path; the form sends q and status to it. */
  action: string;
  /** Accessible name of the search landmark, e.g. 「申請者の検索」. */
  label: string;
  query: string;
  /** What 検索語 matches. */
  queryHint: string;
  status: string;
  statusOptions: readonly { value: string; label: string }[];
  /** More selects after 状態 (申請一覧's 支払状況), each sent as its own parameter. */
  extraFilters?: readonly StaffListFilter[];
  queryMaxLength: number;
};

export type StaffListFilter = {
  /** The URL parameter, also the select's id suffix. */
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
};

export function StaffListSearch({
  action,
  label,
  query,
  queryHint,
  status,
  statusOptions,
  extraFilters = [],
  queryMaxLength,
}: StaffListSearchProps) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="list-search">
      <div className="field list-search__query">
        <div className="field__label-row">
          <label className="field__label" htmlFor="list-q">
            検索語
          </label>
        </div>
        <p className="field__hint" id="list-q-hint">
          {queryHint}
        </p>
        <input
          id="list-q"
          name="q"
          type="search"
          className="input"
          defaultValue={query}
          maxLength={queryMaxLength}
          autoComplete="off"
          aria-describedby="list-q-hint"
        />
      </div>
      <div className="field list-search__status">
        <div className="field__label-row">
          <label className="field__label" htmlFor="list-status">
            状態
          </label>
        </div>
        <select id="list-status" name="status" className="select" defaultValue={status}>
          {statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {extraFilters.map((filter) => (
        <div className="field list-search__status" key={filter.name}>
          <div className="field__label-row">
            <label className="field__label" htmlFor={`list-${filter.name}`}>
              {filter.label}
            </label>
          </div>
          <select
            id={`list-${filter.name}`}
            name={filter.name}
            className="select"
            defaultValue={filter.value}
          >
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="list-search__submit">
        <button type="submit" className="button button--primary">
          検索する
        </button>
      </div>
    </form>
  );
}
