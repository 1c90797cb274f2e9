<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../library_app/gui/main_window.py" line="+261"/>
        <source>Catalog: %Ln record(s)</source>
        <translation>
            <numerusform>Catalog: %Ln record</numerusform>
            <numerusform>Catalog: %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>Adding %Ln demo record(s) to the catalog…</source>
        <translation>
            <numerusform>Adding %Ln demo record to the catalog…</numerusform>
            <numerusform>Adding %Ln demo records to the catalog…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Added %Ln demo record(s).</source>
        <translation>
            <numerusform>Added %Ln demo record.</numerusform>
            <numerusform>Added %Ln demo records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Search index updated; %Ln attachment(s) could not be read.</source>
        <translation>
            <numerusform>Search index updated; %Ln attachment could not be read.</numerusform>
            <numerusform>Search index updated; %Ln attachments could not be read.</numerusform>
        </translation>
    </message>
</context>
</TS>
