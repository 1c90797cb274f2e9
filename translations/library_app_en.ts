<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentsTab</name>
    <message numerus="yes">
        <location filename="../library_app/gui/editor/attachments_tab.py" line="+258"/>
        <source>Storing %n file(s) with the record…</source>
        <translation>
            <numerusform>Storing %n file with the record…</numerusform>
            <numerusform>Storing %n files with the record…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketDock</name>
    <message numerus="yes">
        <location filename="../library_app/gui/basket_view.py" line="+168"/>
        <source>Saved %Ln record(s) to {path}.</source>
        <translation>
            <numerusform>Saved %Ln record to {path}.</numerusform>
            <numerusform>Saved %Ln records to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>Remove all %Ln record(s) from the basket?</source>
        <translation>
            <numerusform>Remove the %Ln record from the basket?</numerusform>
            <numerusform>Remove all %Ln records from the basket?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message numerus="yes">
        <location filename="../library_app/gui/batch_edit_dialog.py" line="+150"/>
        <source>Change %n record(s)</source>
        <translation>
            <numerusform>Change %n record</numerusform>
            <numerusform>Change %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The change is made to all %n selected record(s) together, or, if any of them cannot take it, to none.</source>
        <translation>
            <numerusform>The change is made to the %n selected record, or, if it cannot take it, not at all.</numerusform>
            <numerusform>The change is made to all %n selected records together, or, if any of them cannot take it, to none.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>Changing %n record(s)…</source>
        <translation>
            <numerusform>Changing %n record…</numerusform>
            <numerusform>Changing %n records…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopiesTab</name>
    <message numerus="yes">
        <location filename="../library_app/gui/editor/copies_tab.py" line="+295"/>
        <source>Add %n copy(ies)</source>
        <translation>
            <numerusform>Add %n copy</numerusform>
            <numerusform>Add %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n copy(ies) to remove are on loan: {numbers}.

Remove anyway?</source>
        <translation>
            <numerusform>%n copy to remove is on loan: {numbers}.

Remove anyway?</numerusform>
            <numerusform>%n copies to remove are on loan: {numbers}.

