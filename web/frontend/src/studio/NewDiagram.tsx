import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { keyProblem, templateFileName, templateType, templateXml, TEMPLATES, type TemplateId } from './templates';

export interface PendingDiagram {
  type: 'process' | 'decision';
  key: string;
  fileName: string;
  xml: string;
  title: string;
  errors?: unknown[];
}

/** A new process or decision from a template: a key (its id and file name) and a name. */
export function NewDiagram({ taken, create }: { taken: string[]; create: (p: PendingDiagram) => void }) {
  const [template, setTemplate] = useState<TemplateId>('user-task-flow');
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const p = keyProblem(key, taken);
    if (p) { setProblem(t(`studio.${p}`)); return; }
    create({
      type: templateType(template), key, fileName: templateFileName(template, key),
      xml: templateXml(template, key, name.trim() || key), title: t('studio.new.editing', { key }),
    });
  };
  return (
    <form class="studio-form" data-testid="new-diagram" onSubmit={submit}>
      <fieldset>
        <legend>{t('studio.new.template')}</legend>
        {TEMPLATES.map((id) => (
          <label key={id} class="check">
            <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
            <strong>{t(`studio.template.${id}`)}</strong> <span class="hint">{t(`studio.template.${id}.hint`)}</span>
          </label>
        ))}
      </fieldset>
      <label>{t('studio.new.key')}
        <input name="key" value={key} onInput={(e) => { setKey((e.target as HTMLInputElement).value.trim()); setProblem(null); }} />
      </label>
      <label>{t('studio.new.name')}
        <input name="name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      {problem && <p class="error" role="alert">{problem}</p>}
      <button type="submit" data-testid="new-create">{t('studio.new.create')}</button>
    </form>
  );
}
