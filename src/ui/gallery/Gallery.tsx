/**
 * The template gallery, shown on first start and from the toolbar: a card per shipped template
 * (name, description, a preview of its nodes and connections, the number of step notes); "Use" opens
 * a copy, after a short form when the template has fill-in inputs.
 */
import { useEffect, useState } from 'react';
import { localizeFlow, templateInputs } from '../../core/flow/template';
import { WORKFLOW_SCHEMA, type Workflow } from '../../core/flow/workflow';
import { useT } from '../i18n';
import { useStore } from '../store';
import { TEMPLATES, type TemplateEntry } from '../templates';
import { useTrainer } from '../trainer/state';
import { InputsForm } from './InputsForm';
import { openTemplate } from './open';
import { PreviewSvg } from './PreviewSvg';
import { saveFlowFile } from '../safety/save';
import { mayReplace, useSafety } from '../safety/state';

function Card({ entry, onUse }: { entry: TemplateEntry; onUse: () => void }) {
  const { t, lang } = useT();
  const w = localizeFlow(entry.workflow, lang);
  return (
    <article className="af-card" data-testid={`gallery-card-${entry.id}`}>
      <PreviewSvg workflow={entry.workflow} />
      <h3>{w.name}</h3>
      <p>{w.description}</p>
      <footer>
        <small>
          {w.nodes.length} {t('steps')} · {w.notes.length} {t('stepNotes')}
        </small>
        <button type="button" className="af-primary af-nowrap" onClick={onUse} data-testid={`gallery-use-${entry.id}`}>
          {t('useTemplate')}
        </button>
      </footer>
    </article>
  );
}

export function Gallery() {
  const { t, lang } = useT();
  const open = useTrainer((s) => s.gallery);
  const [asking, setAsking] = useState<TemplateEntry | null>(null);
  useEffect(() => {
    if (!open) {
      setAsking(null);
      return;
    }
    const onKey = (e: KeyboardEvent) => {
      // Escape over the "Save first / Replace / Cancel" question answers that question only.
      if (e.key === 'Escape' && !useSafety.getState().asking) useTrainer.getState().openGallery(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open) return null;
  const use = (entry: TemplateEntry) =>
    templateInputs(entry.workflow).length ? setAsking(entry) : void openTemplate(entry.workflow, {}, lang);
  const empty: Workflow = {
    schema: WORKFLOW_SCHEMA,
    name: lang === 'vi' ? 'Luồng chưa đặt tên' : 'Untitled flow',
    nodes: [],
    edges: [],
    notes: [],
  };
  return (
    <div className="af-gallery-backdrop" onClick={(e) => e.target === e.currentTarget && useTrainer.getState().openGallery(false)}>
      <section className="af-gallery" role="dialog" aria-modal="true" aria-labelledby="af-gallery-title" data-testid="gallery">
        <header>
          <h2 id="af-gallery-title">{t('galleryTitle')}</h2>
          <button type="button" onClick={() => useTrainer.getState().openGallery(false)} data-testid="gallery-close">
            {t('close')}
          </button>
        </header>
        {asking ? (
          <InputsForm
            workflow={localizeFlow(asking.workflow, lang)}
            onOpen={(values) => void openTemplate(asking.workflow, values, lang)}
            onBack={() => setAsking(null)}
          />
        ) : (
          <>
            <p className="af-hint">{t('galleryIntro')}</p>
            <div className="af-cards">
              {TEMPLATES.map((entry) => (
                <Card key={entry.id} entry={entry} onUse={() => use(entry)} />
              ))}
              <article className="af-card af-card-empty" data-testid="gallery-card-empty">
                <h3>{t('newFlow')}</h3>
                <p>{t('emptyFlowDesc')}</p>
                <footer>
                  <span />
                  <button
                    type="button"
                    onClick={async () => {
                      if (!(await mayReplace(saveFlowFile))) return;
                      useStore.getState().loadWorkflow(empty);
                      useTrainer.getState().openGallery(false);
                    }}
                    className="af-nowrap"
                    data-testid="gallery-use-empty"
                  >
                    {t('useTemplate')}
                  </button>
                </footer>
              </article>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
