import { navigate } from '../routing/navigation.ts';

export function NotFoundPage() {
  return (
    <div className="list-page">
      <h1>Page not found</h1>
      <p className="muted">This address does not lead anywhere in Memberflow.</p>
      <button className="btn" type="button" onClick={() => navigate('/')}>
        Back to workflows
      </button>
    </div>
  );
}
