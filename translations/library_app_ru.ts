<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ErrorReport</name>
    <message>
        <location filename="../library_app/gui/errors.py" line="+28"/>
        <source>Library catalog</source>
        <translation>Библиотечный каталог</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Something went wrong inside the program. This is a bug in Library catalog, not something you did.

{summary}</source>
        <translation>В программе произошла внутренняя ошибка. Это ошибка «Библиотечного каталога», а не ваша.

{summary}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please report it and attach the log file, which has the details:
{path}</source>
        <translation>Пожалуйста, сообщите о ней и приложите файл журнала с подробностями:
{path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please report it; the details were written to the program&apos;s log.</source>
        <translation>Пожалуйста, сообщите о ней; подробности записаны в журнал программы.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../library_app/gui/main_window.py" line="+222"/>
        <source>Library catalog</source>
        <translation>Библиотечный каталог</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Library catalog — reader mode</source>
        <translation>Библиотечный каталог — режим читателя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface &amp;language</source>
        <translation>&amp;Язык интерфейса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;demo catalog…</source>
        <translation>Загрузить &amp;демонстрационный каталог…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add made-up sample records to this catalog to try the program</source>
        <translation>Добавить в каталог вымышленные образцы записей, чтобы опробовать программу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Library catalog</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog is empty</source>
        <translation>Каталог пуст</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no records to search yet. Please ask a librarian.</source>
        <translation>В каталоге пока нет записей для поиска. Обратитесь, пожалуйста, к библиотекарю.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To try the program before entering your own collection, load a demo catalog: realistic made-up records of books, reports, articles, maps and theses in the languages of the region. The records are added to this catalog.</source>
        <translation>Чтобы опробовать программу до ввода собственного фонда, загрузите демонстрационный каталог: правдоподобные вымышленные записи о книгах, отчётах, статьях, картах и диссертациях на языках региона. Записи будут добавлены в этот каталог.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load demo catalog…</source>
        <translation>Загрузить демонстрационный каталог…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Catalog: %Ln record(s)</source>
        <translation>
            <numerusform>Каталог: %Ln запись</numerusform>
            <numerusform>Каталог: %Ln записи</numerusform>
            <numerusform>Каталог: %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog: the number of records is not known</source>
        <translation>Каталог: число записей неизвестно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog: counting records…</source>
        <translation>Каталог: подсчёт записей…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored in: {where}</source>
        <translation>Расположение: {where}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The number of records could not be read.</source>
        <translation>Не удалось определить число записей.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+28"/>
        <source>Load demo catalog</source>
        <translation>Загрузка демонстрационного каталога</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>How many demo records should be added ({minimum} to {maximum})?</source>
        <translation>Сколько демонстрационных записей добавить (от {minimum} до {maximum})?</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Adding %Ln demo record(s) to the catalog…</source>
        <translation>
            <numerusform>Добавление в каталог %Ln демонстрационной записи…</numerusform>
            <numerusform>Добавление в каталог %Ln демонстрационных записей…</numerusform>
            <numerusform>Добавление в каталог %Ln демонстрационных записей…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demo catalog was not loaded.</source>
        <translation>Демонстрационный каталог не загружен.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Added %Ln demo record(s).</source>
        <translation>
            <numerusform>Добавлена %Ln демонстрационная запись.</numerusform>
            <numerusform>Добавлены %Ln демонстрационные записи.</numerusform>
            <numerusform>Добавлено %Ln демонстрационных записей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The search index could not be updated.</source>
        <translation>Поисковый индекс не удалось обновить.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Updating the search index… {percent}%</source>
        <translation>Обновление поискового индекса… {percent}%</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Search index updated; %Ln attachment(s) could not be read.</source>
        <translation>
            <numerusform>Поисковый индекс обновлён; не удалось прочитать %Ln вложение.</numerusform>
            <numerusform>Поисковый индекс обновлён; не удалось прочитать %Ln вложения.</numerusform>
            <numerusform>Поисковый индекс обновлён; не удалось прочитать %Ln вложений.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading the demo catalog was cancelled; nothing was changed.</source>
        <translation>Загрузка демонстрационного каталога отменена; в каталоге ничего не изменилось.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>About Library catalog</source>
        <translation>О программе «Библиотечный каталог»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Library catalog {version}&lt;/h3&gt;&lt;p&gt;A catalog for environmental libraries: books, reports, proceedings, articles, maps and theses in the languages of Central Asia.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Библиотечный каталог {version}&lt;/h3&gt;&lt;p&gt;Каталог для экологических библиотек: книги, отчёты, материалы конференций, статьи, карты и диссертации на языках Центральной Азии.&lt;/p&gt;&lt;p&gt;Свободная программа, распространяется на условиях GNU General Public License версии 3 или любой более поздней версии.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../library_app/gui/app.py" line="+118"/>
        <source>The catalog could not be opened.</source>
        <translation>Не удалось открыть каталог.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The catalog was upgraded to this version; a copy of the old one was saved as {path}</source>
        <translation>Каталог обновлён для этой версии программы; копия прежнего каталога сохранена в файле {path}</translation>
    </message>
</context>
</TS>
