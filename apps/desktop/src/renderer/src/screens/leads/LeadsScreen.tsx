// Leads: the company's leads, filters, bulk actions, CSV import and a lead's detail.
export function LeadsScreen() {
  return (
    <div className="page" data-testid="screen-leads">
      <h2>Leads</h2>
    </div>
  );
}
