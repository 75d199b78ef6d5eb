/** The short form shown when a template with fill-in inputs is opened (data file, text column, number of segments…). */
import { useState, type FormEvent } from 'react';
import { currentInputValues, templateInputs } from '../../core/flow/template';
import type { Workflow } from '../../core/flow/workflow';
import { keepFile } from '../keep-file';
import { useT } from '../i18n';

export function InputsForm({
  workflow,
  onOpen,
  onBack,
}: {
  workflow: Workflow;
  onOpen: (values: Record<string, string>) => void;
  onBack: () => void;
}) {
  const { t, p } = useT();
  const inputs = templateInputs(workflow);
  const [values, setValues] = useState(() => currentInputValues(workflow));
  const set = (id: string, v: string) => setValues((old) => ({ ...old, [id]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onOpen(values);
  };
  const pickFile = async (id: string, file: File | undefined) => {
    if (!file) return;
    if (!(await keepFile(file))) return;
    set(id, file.name);
  };
  return (
    <form className="af-inputs" onSubmit={submit} data-testid="template-inputs">
      <h3>{t('fillInTitle')}</h3>
      <p className="af-hint">{t('fillInIntro')}</p>
      {inputs.map((input) => (
        <div className="af-field" key={input.id} data-testid={`input-${input.id}`}>
          <label htmlFor={`tpl-${input.id}`}>{p(input.label)}</label>
          {input.kind === 'file' ? (
            <div className="af-row">
              <input id={`tpl-${input.id}`} type="text" value={values[input.id] ?? ''} onChange={(e) => set(input.id, e.target.value)} />
              <input type="file" aria-label={t('chooseFile')} onChange={(e) => void pickFile(input.id, e.target.files?.[0])} />
            </div>
          ) : (
            <input
              id={`tpl-${input.id}`}
              type={input.kind === 'number' || input.kind === 'integer' ? 'number' : 'text'}
              value={values[input.id] ?? ''}
              onChange={(e) => set(input.id, e.target.value)}
            />
          )}
        </div>
      ))}
      <div className="af-row">
        <button type="submit" className="af-primary" data-testid="inputs-open">
          {t('openCopy')}
        </button>
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </form>
  );
}
