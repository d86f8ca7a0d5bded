/** Shown instead of a page the active role may not see. */
export default function NoAccess(props: { title: string }) {
  return (
    <div class="page">
      <header class="page-header">
        <h1>{props.title}</h1>
      </header>
      <div class="card">
        <p class="no-access" role="alert">
          Your role in this company does not have access to this page. Ask an owner or admin if you need it.
        </p>
      </div>
    </div>
  );
}
