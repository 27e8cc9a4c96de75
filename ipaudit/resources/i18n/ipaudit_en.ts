<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ActionsView</name>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="290" />
            <source>Actions: %n</source>
            <translation>
                <numerusform>Actions: %n</numerusform>
                <numerusform>Actions: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="292" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="447" />
            <source>Import %n nonconformities</source>
            <translation>
                <numerusform>Import %n nonconformity</numerusform>
                <numerusform>Import %n nonconformities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="462" />
            <source>%n action(s) of this audit not in the report: %1</source>
            <translation>
                <numerusform>%n action of this audit not in the report: %1</numerusform>
                <numerusform>%n actions of this audit not in the report: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="487" />
            <source>Saved %1 (%n event(s))</source>
            <translation>
                <numerusform>Saved %1 (%n event)</numerusform>
                <numerusform>Saved %1 (%n events)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ApplyView</name>
        <message numerus="yes">
            <location filename="../../ui/cycle/apply_view.py" line="159" />
            <source>%1 of %n condition(s) met</source>
            <translation>
                <numerusform>%1 of %n condition met</numerusform>
                <numerusform>%1 of %n conditions met</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/apply_view.py" line="160" />
            <source>%1 of %n material(s) attached</source>
            <translation>
                <numerusform>%1 of %n material attached</numerusform>
                <numerusform>%1 of %n materials attached</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/apply_view.py" line="248" />
            <source>Written: %1 (%n file(s)).</source>
            <translation>
                <numerusform>Written: %1 (%n file).</numerusform>
                <numerusform>Written: %1 (%n files).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BatchPage</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="80" />
            <source>Reading %n file(s)…</source>
            <translation>
                <numerusform>Reading %n file…</numerusform>
                <numerusform>Reading %n files…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="146" />
            <source>Import %n ledger(s)</source>
            <translation>
                <numerusform>Import %n ledger</numerusform>
                <numerusform>Import %n ledgers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="172" />
            <source>%n ledger(s) found</source>
            <translation>
                <numerusform>%n ledger found</numerusform>
                <numerusform>%n ledgers found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="173" />
            <source>%n sheet(s) skipped</source>
            <translation>
                <numerusform>%n sheet skipped</numerusform>
                <numerusform>%n sheets skipped</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="205" />
            <source>%n entries</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/batch_page.py" line="206" />
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n problem</numerusform>
                <numerusform>%n problems</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecklistModel</name>
        <message numerus="yes">
            <location filename="../../ui/checklist/checklist_model.py" line="316" />
            <source>%n current file(s)</source>
            <translation>
                <numerusform>%n current file</numerusform>
                <numerusform>%n current files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecklistView</name>
        <message numerus="yes">
            <location filename="../../ui/checklist/checklist_view.py" line="249" />
            <source>%1 of %n item(s) shown</source>
            <extracomment>files dropped on an item's row: (item key, list[Path])</extracomment>
            <translation>
                <numerusform>%1 of %n item shown</numerusform>
                <numerusform>%1 of %n items shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/checklist_view.py" line="251" />
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message numerus="yes">
            <location filename="../../ui/dashboard/dashboard.py" line="121" />
            <source>%1 of %n item(s) ready</source>
            <extracomment>the link to the workspace information (audit type, dates, period) was followed</extracomment>
            <translation>
                <numerusform>%1 of %n item ready</numerusform>
                <numerusform>%1 of %n items ready</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DepartmentModel</name>
        <message numerus="yes">
            <location filename="../../ui/checklist/navigator_model.py" line="84" />
            <source>%1 of %n item(s) ready</source>
            <translation>
                <numerusform>%1 of %n item ready</numerusform>
                <numerusform>%1 of %n items ready</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/checklist/navigator_model.py" line="85" />
            <source>%n blocking finding(s)</source>
            <translation>
                <numerusform>%n blocking finding</numerusform>
                <numerusform>%n blocking findings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="341" />
            <location filename="../../ui/ledger/problems_page.py" line="353" />
            <source>Imported %n entries of %1 from %2.</source>
            <translation>
                <numerusform>Imported %n entry of %1 from %2.</numerusform>
                <numerusform>Imported %n entries of %1 from %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="359" />
            <source>%n problem(s) are kept with the import; correct the file and import it again to replace them.</source>
            <translation>
                <numerusform>%n problem is kept with the import; correct the file and import it again to replace it.</numerusform>
                <numerusform>%n problems are kept with the import; correct the file and import it again to replace them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <location filename="../../ui/export_dialog.py" line="314" />
            <source>The pack was written to %1 (%n file(s)).</source>
            <translation>
                <numerusform>The pack was written to %1 (%n file).</numerusform>
                <numerusform>The pack was written to %1 (%n files).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message numerus="yes">
            <location filename="../../ui/new_workspace_wizard.py" line="335" />
            <source>%n department(s)</source>
            <translation>
                <numerusform>%n department</numerusform>
                <numerusform>%n departments</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FindingsPanel</name>
        <message numerus="yes">
            <location filename="../../ui/findings/findings_panel.py" line="305" />
            <source>%1 · %n finding(s)</source>
            <translation>
                <numerusform>%1 · %n finding</numerusform>
                <numerusform>%1 · %n findings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/findings/findings_panel.py" line="310" />
            <source>%1 of %n finding(s)</source>
            <translation>
                <numerusform>%1 of %n finding</numerusform>
                <numerusform>%1 of %n findings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="847" />
            <source>Readiness %1% · %n blocking finding(s)</source>
            <translation>
                <numerusform>Readiness %1% · %n blocking finding</numerusform>
                <numerusform>Readiness %1% · %n blocking findings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MockAuditView</name>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="665" />
            <source>Open corrective actions: %n</source>
            <translation>
                <numerusform>Open corrective actions: %n</numerusform>
                <numerusform>Open corrective actions: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="670" />
            <source>Corrective actions opened: %n</source>
            <translation>
                <numerusform>Corrective actions opened: %n</numerusform>
                <numerusform>Corrective actions opened: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="722" />
            <source>Reports written to %1: %n</source>
            <translation>
                <numerusform>Reports written to %1: %n</numerusform>
                <numerusform>Reports written to %1: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NextCycleView</name>
        <message numerus="yes">
            <location filename="../../ui/cycle/next_cycle_view.py" line="207" />
            <source>The next audit: %1, %2 – %3. Audit period %4 – %5. %n item(s) will need this cycle's records (needs refresh); facts, departments, people, rates, open corrective actions and every evidence link carry over, marked last cycle.</source>
            <extracomment>the choices of the type list: None follows the certificate's cycle the new cycle's workspace was written (its path) the user asked to open a workspace (the main window's open_path does it when present)</extracomment>
            <translation>
                <numerusform>The next audit: %1, %2 – %3. Audit period %4 – %5. %n item will need this cycle's records (needs refresh); facts, departments, people, rates, open corrective actions and every evidence link carry over, marked last cycle.</numerusform>
                <numerusform>The next audit: %1, %2 – %3. Audit period %4 – %5. %n items will need this cycle's records (needs refresh); facts, departments, people, rates, open corrective actions and every evidence link carry over, marked last cycle.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/next_cycle_view.py" line="285" />
            <source>%n evidence link(s) carried over</source>
            <translation>
                <numerusform>%n evidence link carried over</numerusform>
                <numerusform>%n evidence links carried over</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/cycle/next_cycle_view.py" line="286" />
            <source>%n item(s) need refresh</source>
            <translation>
                <numerusform>%n item needs refresh</numerusform>
                <numerusform>%n items need refresh</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PacketExportDialog</name>
        <message numerus="yes">
            <location filename="../../ui/packets/export_dialog.py" line="202" />
            <source>The packet was written to %1 (%n item(s)). Send it to the department; when it comes back, import it with File → Import a department packet.</source>
            <translation>
                <numerusform>The packet was written to %1 (%n item). Send it to the department; when it comes back, import it with File → Import a department packet.</numerusform>
                <numerusform>The packet was written to %1 (%n items). Send it to the department; when it comes back, import it with File → Import a department packet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PacketImportDialog</name>
        <message numerus="yes">
            <location filename="../../ui/packets/import_dialog.py" line="362" />
            <source>%n change(s) stored</source>
            <translation>
                <numerusform>%n change stored</numerusform>
                <numerusform>%n changes stored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/packets/import_dialog.py" line="363" />
            <source>%n file(s) attached</source>
            <translation>
                <numerusform>%n file attached</numerusform>
                <numerusform>%n files attached</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/packets/import_dialog.py" line="365" />
            <source>%n conflict(s) kept the workspace's value</source>
            <translation>
                <numerusform>%n conflict kept the workspace's value</numerusform>
                <numerusform>%n conflicts kept the workspace's value</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message numerus="yes">
            <location filename="../../ui/plan/plan_view.py" line="302" />
            <source>Sessions: %n</source>
            <translation>
                <numerusform>Sessions: %n</numerusform>
                <numerusform>Sessions: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plan/plan_view.py" line="304" />
            <source>Conflicts: %n</source>
            <translation>
                <numerusform>Conflicts: %n</numerusform>
                <numerusform>Conflicts: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="240" />
            <source>%n row(s) read</source>
            <translation>
                <numerusform>%n row read</numerusform>
                <numerusform>%n rows read</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="241" />
            <location filename="../../ui/ledger/problems_page.py" line="255" />
            <source>%n entries</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="242" />
            <source>%n problem(s)</source>
            <translation>
                <numerusform>%n problem</numerusform>
                <numerusform>%n problems</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="248" />
            <source>Of the sheet's %n row(s): %2 above the data, %3 blank, %4, %5 with problems, %6 (checked, not counted), %7 skipped.</source>
            <translation>
                <numerusform>Of the sheet's %n row: %2 above the data, %3 blank, %4, %5 with problems, %6 (checked, not counted), %7 skipped.</numerusform>
                <numerusform>Of the sheet's %n rows: %2 above the data, %3 blank, %4, %5 with problems, %6 (checked, not counted), %7 skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="257" />
            <source>%n total row(s)</source>
            <translation>
                <numerusform>%n total row</numerusform>
                <numerusform>%n total rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="276" />
            <source>%n stated total row(s) agree with their rows.</source>
            <translation>
                <numerusform>%n stated total row agrees with its rows.</numerusform>
                <numerusform>%n stated total rows agree with their rows.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PushTeamDialog</name>
        <message numerus="yes">
            <location filename="../../ui/team/push_dialog.py" line="247" />
            <source>%n checklist item(s)</source>
            <translation>
                <numerusform>%n checklist item</numerusform>
                <numerusform>%n checklist items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/team/push_dialog.py" line="248" />
            <source>%n evidence file(s)</source>
            <translation>
                <numerusform>%n evidence file</numerusform>
                <numerusform>%n evidence files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/team/push_dialog.py" line="263" />
            <source>The team is set up: a role for each of its %n department(s), and %1 is the compliance manager's login.</source>
            <translation>
                <numerusform>The team is set up: a role for its %n department, and %1 is the compliance manager's login.</numerusform>
                <numerusform>The team is set up: a role for each of its %n departments, and %1 is the compliance manager's login.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RehearsalView</name>
        <message numerus="yes">
            <location filename="../../ui/rehearsal/rehearsal_view.py" line="359" />
            <source>Interview readiness: %1 (%2 of %n question(s) last answered right)</source>
            <translation>
                <numerusform>Interview readiness: %1 (%2 of %n question last answered right)</numerusform>
                <numerusform>Interview readiness: %1 (%2 of %n questions last answered right)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RequestsView</name>
        <message numerus="yes">
            <location filename="../../ui/requests/requests_view.py" line="199" />
            <source> (%n file(s))</source>
            <translation>
                <numerusform> (%n file)</numerusform>
                <numerusform> (%n files)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/requests/requests_view.py" line="310" />
            <source>%1 (%n request(s))</source>
            <translation>
                <numerusform>%1 (%n request)</numerusform>
                <numerusform>%1 (%n requests)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/requests/requests_view.py" line="373" />
            <source>%n request(s): %2 covered, %3 partly, %4 missing; %5 to confirm, %6 unmatched</source>
            <translation>
                <numerusform>%n request: %2 covered, %3 partly, %4 missing; %5 to confirm, %6 unmatched</numerusform>
                <numerusform>%n requests: %2 covered, %3 partly, %4 missing; %5 to confirm, %6 unmatched</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SheetPage</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/source_pages.py" line="220" />
            <source>%n sheet(s). Choose the one that holds the ledger.</source>
            <translation>
                <numerusform>%n sheet. Choose the one that holds the ledger.</numerusform>
                <numerusform>%n sheets. Choose the one that holds the ledger.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message numerus="yes">
            <location filename="../../ui/verify_dialog.py" line="230" />
            <source>All %n file(s) match the manifest: nothing was changed.</source>
            <translation>
                <numerusform>%n file matches the manifest: nothing was changed.</numerusform>
                <numerusform>All %n files match the manifest: nothing was changed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/verify_dialog.py" line="236" />
            <source>%n difference(s): the pack was changed after it was exported.</source>
            <translation>
                <numerusform>%n difference: the pack was changed after it was exported.</numerusform>
                <numerusform>%n differences: the pack was changed after it was exported.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecklistTerms</name>
        <message numerus="yes">
            <location filename="../../ui/checklist/terms.py" line="53" />
            <source>One for each year of the period (approved up to %n month(s) before)</source>
            <translation>
                <numerusform>One for each year of the period (approved up to %n month before)</numerusform>
                <numerusform>One for each year of the period (approved up to %n months before)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EvidenceTransfer</name>
        <message numerus="yes">
            <location filename="../../ui/checklist/transfer.py" line="163" />
            <source>Attach %n file(s)</source>
            <translation>
                <numerusform>Attach %n file</numerusform>
                <numerusform>Attach %n files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ledger_commands</name>
        <message numerus="yes">
            <location filename="../../ui/ledger/ledger_commands.py" line="113" />
            <source>Set the booking window to %n day(s)</source>
            <translation>
                <numerusform>Set the booking window to %n day</numerusform>
                <numerusform>Set the booking window to %n days</numerusform>
            </translation>
        </message>
    </context>
</TS>
