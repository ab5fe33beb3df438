/** The summary's plain-language lines, one per analysis, most relevant first. */
export function Headlines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <section className="panel wl-panel wl-headlines" aria-labelledby="workload-headlines-title" data-testid="workload-headlines">
      <h2 id="workload-headlines-title" className="wl-visually-hidden">
        Headlines
      </h2>
      {lines.length === 0 ? (
        <p className="muted">No headline for this series.</p>
      ) : (
        <ul>
          {lines.map((line) => {
            const colon = line.indexOf(': ');
            const label = colon > 0 ? line.slice(0, colon) : '';
            const text = colon > 0 ? line.slice(colon + 2) : line;
            const unavailable = text.startsWith('not available');
            return (
              <li key={line} className={unavailable ? 'unavailable' : undefined}>
                {label !== '' ? <span className="wl-headline-label">{label}</span> : null}
                <span>{text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
