<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ActionsView</name>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="273" />
            <source>Actions: %n</source>
            <translation>
                <numerusform>Actions: %n</numerusform>
                <numerusform>Actions: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="275" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/actions/actions_view.py" line="425" />
            <source>Import %n nonconformities</source>
            <translation>
                <numerusform>Import %n nonconformity</numerusform>
                <numerusform>Import %n nonconformities</numerusform>
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
            <location filename="../../ui/ledger/batch_page.py" line="200" />
            <source>%1 [%2] → %3 (%4 sure): %5 entries, %n problem(s).</source>
            <translation>
                <numerusform>%1 [%2] → %3 (%4 sure): %5 entries, %n problem.</numerusform>
                <numerusform>%1 [%2] → %3 (%4 sure): %5 entries, %n problems.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
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
        <name>MockAuditView</name>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="662" />
            <source>Open corrective actions: %n</source>
            <translation>
                <numerusform>Open corrective actions: %n</numerusform>
                <numerusform>Open corrective actions: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="667" />
            <source>Corrective actions opened: %n</source>
            <translation>
                <numerusform>Corrective actions opened: %n</numerusform>
                <numerusform>Corrective actions opened: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mock_audit/mock_audit_view.py" line="719" />
            <source>Reports written to %1: %n</source>
            <translation>
                <numerusform>Reports written to %1: %n</numerusform>
                <numerusform>Reports written to %1: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message numerus="yes">
            <location filename="../../ui/plan/plan_view.py" line="271" />
            <source>Sessions: %n</source>
            <translation>
                <numerusform>Sessions: %n</numerusform>
                <numerusform>Sessions: %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/plan/plan_view.py" line="273" />
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
            <location filename="../../ui/ledger/problems_page.py" line="238" />
            <source>%1: %2 rows read, %3 entries, %n problem(s).</source>
            <translation>
                <numerusform>%1: %2 rows read, %3 entries, %n problem.</numerusform>
                <numerusform>%1: %2 rows read, %3 entries, %n problems.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/ledger/problems_page.py" line="274" />
            <source>%n stated total row(s) agree with their rows.</source>
            <translation>
                <numerusform>%n stated total row agrees with its rows.</numerusform>
                <numerusform>%n stated total rows agree with their rows.</numerusform>
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
</TS>
