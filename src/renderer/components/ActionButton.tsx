import { useTranslation } from 'react-i18next';
import type { Action } from '../actions';
import { useActions, useEnabled } from '../useActions';

/** A button that performs an action: its label, its key, and disabled while it cannot be done. */
export function ActionButton({ action, className }: { action: Action; className?: string }) {
  const { t } = useTranslation();
  const perform = useActions();
  const enabled = useEnabled(action);
  return (
    <button type="button" className={className} disabled={!enabled}
      aria-keyshortcuts={action.shortcut?.label} onClick={() => perform(action)}>
      {t(action.labelKey)}
      {action.shortcut && <kbd aria-hidden="true">{action.shortcut.label}</kbd>}
    </button>
  );
}
