import { TOOLBAR_ACTIONS } from '../actions';
import { ActionButton } from './ActionButton';

export function Toolbar() {
  return (
    <div className="toolbar" role="toolbar">
      {TOOLBAR_ACTIONS.map((action) => (
        <ActionButton key={action.name} action={action} className={`action action-${action.name}`} />
      ))}
    </div>
  );
}