Remove anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Remove %n copy(ies)</source>
        <translation>
            <numerusform>Remove %n copy</numerusform>
            <numerusform>Remove %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n copy(ies), {available} available</source>
        <translation>
            <numerusform>%n copy, {available} available</numerusform>
            <numerusform>%n copies, {available} available</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <location filename="../library_app/gui/detail_pane.py" line="+437"/>
        <source>%Ln matching page(s)</source>
        <translation>
            <numerusform>%Ln matching page</numerusform>
            <numerusform>%Ln matching pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message numerus="yes">
        <location filename="../library_app/gui/editor/duplicate_warning.py" line="+172"/>
        <source>Possible duplicate(s) in the catalog:</source>
        <translation>
            <numerusform>Possible duplicate in the catalog:</numerusform>
            <numerusform>Possible duplicates in the catalog:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../library_app/gui/export_dialog.py" line="+407"/>
        <source>Writing %Ln record(s)…</source>
        <translation>
            <numerusform>Writing %Ln record…</numerusform>
            <numerusform>Writing %Ln records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Saved %Ln record(s) to {path}.</source>
        <translation>
            <numerusform>Saved %Ln record to {path}.</numerusform>
            <numerusform>Saved %Ln records to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexKeeper</name>
    <message numerus="yes">
        <location filename="../library_app/gui/index_keeper.py" line="+96"/>
        <source>Search index updated; %Ln attachment(s) could not be read.</source>
        <translation>
            <numerusform>Search index updated; %Ln attachment could not be read.</numerusform>
            <numerusform>Search index updated; %Ln attachments could not be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message numerus="yes">
        <location filename="../library_app/gui/interchange_actions.py" line="+75"/>
        <source>Imported: %Ln record(s) added</source>
        <translation>
            <numerusform>Imported: %Ln record added</numerusform>
            <numerusform>Imported: %Ln records added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln updated.</source>
        <translation>
            <numerusform>%Ln updated.</numerusform>
            <numerusform>%Ln updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Saved %Ln record(s) to {path}.</source>
        <translation>
            <numerusform>Saved %Ln record to {path}.</numerusform>
            <numerusform>Saved %Ln records to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../library_app/gui/main_window.py" line="+414"/>
        <source>Adding %Ln demo record(s) to the catalog…</source>
        <translation>
            <numerusform>Adding %Ln demo record to the catalog…</numerusform>
            <numerusform>Adding %Ln demo records to the catalog…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Added %Ln demo record(s).</source>
        <translation>
            <numerusform>Added %Ln demo record.</numerusform>
            <numerusform>Added %Ln demo records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>%n record(s) in the basket.</source>
        <translation>
            <numerusform>%n record in the basket.</numerusform>
            <numerusform>%n records in the basket.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message numerus="yes">
        <location filename="../library_app/gui/import_pages.py" line="+550"/>
        <source>%Ln row(s) shown.</source>
        <translation>
            <numerusform>%Ln row shown.</numerusform>
            <numerusform>%Ln rows shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <location filename="../library_app/gui/print_dialog.py" line="+411"/>
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln card(s)</source>
        <translation>
            <numerusform>%Ln card</numerusform>
            <numerusform>%Ln cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln label(s)</source>
        <translation>
            <numerusform>%Ln label</numerusform>
            <numerusform>%Ln labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln copy(ies)</source>
        <translation>
            <numerusform>%Ln copy</numerusform>
            <numerusform>%Ln copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>Printing %Ln page(s)…</source>
        <translation>
            <numerusform>Printing %Ln page…</numerusform>
            <numerusform>Printing %Ln pages…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln page(s) sent to the printer.</source>
        <translation>
            <numerusform>%Ln page sent to the printer.</numerusform>
            <numerusform>%Ln pages sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message numerus="yes">
        <location filename="../library_app/gui/record_actions.py" line="+180"/>
        <source>Move %n record(s) to the trash? They disappear from searches and can be restored from File › Trash.</source>
        <translation>
            <numerusform>Move %n record to the trash? It disappears from searches and can be restored from File › Trash.</numerusform>
            <numerusform>Move %n records to the trash? They disappear from searches and can be restored from File › Trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Moving %n record(s) to the trash…</source>
        <translation>
            <numerusform>Moving %n record to the trash…</numerusform>
            <numerusform>Moving %n records to the trash…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n record(s) moved to the trash.</source>
        <translation>
            <numerusform>%n record moved to the trash.</numerusform>
            <numerusform>%n records moved to the trash.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message numerus="yes">
        <location filename="../library_app/gui/editor/editor_window.py" line="+313"/>
        <source>%n problem(s) prevent saving: </source>
        <translation>
            <numerusform>%n problem prevents saving: </numerusform>
            <numerusform>%n problems prevent saving: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message numerus="yes">
        <location filename="../library_app/gui/import_wizard.py" line="+242"/>
        <source>%Ln record(s) added</source>
        <translation>
            <numerusform>%Ln record added</numerusform>
            <numerusform>%Ln records added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln not imported because of errors</source>
        <translation>
            <numerusform>%Ln not imported because of errors</numerusform>
            <numerusform>%Ln not imported because of errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../library_app/gui/import_review.py" line="+339"/>
        <source>%Ln record(s) in the file:</source>
        <translation>
            <numerusform>%Ln record in the file:</numerusform>
            <numerusform>%Ln records in the file:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln to add</source>
        <translation>
            <numerusform>%Ln to add</numerusform>
            <numerusform>%Ln to add</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln to update</source>
        <translation>
            <numerusform>%Ln to update</numerusform>
            <numerusform>%Ln to update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln to skip</source>
        <translation>
            <numerusform>%Ln to skip</numerusform>
            <numerusform>%Ln to skip</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln to decide</source>
        <translation>
            <numerusform>%Ln to decide</numerusform>
            <numerusform>%Ln to decide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln cannot be imported</source>
        <translation>
            <numerusform>%Ln cannot be imported</numerusform>
            <numerusform>%Ln cannot be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln warning(s).</source>
        <translation>
            <numerusform>%Ln warning.</numerusform>
            <numerusform>%Ln warnings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Strict import: %Ln problem(s) stop it, so nothing would be imported. Fix the file, or clear “Strict” to import the readable records.</source>
        <translation>
            <numerusform>Strict import: %Ln problem stops it, so nothing would be imported. Fix the file, or clear “Strict” to import the readable records.</numerusform>
            <numerusform>Strict import: %Ln problems stop it, so nothing would be imported. Fix the file, or clear “Strict” to import the readable records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+147"/>
        <source>Writing %Ln record(s) to the catalog…</source>
        <translation>
            <numerusform>Writing %Ln record to the catalog…</numerusform>
            <numerusform>Writing %Ln records to the catalog…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <location filename="../library_app/gui/search_view.py" line="+376"/>
        <source>%Ln record(s) found.</source>
        <translation>
            <numerusform>%Ln record found.</numerusform>
            <numerusform>%Ln records found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln record(s) in the catalog.</source>
        <translation>
            <numerusform>%Ln record in the catalog.</numerusform>
            <numerusform>%Ln records in the catalog.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceBox</name>
    <message numerus="yes">
        <location filename="../library_app/gui/record_sources.py" line="+55"/>
        <source>All %Ln record(s) the search found</source>
        <translation>
            <numerusform>The %Ln record the search found</numerusform>
            <numerusform>All %Ln records the search found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %Ln selected record(s)</source>
        <translation>
            <numerusform>The %Ln selected record</numerusform>
            <numerusform>The %Ln selected records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %Ln record(s) in the basket</source>
        <translation>
            <numerusform>The %Ln record in the basket</numerusform>
            <numerusform>The %Ln records in the basket</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The whole catalog (%Ln record(s))</source>
        <translation>
            <numerusform>The whole catalog (%Ln record)</numerusform>
            <numerusform>The whole catalog (%Ln records)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message numerus="yes">
        <location filename="../library_app/gui/trash_view.py" line="+194"/>
        <source>%n record(s) in the trash.</source>
        <translation>
            <numerusform>%n record in the trash.</numerusform>
            <numerusform>%n records in the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Restoring %n record(s)…</source>
        <translation>
            <numerusform>Restoring %n record…</numerusform>
            <numerusform>Restoring %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n record(s) restored.</source>
        <translation>
            <numerusform>%n record restored.</numerusform>
            <numerusform>%n records restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message numerus="yes">
        <location filename="../library_app/gui/welcome.py" line="+121"/>
        <source>Catalog: %Ln record(s)</source>
        <translation>
            <numerusform>Catalog: %Ln record</numerusform>
            <numerusform>Catalog: %Ln records</numerusform>
        </translation>
    </message>
</context>
</TS>
