import { useTranslation } from 'react-i18next';
import { TOOLBAR_ACTIONS } from '../actions';
import { useActions } from '../useActions';

export function Toolbar() {
  const { t } = useTranslation();
  const perform = useActions();
  return (
    <div className="toolbar" role="toolbar">
      {TOOLBAR_ACTIONS.map((action) => (
        <button key={action.id} type="button" className={`action action-${action.id}`}
          aria-keyshortcuts={action.key} onClick={() => perform(action)}>
          {t(action.labelKey)}
          {action.key && <kbd aria-hidden="true">{action.key}</kbd>}
        </button>
      ))}
    </div>
  );
}
