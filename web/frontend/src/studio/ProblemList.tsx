import { t } from '../i18n';
import type { StudioProblem } from './problems';
import { sortProblems } from './problems';

/** Every problem of the diagram; one drawn on the diagram selects its element when clicked. */
export function ProblemList({ problems, onSelect }: { problems: StudioProblem[]; onSelect: (id: string) => void }) {
  if (problems.length === 0) {
    return <p class="studio-ok" data-testid="problems-none">{t('studio.problems.none')}</p>;
  }
  return (
    <ul class="studio-problems" data-testid="problems">
      {sortProblems(problems).map((p, i) => (
        <li key={i} class={`problem ${p.severity}`} data-element-id={p.elementId ?? ''} data-code={p.code}>
          {p.onDiagram ? (
            <button type="button" class="link where" onClick={() => p.elementId && onSelect(p.elementId)}
                    title={t('studio.problems.select')}>
              <span class="sev">{t(`studio.severity.${p.severity}`)}</span>
              <span class="src">{t(`studio.source.${p.source}`)}</span>
              <code>{p.elementId}</code>
            </button>
          ) : (
            <span class="where" title={t('studio.problems.notDrawn')}>
              <span class="sev">{t(`studio.severity.${p.severity}`)}</span>
              <span class="src">{t(`studio.source.${p.source}`)}</span>
              <code>{p.elementId ?? p.file ?? '—'}</code>
            </span>
          )}
          <span class="msg">{p.message}</span>
          <span class="code">{p.code}</span>
        </li>
      ))}
    </ul>
  );
}
