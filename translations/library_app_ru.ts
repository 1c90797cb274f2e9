<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AttachmentsTab</name>
    <message>
        <location filename="../library_app/gui/editor/attachments_tab.py" line="+137"/>
        <source>&amp;Add files…</source>
        <translation>&amp;Добавить файлы…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attached files</source>
        <translation>Прикреплённые файлы</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+16"/>
        <location line="+30"/>
        <location line="+17"/>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>These files cannot be attached:

{files}</source>
        <translation>Эти файлы нельзя прикрепить:

{files}</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Storing %n file(s) with the record…</source>
        <translation>
            <numerusform>Сохранение %n файла вместе с записью…</numerusform>
            <numerusform>Сохранение %n файлов вместе с записью…</numerusform>
            <numerusform>Сохранение %n файлов вместе с записью…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The files were not attached.</source>
        <translation>Файлы не прикреплены.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>These files were not attached:

{files}</source>
        <translation>Эти файлы не были прикреплены:

{files}</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+20"/>
        <source>Remove files</source>
        <translation>Удаление файлов</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Remove {files} from this record?

This takes effect at once and cannot be undone; the file stays available if another record uses it.</source>
        <translation>Удалить {files} из этой записи?

Удаление выполняется сразу и не может быть отменено; если файл используется в другой записи, там он останется.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Removing files…</source>
        <translation>Удаление файлов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The files were not removed.</source>
        <translation>Файлы не удалены.</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+11"/>
        <location line="+7"/>
        <source>Open file</source>
        <translation>Открытие файла</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Preparing «{name}»…</source>
        <translation>Подготовка «{name}»…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>«{name}» could not be opened.</source>
        <translation>Не удалось открыть «{name}».</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No program to open «{name}» was found.</source>
        <translation>Не найдена программа для открытия «{name}».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file «{name}» is missing ({path}). Check the catalog (library-app check) or attach the file again.</source>
        <translation>Файл «{name}» отсутствует ({path}). Проверьте каталог (library-app check) или прикрепите файл заново.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>when saved</source>
        <translation>при сохранении</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is attached when the record is saved.</source>
        <translation>Файл будет прикреплён при сохранении записи.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drop files here to attach them. They are stored when the record is saved.</source>
        <translation>Перетащите сюда файлы, чтобы прикрепить их. Они сохранятся вместе с записью.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop files here to attach them.</source>
        <translation>Перетащите сюда файлы, чтобы прикрепить их.</translation>
    </message>
</context>
<context>
    <name>BasketDock</name>
    <message>
        <location filename="../library_app/gui/basket_view.py" line="+124"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from basket</source>
        <translation>Удалить из подборки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected records (Delete)</source>
        <translation>Удалить выбранные записи (Delete)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear…</source>
        <translation>&amp;Очистить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+121"/>
        <source>Empty the basket</source>
        <translation>Очистить подборку</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the basket as RIS, BibTeX, MARC, CSV, a numbered list …</source>
        <translation>Сохранить подборку в RIS, BibTeX, MARC, CSV, нумерованным списком …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Basket ({count})</source>
        <translation>Подборка ({count})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved basket could not be read, so it starts empty. The damaged file was kept as {path}.</source>
        <translation>Сохранённую подборку не удалось прочитать, поэтому подборка пуста. Повреждённый файл сохранён как {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The saved basket could not be read, so it starts empty.</source>
        <translation>Сохранённую подборку не удалось прочитать, поэтому подборка пуста.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Saved %Ln record(s) to {path}.</source>
        <translation>
            <numerusform>В файл {path} сохранена %Ln запись.</numerusform>
            <numerusform>В файл {path} сохранены %Ln записи.</numerusform>
            <numerusform>В файл {path} сохранено %Ln записей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collect records here with “Add to basket”.</source>
        <translation>Собирайте здесь записи кнопкой «Добавить в подборку».</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Record {id}…</source>
        <translation>Запись {id}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record {id} no longer exists</source>
        <translation>Запись {id} больше не существует</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title} (in the trash)</source>
        <translation>{title} (в корзине)</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+14"/>
        <location line="+21"/>
        <source>The basket was not saved.</source>
        <translation>Подборка не сохранена.</translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>Remove all %Ln record(s) from the basket?</source>
        <translation>
            <numerusform>Удалить из подборки %Ln запись?</numerusform>
            <numerusform>Удалить из подборки все %Ln записи?</numerusform>
            <numerusform>Удалить из подборки все %Ln записей?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The records of the basket could not be read.</source>
        <translation>Не удалось прочитать записи подборки.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>basket</source>
        <translation>подборка</translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message numerus="yes">
        <location filename="../library_app/gui/batch_edit_dialog.py" line="+150"/>
        <source>Change %n record(s)</source>
        <translation>
            <numerusform>Изменить %n запись</numerusform>
            <numerusform>Изменить %n записи</numerusform>
            <numerusform>Изменить %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The change is made to all %n selected record(s) together, or, if any of them cannot take it, to none.</source>
        <translation>
            <numerusform>Изменение вносится сразу во все выбранные записи (%n), а если хотя бы одну из них изменить нельзя — ни в одну.</numerusform>
            <numerusform>Изменение вносится сразу во все выбранные записи (%n), а если хотя бы одну из них изменить нельзя — ни в одну.</numerusform>
            <numerusform>Изменение вносится сразу во все выбранные записи (%n), а если хотя бы одну из них изменить нельзя — ни в одну.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add subject:</source>
        <translation>&amp;Добавить рубрику:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove subject:</source>
        <translation>&amp;Удалить рубрику:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location of all copies:</source>
        <translation>&amp;Местонахождение всех экземпляров:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;helf mark of all copies:</source>
        <translation>&amp;Шифр хранения всех экземпляров:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status of all copies:</source>
        <translation>&amp;Статус всех экземпляров:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(leave as it is)</source>
        <translation>(не менять)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>leave as it is</source>
        <translation>не менять</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Several subjects: separate them with «;». Empty fields change nothing. Records that already look like this are left as they are.</source>
        <translation>Несколько рубрик разделяйте знаком «;». Пустые поля ничего не меняют. Записи, которые уже соответствуют этим значениям, не изменяются.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This change cannot be made: {problem}</source>
        <translation>Это изменение невозможно: {problem}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Change records</source>
        <translation>Изменение записей</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Changing %n record(s)…</source>
        <translation>
            <numerusform>Изменение %n записи…</numerusform>
            <numerusform>Изменение %n записей…</numerusform>
            <numerusform>Изменение %n записей…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>Отменено; ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>CalibrationBox</name>
    <message>
        <location filename="../library_app/gui/label_calibration.py" line="+85"/>
        <source>Printer calibration (this computer)</source>
        <translation>Калибровка принтера (этот компьютер)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the calibration page on plain paper, lay it on a label sheet against the light and measure how far the crosses are from the labels&apos; centres.</source>
        <translation>Напечатайте страницу калибровки на обычной бумаге, наложите её на лист этикеток, посмотрите на просвет и измерьте, насколько крестики смещены от центров этикеток.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shift &amp;right:</source>
        <translation>Сдвиг &amp;вправо:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift &amp;down:</source>
        <translation>Сдвиг &amp;вниз:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> mm</source>
        <translation> мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative values move the print left</source>
        <translation>Отрицательные значения сдвигают печать влево</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative values move the print up</source>
        <translation>Отрицательные значения сдвигают печать вверх</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the &amp;labels</source>
        <translation>Вернуться к &amp;этикеткам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the &amp;calibration page</source>
        <translation>Показать страницу &amp;калибровки</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The calibration was not saved.</source>
        <translation>Калибровка не сохранена.</translation>
    </message>
</context>
<context>
    <name>CopiesTab</name>
    <message>
        <location filename="../library_app/gui/editor/copies_model.py" line="+65"/>
        <source>Inventory no.</source>
        <translation>Инв. №</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../library_app/gui/editor/copies_tab.py" line="+383"/>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Местонахождение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf mark</source>
        <translation>Шифр хранения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acquired on</source>
        <translation>Дата поступления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Источник поступления</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Edit copy: {column}</source>
        <translation>изменение экземпляра: {column}</translation>
    </message>
    <message>
        <location filename="../library_app/gui/editor/copies_tab.py" line="-209"/>
        <source>&amp;Add copy</source>
        <translation>&amp;Добавить экземпляр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a copy with the next free inventory number (Ins)</source>
        <translation>Добавить экземпляр со следующим свободным инвентарным номером (Ins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;copies…</source>
        <translation>Добавить &amp;экземпляры…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add several copies with consecutive inventory numbers (Shift+Ins)</source>
        <translation>Добавить несколько экземпляров с последовательными инвентарными номерами (Shift+Ins)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove copy</source>
        <translation>&amp;Удалить экземпляр</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected copies (Del)</source>
        <translation>Удалить выбранные экземпляры (Del)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copies</source>
        <translation>Экземпляры</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+21"/>
        <source>Add copies</source>
        <translation>Добавление экземпляров</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>How many copies?</source>
        <translation>Сколько экземпляров?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The inventory number pattern «{pattern}» cannot be used: {problem}.

Change it in the settings.</source>
        <translation>Шаблон инвентарного номера «{pattern}» нельзя использовать: {problem}.

Измените его в настройках.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No copies were added.</source>
        <translation>Экземпляры не добавлены.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Add %n copy(ies)</source>
        <translation>
            <numerusform>добавление %n экземпляра</numerusform>
            <numerusform>добавление %n экземпляров</numerusform>
            <numerusform>добавление %n экземпляров</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Remove copies</source>
        <translation>Удаление экземпляров</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n copy(ies) to remove are on loan: {numbers}.

Remove anyway?</source>
        <translation>
            <numerusform>%n удаляемый экземпляр выдан: {numbers}.

Всё равно удалить?</numerusform>
            <numerusform>%n удаляемых экземпляра выданы: {numbers}.

Всё равно удалить?</numerusform>
            <numerusform>%n удаляемых экземпляров выданы: {numbers}.

Всё равно удалить?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Remove %n copy(ies)</source>
        <translation>
            <numerusform>удаление %n экземпляра</numerusform>
            <numerusform>удаление %n экземпляров</numerusform>
            <numerusform>удаление %n экземпляров</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No copies</source>
        <translation>Нет экземпляров</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n copy(ies), {available} available</source>
        <translation>
            <numerusform>%n экземпляр, в наличии: {available}</numerusform>
            <numerusform>%n экземпляра, в наличии: {available}</numerusform>
            <numerusform>%n экземпляров, в наличии: {available}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Inventory number</source>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The inventory number is empty.</source>
        <translation>Не указан инвентарный номер.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{label} {value} is given to copies {rows} here.</source>
        <translation>{label} {value} указан здесь у экземпляров {rows}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label} {value} is already used by a copy of record {record} (in the trash).</source>
        <translation>{label} {value} уже присвоен экземпляру записи {record} (запись в корзине).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label} {value} is already used by a copy of record {record}.</source>
        <translation>{label} {value} уже присвоен экземпляру записи {record}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Copy {number}: {problem}</source>
        <translation>Экземпляр {number}: {problem}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../library_app/gui/detail_pane.py" line="+261"/>
        <source>Add to &amp;basket</source>
        <translation>Добавить в &amp;подборку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this record in your basket</source>
        <translation>Добавить эту запись в вашу подборку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this record in the editor</source>
        <translation>Открыть эту запись в редакторе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected file with its usual program</source>
        <translation>Открыть выбранный файл в программе по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inventory number</source>
        <translation>Инвентарный номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Местонахождение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf mark</source>
        <translation>Шифр хранения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a record in the list to see its full description here.</source>
        <translation>Выберите запись в списке, чтобы увидеть здесь её полное описание.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the record…</source>
        <translation>Загрузка записи…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This record no longer exists: it was probably removed by someone else meanwhile. Search again to refresh the list.</source>
        <translation>Этой записи больше нет: вероятно, за это время её удалил кто-то другой. Выполните поиск ещё раз, чтобы обновить список.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record could not be read.</source>
        <translation>Не удалось прочитать запись.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copies ({count})</source>
        <translation>Экземпляры ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attachments ({count})</source>
        <translation>Вложения ({count})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{available} of {total} available</source>
        <translation>В наличии {available} из {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The library holds no copies of this record.</source>
        <translation>В фонде библиотеки нет экземпляров этого издания.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%Ln matching page(s)</source>
        <translation>
            <numerusform>найдено на %Ln странице</numerusform>
            <numerusform>найдено на %Ln страницах</numerusform>
            <numerusform>найдено на %Ln страницах</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Open attachment</source>
        <translation>Открытие вложения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing {name}…</source>
        <translation>Подготовка {name}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening {name}…</source>
        <translation>Открытие {name}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No program to open {name} was found.</source>
        <translation>Не найдена программа для открытия {name}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file cannot be opened: {reason}</source>
        <translation>Не удаётся открыть файл: {reason}</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../library_app/gui/editor/duplicate_warning.py" line="+153"/>
        <source>same ISBN</source>
        <translation>тот же ISBN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same ISSN</source>
        <translation>тот же ISSN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar title, year and author</source>
        <translation>похожие заглавие, год и автор</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Possible duplicate(s) in the catalog:</source>
        <translation>
            <numerusform>Возможный дубликат в каталоге:</numerusform>
            <numerusform>Возможные дубликаты в каталоге:</numerusform>
            <numerusform>Возможные дубликаты в каталоге:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open record {id}</source>
        <translation>Открыть запись {id}</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
</context>
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
    <name>ExportDialog</name>
    <message>
        <location filename="../library_app/gui/export_dialog.py" line="+133"/>
        <source>records</source>
        <translation>записи</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+116"/>
        <location line="+73"/>
        <location line="+17"/>
        <source>Export records</source>
        <translation>Экспорт записей</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numbered reading list (text)</source>
        <translation>Нумерованный список литературы (текст)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records as JSON (this program)</source>
        <translation>Записи в JSON (формат этой программы)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile:</source>
        <translation>Ф&amp;айл:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1251 (old Russian programs)</source>
        <translation>Windows-1251 (для старых русских программ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns (drag to reorder)</source>
        <translation>Столбцы (порядок меняется перетаскиванием)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Up</source>
        <translation>В&amp;верх</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Down</source>
        <translation>В&amp;низ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All</source>
        <translation>В&amp;се</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;None</source>
        <translation>&amp;Ни одного</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between &amp;values:</source>
        <translation>Между &amp;значениями:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written between several values in one cell, e.g. two authors</source>
        <translation>Ставится между несколькими значениями в одной ячейке, например между двумя авторами</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column &amp;separator:</source>
        <translation>&amp;Разделитель столбцов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma</source>
        <translation>Запятая</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon (Excel in Russian)</source>
        <translation>Точка с запятой (русский Excel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Writing %Ln record(s)…</source>
        <translation>
            <numerusform>Запись %Ln записи в файл…</numerusform>
            <numerusform>Запись %Ln записей в файл…</numerusform>
            <numerusform>Запись %Ln записей в файл…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The records were not exported.</source>
        <translation>Записи не экспортированы.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} already exists. Replace it?</source>
        <translation>Файл {name} уже существует. Заменить его?</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Saved %Ln record(s) to {path}.</source>
        <translation>
            <numerusform>%Ln запись сохранена в {path}.</numerusform>
            <numerusform>%Ln записи сохранены в {path}.</numerusform>
            <numerusform>%Ln записей сохранено в {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled; no file was written.</source>
        <translation>Отменено; файл не записан.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <location filename="../library_app/gui/facet_panel.py" line="+122"/>
        <source>Check values to narrow the search. Values of one group widen each other (Kazakh or Russian); groups narrow each other. Space or Enter checks.</source>
        <translation>Отметьте значения, чтобы сузить поиск. Значения одной группы дополняют друг друга (казахский или русский), а разные группы сужают поиск. Отметить значение — Пробел или Enter.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <location filename="../library_app/gui/field_labels.py" line="+17"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remainder of title</source>
        <translation>Сведения, относящиеся к заглавию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editors</source>
        <translation>Редакторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate authors</source>
        <translation>Коллективные авторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement of responsibility</source>
        <translation>Сведения об ответственности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edition</source>
        <translation>Сведения об издании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places of publication</source>
        <translation>Места издания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publishers</source>
        <translation>Издательства</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISSN</source>
        <translation>ISSN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDC</source>
        <translation>УДК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BBK</source>
        <translation>ББК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subjects</source>
        <translation>Предметные рубрики</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geographic names</source>
        <translation>Географические названия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material type</source>
        <translation>Тип материала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source (journal or collection)</source>
        <translation>Источник (журнал или сборник)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source volume</source>
        <translation>Том источника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source issue</source>
        <translation>Выпуск источника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages in source</source>
        <translation>Страницы в источнике</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funders</source>
        <translation>Доноры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Control number</source>
        <translation>Контрольный номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory numbers</source>
        <translation>Инвентарные номера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcodes</source>
        <translation>Штрихкоды</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Местонахождение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf mark</source>
        <translation>Шифр хранения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy status</source>
        <translation>Статус экземпляра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(do not import)</source>
        <translation>(не импортировать)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../library_app/gui/import_pages.py" line="+122"/>
        <source>Choose the file</source>
        <translation>Выберите файл</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MARC21, MARCXML, RUSMARC, CSV, Excel, RIS, BibTeX or CSL-JSON from a partner.</source>
        <translation>MARC21, MARCXML, RUSMARC, CSV, Excel, RIS, BibTeX или CSL-JSON от партнёра.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a file, or drag it from a folder and drop it on this page.</source>
        <translation>Выберите файл или перетащите его из папки на эту страницу.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat:</source>
        <translation>Ф&amp;ормат:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognise from the content</source>
        <translation>Определить по содержимому</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognise automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251 (кириллица)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UTF-16 (Excel “Unicode text”)</source>
        <translation>UTF-16 («Текст Юникод» из Excel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MARC-8 (old MARC21 files)</source>
        <translation>MARC-8 (старые файлы MARC21)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Import records</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catalog files ({patterns})</source>
        <translation>Файлы каталогов ({patterns})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The file could not be recognised.</source>
        <translation>Не удалось определить формат файла.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Recognising the file…</source>
        <translation>Определение формата файла…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was not recognised: {reason}</source>
        <translation>Формат файла не распознан: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{format}, judged by the file name only.</source>
        <translation>{format} (определено только по имени файла).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognised as {format}.</source>
        <translation>Распознан формат {format}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probably {format}; if not, choose the format above.</source>
        <translation>Вероятно, {format}; если нет, выберите формат выше.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The encoding is found when the file is read (next pages).</source>
        <translation>Кодировка определяется при чтении файла (на следующих страницах).</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <location filename="../library_app/gui/facet_panel.py" line="+254"/>
        <source>{facet}: {value} ×</source>
        <translation>{facet}: {value} ×</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this filter</source>
        <translation>Убрать этот фильтр</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clear all</source>
        <translation>Сбросить все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every filter</source>
        <translation>Убрать все фильтры</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../library_app/gui/import_wizard.py" line="+90"/>
        <source>Import records</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
</context>
<context>
    <name>IndexKeeper</name>
    <message>
        <location filename="../library_app/gui/index_keeper.py" line="+73"/>
        <source>The search index could not be updated.</source>
        <translation>Поисковый индекс не удалось обновить.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Updating the search index… {percent}%</source>
        <translation>Обновление поискового индекса… {percent}%</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Search index updated; %Ln attachment(s) could not be read.</source>
        <translation>
            <numerusform>Поисковый индекс обновлён; не удалось прочитать %Ln вложение.</numerusform>
            <numerusform>Поисковый индекс обновлён; не удалось прочитать %Ln вложения.</numerusform>
            <numerusform>Поисковый индекс обновлён; не удалось прочитать %Ln вложений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <location filename="../library_app/gui/interchange_actions.py" line="+42"/>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add records from a partner&apos;s file: MARC21, RUSMARC, Excel, CSV, RIS, BibTeX…</source>
        <translation>Добавить записи из файла партнёра: MARC21, RUSMARC, Excel, CSV, RIS, BibTeX…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the records found, the selected ones or the basket to a file</source>
        <translation>Сохранить в файл найденные записи, выбранные записи или подборку</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Imported: %Ln record(s) added</source>
        <translation>
            <numerusform>Импорт завершён: добавлена %Ln запись</numerusform>
            <numerusform>Импорт завершён: добавлены %Ln записи</numerusform>
            <numerusform>Импорт завершён: добавлено %Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln updated.</source>
        <translation>
            <numerusform>обновлена %Ln.</numerusform>
            <numerusform>обновлены %Ln.</numerusform>
            <numerusform>обновлено %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing to export: search for records or collect them in the basket.</source>
        <translation>Экспортировать нечего: найдите записи или соберите их в подборку.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Saved %Ln record(s) to {path}.</source>
        <translation>
            <numerusform>%Ln запись сохранена в {path}.</numerusform>
            <numerusform>%Ln записи сохранены в {path}.</numerusform>
            <numerusform>%Ln записей сохранено в {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../library_app/gui/labels.py" line="+26"/>
        <source>Book</source>
        <translation>Книга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Article</source>
        <translation>Статья</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proceedings</source>
        <translation>Материалы конференции</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thesis</source>
        <translation>Диссертация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial issue</source>
        <translation>Выпуск периодического издания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic resource</source>
        <translation>Электронный ресурс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audiovisual</source>
        <translation>Аудиовизуальный материал</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>Стандарт</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor</source>
        <translation>Редактор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compiler</source>
        <translation>Составитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translator</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corporate author</source>
        <translation>Коллективный автор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing body</source>
        <translation>Выпускающая организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting / conference</source>
        <translation>Совещание / конференция</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+40"/>
        <source>Available</source>
        <translation>В наличии</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>On loan</source>
        <translation>Выдан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In repair</source>
        <translation>В ремонте</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>Утерян</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written off</source>
        <translation>Списан</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Purchase</source>
        <translation>Покупка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gift</source>
        <translation>Дар</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange</source>
        <translation>Обмен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal deposit</source>
        <translation>Обязательный экземпляр</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Local number</source>
        <translation>Локальный номер</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All copies on loan</source>
        <translation>Все экземпляры выданы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not available</source>
        <translation>Нет в наличии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No copies</source>
        <translation>Нет экземпляров</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online / attached file</source>
        <translation>Онлайн / прикреплённый файл</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material type</source>
        <translation>Тип материала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Years</source>
        <translation>Годы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Предметная рубрика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Местонахождение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Availability</source>
        <translation>Наличие</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(none)</source>
        <translation>(не указано)</translation>
    </message>
</context>
<context>
    <name>LetterPalette</name>
    <message>
        <location filename="../library_app/gui/letter_palette.py" line="+139"/>
        <source>Central Asian letters: ә ғ қ ң ө ұ ү һ і, oʻ gʻ and more.
{shortcut} in the search box changes the letter before the cursor: а→ә, г→ғ, к→қ, н→ң, о→ө, у→ұ→ү, х→һ, и→і, o→oʻ, g→gʻ; press it again for the next variant and back.</source>
        <translation>Буквы языков Центральной Азии: ә ғ қ ң ө ұ ү һ і, oʻ gʻ и другие.
{shortcut} в строке поиска заменяет букву перед курсором: а→ә, г→ғ, к→қ, н→ң, о→ө, у→ұ→ү, х→һ, и→і, o→oʻ, g→gʻ; нажмите ещё раз, чтобы получить следующий вариант, а затем вернуться к исходной букве.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Central Asian letters</source>
        <translation>Буквы языков Центральной Азии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the letter before the cursor</source>
        <translation>Заменить букву перед курсором</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aa</source>
        <translation>Аа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capital letters (or hold Shift while clicking a letter)</source>
        <translation>Заглавные буквы (или удерживайте Shift, щёлкая по букве)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uzbek</source>
        <translation>Узбекский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kyrgyz, Tajik</source>
        <translation>Киргизский, таджикский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turkmen</source>
        <translation>Туркменский</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../library_app/gui/main_window.py" line="+287"/>
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
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;arch</source>
        <translation>П&amp;оиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Basket</source>
        <translation>Под&amp;борка</translation>
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
        <source>&amp;Reader mode</source>
        <translation>&amp;Режим читателя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only mode for a public workstation: search, details and basket only</source>
        <translation>Режим только для просмотра на общедоступном компьютере: только поиск, описания записей и подборка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &amp;again</source>
        <translation>&amp;Повторить поиск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear filters</source>
        <translation>&amp;Сбросить фильтры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add selected to basket</source>
        <translation>&amp;Добавить выбранное в подборку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show basket</source>
        <translation>&amp;Показать подборку</translation>
    </message>
    <message>
        <location line="+1"/>
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
    <message numerus="yes">
        <location line="+249"/>
        <source>%n record(s) in the basket.</source>
        <translation>
            <numerusform>В подборке %n запись.</numerusform>
            <numerusform>В подборке %n записи.</numerusform>
            <numerusform>В подборке %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Leave reader mode</source>
        <translation>Выход из режима читателя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave reader mode? Editing becomes possible at this workstation. This is meant for library staff.</source>
        <translation>Выйти из режима читателя? На этом рабочем месте станет доступно редактирование. Это действие предназначено для сотрудников библиотеки.</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>The number of records could not be read.</source>
        <translation>Не удалось определить число записей.</translation>
    </message>
    <message>
        <location line="+30"/>
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
        <location line="+13"/>
        <source>Added %Ln demo record(s).</source>
        <translation>
            <numerusform>Добавлена %Ln демонстрационная запись.</numerusform>
            <numerusform>Добавлены %Ln демонстрационные записи.</numerusform>
            <numerusform>Добавлено %Ln демонстрационных записей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading the demo catalog was cancelled; nothing was changed.</source>
        <translation>Загрузка демонстрационного каталога отменена; в каталоге ничего не изменилось.</translation>
    </message>
    <message>
        <location line="+32"/>
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
    <name>MappingPage</name>
    <message>
        <location filename="../library_app/gui/import_pages.py" line="+73"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check which field each column holds. Columns set to “do not import” are left out.</source>
        <translation>Проверьте, какое поле содержит каждый столбец. Столбцы с отметкой «не импортировать» пропускаются.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Columns &amp;separated by:</source>
        <translation>&amp;Разделитель столбцов:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognise</source>
        <translation>Определить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Semicolon ;</source>
        <translation>Точка с запятой ;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comma ,</source>
        <translation>Запятая ,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vertical bar |</source>
        <translation>Вертикальная черта |</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;heet:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several &amp;values in a cell separated by:</source>
        <translation>Несколько &amp;значений в ячейке разделены:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+85"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Import records</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the first rows of {name}…</source>
        <translation>Чтение первых строк файла {name}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file could not be read.</source>
        <translation>Не удалось прочитать файл.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The file could not be read: {reason}</source>
        <translation>Не удалось прочитать файл: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the first rows…</source>
        <translation>Чтение первых строк…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The header is in row {row}.</source>
        <translation>Заголовок находится в строке {row}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoding: {encoding}.</source>
        <translation>Кодировка: {encoding}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns separated by «{delimiter}».</source>
        <translation>Разделитель столбцов: «{delimiter}».</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) shown.</source>
        <translation>
            <numerusform>Показана %Ln строка.</numerusform>
            <numerusform>Показаны %Ln строки.</numerusform>
            <numerusform>Показано %Ln строк.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the column that holds the title.</source>
        <translation>Выберите столбец, в котором находится заглавие.</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <location filename="../library_app/gui/print_options.py" line="+393"/>
        <source>Reference style</source>
        <translation>Стандарт описания</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+63"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Compiled by</source>
        <translation>Составитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Introduction</source>
        <translation>Предисловие</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cyrillic entries before Latin ones</source>
        <translation>Описания на кириллице перед латиницей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject index</source>
        <translation>Предметный указатель</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Added entry cards</source>
        <translation>Добавочные карточки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class index</source>
        <translation>Классификационный индекс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotation</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smallest font size</source>
        <translation>Наименьший размер шрифта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline the rod hole</source>
        <translation>Обвести отверстие для стержня</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>Этикетки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outline each label (plain paper)</source>
        <translation>Обводить этикетки (обычная бумага)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Above the barcode</source>
        <translation>Над штрихкодом</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also lost and written-off copies</source>
        <translation>Также утерянные и списанные экземпляры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acquired from</source>
        <translation>Поступления с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acquired to</source>
        <translation>Поступления по</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charts</source>
        <translation>Диаграммы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> mm</source>
        <translation> мм</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Empty: the usual heading of the document</source>
        <translation>Если пусто — обычный заголовок документа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the words the program prints around the data</source>
        <translation>Язык слов, которые программа печатает вокруг данных</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first free label of a partly used sheet, counted by rows</source>
        <translation>Первая свободная этикетка на начатом листе, считая по строкам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty: the record&apos;s title</source>
        <translation>Если пусто — заглавие записи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text that does not fit is set smaller down to this size, then continues on another card</source>
        <translation>Не умещающийся текст уменьшается до этого размера, а затем продолжается на следующей карточке</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For punching plain card stock</source>
        <translation>Для пробивки отверстий в простом картоне</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Co-authors and other contributors</source>
        <translation>Соавторы и другие лица</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject headings</source>
        <translation>Предметные рубрики</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spine labels</source>
        <translation>Корешковые этикетки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode labels</source>
        <translation>Этикетки со штрихкодом</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No grouping</source>
        <translation>Без группировки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>GOST R 7.0.5-2008 (reference)</source>
        <translation>ГОСТ Р 7.0.5-2008 (ссылка)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Four cards to an A4 sheet, with cut marks</source>
        <translation>Четыре карточки на листе A4, с метками обреза</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One card per page (card printer)</source>
        <translation>Одна карточка на странице (карточный принтер)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BBK</source>
        <translation>ББК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDC</source>
        <translation>УДК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local classification</source>
        <translation>Местная классификация</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{columns} × {rows} labels of {width} × {height} mm</source>
        <translation>{columns} × {rows} этикеток {width} × {height} мм</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Landscape pages</source>
        <translation>Альбомная ориентация</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inventory numbers from</source>
        <translation>Инвентарные номера с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory numbers to</source>
        <translation>Инвентарные номера по</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Group by</source>
        <translation>Группировка</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language of headings</source>
        <translation>Язык заголовков</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Paper size</source>
        <translation>Формат бумаги</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Font size</source>
        <translation>Размер шрифта</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Columns</source>
        <translation>Колонки</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Author index</source>
        <translation>Именной указатель</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layout</source>
        <translation>Раскладка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label sheet</source>
        <translation>Лист этикеток</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start at label</source>
        <translation>Начать с этикетки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift right</source>
        <translation>Сдвиг вправо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift down</source>
        <translation>Сдвиг вниз</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Spine and barcode labels</source>
        <translation>Корешковые и штрихкодовые</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>GOST R 7.0.100-2018</source>
        <translation>ГОСТ Р 7.0.100-2018</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOST 7.1-2003</source>
        <translation>ГОСТ 7.1-2003</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>APA 7</source>
        <translation>APA 7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the records suggest</source>
        <translation>По языку записей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alphabetical</source>
        <translation>По алфавиту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By year</source>
        <translation>По годам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By subject</source>
        <translation>По темам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By type of material</source>
        <translation>По видам изданий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By language</source>
        <translation>По языкам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>Книжная</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape</source>
        <translation>Альбомная</translation>
    </message>
</context>
<context>
    <name>PdfBuilder</name>
    <message>
        <location filename="../library_app/gui/print_build.py" line="+135"/>
        <location line="+40"/>
        <source>Cancelled; nothing was saved or printed.</source>
        <translation>Отменено; ничего не сохранено и не напечатано.</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The pages were not made.</source>
        <translation>Страницы не сформированы.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../library_app/gui/print_preview.py" line="+188"/>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Page</source>
        <translation>&amp;Страница</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+130"/>
        <source>of {count}</source>
        <translation>из {count}</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole page</source>
        <translation>Страница целиком</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The preview appears here.</source>
        <translation>Здесь появится предварительный просмотр.</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>The preview could not be shown.</source>
        <translation>Предварительный просмотр не удалось показать.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../library_app/gui/print_actions.py" line="+39"/>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print a bibliography, catalog cards, labels or a report, or save it as PDF</source>
        <translation>Напечатать библиографический список, каталожные карточки, этикетки или отчёт либо сохранить их в PDF</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved to {path}.</source>
        <translation>Сохранено: {path}.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../library_app/gui/print_dialog.py" line="+225"/>
        <location line="+265"/>
        <location line="+16"/>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>No records to print: search for records or collect them in the basket.</source>
        <translation>Печатать нечего: найдите записи или соберите их в подборку.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print:</source>
        <translation>&amp;Печатать:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Сохранить в PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bibliography</source>
        <translation>Библиографический список</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog cards</source>
        <translation>Каталожные карточки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>Этикетки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accession register</source>
        <translation>Инвентарная книга</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New acquisitions bulletin</source>
        <translation>Бюллетень новых поступлений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics report</source>
        <translation>Статистический отчёт</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+61"/>
        <source>This product is not available in this version.</source>
        <translation>В этой версии программы это не печатается.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No records to print.</source>
        <translation>Нет записей для печати.</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+18"/>
        <source>Making the pages…</source>
        <translation>Формирование страниц…</translation>
    </message>
    <message numerus="yes">
        <location line="-14"/>
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln страница</numerusform>
            <numerusform>%Ln страницы</numerusform>
            <numerusform>%Ln страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln описание</numerusform>
            <numerusform>%Ln описания</numerusform>
            <numerusform>%Ln описаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln card(s)</source>
        <translation>
            <numerusform>%Ln карточка</numerusform>
            <numerusform>%Ln карточки</numerusform>
            <numerusform>%Ln карточек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln label(s)</source>
        <translation>
            <numerusform>%Ln этикетка</numerusform>
            <numerusform>%Ln этикетки</numerusform>
            <numerusform>%Ln этикеток</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln copy(ies)</source>
        <translation>
            <numerusform>%Ln экземпляр</numerusform>
            <numerusform>%Ln экземпляра</numerusform>
            <numerusform>%Ln экземпляров</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as PDF</source>
        <translation>Сохранить в PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The PDF was not saved.</source>
        <translation>PDF не сохранён.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to {path}.</source>
        <translation>Сохранено: {path}.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>Printing %Ln page(s)…</source>
        <translation>
            <numerusform>Печать %Ln страницы…</numerusform>
            <numerusform>Печать %Ln страниц…</numerusform>
            <numerusform>Печать %Ln страниц…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The pages were not printed.</source>
        <translation>Страницы не напечатаны.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln page(s) sent to the printer.</source>
        <translation>
            <numerusform>На принтер отправлена %Ln страница.</numerusform>
            <numerusform>На принтер отправлены %Ln страницы.</numerusform>
            <numerusform>На принтер отправлено %Ln страниц.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../library_app/gui/print_render.py" line="+143"/>
        <source>The printer could not be started. Check that it is connected.</source>
        <translation>Не удалось начать печать. Проверьте, что принтер подключён.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The printer did not take the pages. Check that it is ready.</source>
        <translation>Принтер не принял страницы. Проверьте, что он готов к печати.</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../library_app/gui/record_actions.py" line="+61"/>
        <source>&amp;New record…</source>
        <translation>&amp;Новая запись…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog a new book, report, article, map…</source>
        <translation>Каталогизировать новую книгу, отчёт, статью, карту…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit record…</source>
        <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate as template…</source>
        <translation>&amp;Дублировать как шаблон…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new record from a copy of the selected one</source>
        <translation>Создать новую запись на основе копии выбранной</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete to trash</source>
        <translation>&amp;Удалить в корзину</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch edit selected…</source>
        <translation>&amp;Групповое изменение выбранных…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trash…</source>
        <translation>&amp;Корзина…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records deleted from the catalog; restore them</source>
        <translation>Записи, удалённые из каталога; их можно восстановить</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The record could not be opened.</source>
        <translation>Не удалось открыть запись.</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+18"/>
        <source>Delete to trash</source>
        <translation>Удаление в корзину</translation>
    </message>
    <message numerus="yes">
        <location line="-16"/>
        <source>Move %n record(s) to the trash? They disappear from searches and can be restored from File › Trash.</source>
        <translation>
            <numerusform>Переместить в корзину %n запись? Записи в корзине не находятся поиском; их можно восстановить через «Файл › Корзина».</numerusform>
            <numerusform>Переместить в корзину %n записи? Записи в корзине не находятся поиском; их можно восстановить через «Файл › Корзина».</numerusform>
            <numerusform>Переместить в корзину %n записей? Записи в корзине не находятся поиском; их можно восстановить через «Файл › Корзина».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Moving %n record(s) to the trash…</source>
        <translation>
            <numerusform>Перемещение %n записи в корзину…</numerusform>
            <numerusform>Перемещение %n записей в корзину…</numerusform>
            <numerusform>Перемещение %n записей в корзину…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The records were not deleted.</source>
        <translation>Записи не удалены.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n record(s) moved to the trash.</source>
        <translation>
            <numerusform>%n запись перемещена в корзину.</numerusform>
            <numerusform>%n записи перемещены в корзину.</numerusform>
            <numerusform>%n записей перемещено в корзину.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <location filename="../library_app/gui/record_card.py" line="+53"/>
        <source>UDC</source>
        <translation>УДК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BBK</source>
        <translation>ББК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local class</source>
        <translation>Местная классификация</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Vol. {volume}</source>
        <translation>Т. {volume}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no. {issue}</source>
        <translation>№ {issue}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P. {pages}</source>
        <translation>С. {pages}</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+181"/>
        <source>accessed {date}</source>
        <translation>дата обращения: {date}</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>This record is in the trash (deleted {when}).</source>
        <translation>Эта запись находится в корзине (удалена {when}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+91"/>
        <source>Edition</source>
        <translation>Сведения об издании</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Publication</source>
        <translation>Выходные данные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extent</source>
        <translation>Объём</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+94"/>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+92"/>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>In</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subjects</source>
        <translation>Предметные рубрики</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places</source>
        <translation>Географические названия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funders</source>
        <translation>Доноры</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+104"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+95"/>
        <source>Control number</source>
        <translation>Контрольный номер</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+74"/>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Record id</source>
        <translation>Идентификатор записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Material type</source>
        <translation>Тип материала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other title information</source>
        <translation>Сведения, относящиеся к заглавию</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parallel title</source>
        <translation>Параллельное заглавие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement of responsibility</source>
        <translation>Сведения об ответственности</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Contributor</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place of publication</source>
        <translation>Место издания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publisher</source>
        <translation>Издательство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Illustrations</source>
        <translation>Иллюстрации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensions</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Host item</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject</source>
        <translation>Предметная рубрика</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geographic name</source>
        <translation>Географическое название</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyword</source>
        <translation>Ключевое слово</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Funder</source>
        <translation>Донор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Control number source</source>
        <translation>Источник контрольного номера</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copies</source>
        <translation>Экземпляры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{available} of {total} available</source>
        <translation>В наличии {available} из {total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Удалена</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Acquired: {date}</source>
        <translation>Дата поступления: {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source: {source}</source>
        <translation>Источник поступления: {source}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>p. {page}</source>
        <translation>с. {page}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The words searched for are not in the attached files.</source>
        <translation>Искомых слов в прикреплённых файлах нет.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text of {files} has not been read yet or cannot be read, so it was not searched.</source>
        <translation>Поиск по {files} не выполнялся: текст ещё не прочитан или его невозможно прочитать.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../library_app/gui/editor/editor_window.py" line="+233"/>
        <source>&amp;Record</source>
        <translation>&amp;Запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the record (Ctrl+S)</source>
        <translation>Сохранить запись (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and &amp;close</source>
        <translation>Сохранить и за&amp;крыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Duplicate as template</source>
        <translation>&amp;Дублировать как шаблон</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new record with this description filled in (no copies or files)</source>
        <translation>Создать новую запись, заполненную описанием этой (без экземпляров и файлов)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New record</source>
        <translation>&amp;Новая запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>&amp;Описание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;opies</source>
        <translation>&amp;Экземпляры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attachments</source>
        <translation>&amp;Вложения</translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>%n problem(s) prevent saving: </source>
        <translation>
            <numerusform>Сохранению мешает %n ошибка: </numerusform>
            <numerusform>Сохранению мешают %n ошибки: </numerusform>
            <numerusform>Сохранению мешают %n ошибок: </numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Can be saved; please check: </source>
        <translation>Можно сохранить, но проверьте: </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{record}[*] — Record editor</source>
        <translation>{record}[*] — Редактор записи</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save record</source>
        <translation>Сохранение записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the record…</source>
        <translation>Сохранение записи…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record was saved, but files were not attached.</source>
        <translation>Запись сохранена, но файлы не прикреплены.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+59"/>
        <source>Record not saved</source>
        <translation>Запись не сохранена</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>The record was not saved: {reason}.

Everything you typed is still in this window. Open the record again from the catalog in another window to see the other change, then bring the two together.</source>
        <translation>Запись не сохранена: {reason}.

Всё, что вы ввели, осталось в этом окне. Откройте запись из каталога ещё раз в другом окне, чтобы увидеть внесённое там изменение, а затем объедините оба варианта.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record was not saved. Everything you typed is still in the editor.</source>
        <translation>Запись не сохранена. Всё, что вы ввели, осталось в редакторе.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record has changes that are not saved. Save them before closing?</source>
        <translation>В записи есть несохранённые изменения. Сохранить их перед закрытием?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The record cannot be saved yet: {problems}</source>
        <translation>Запись пока нельзя сохранить: {problems}</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../library_app/gui/editor/record_fields.py" line="+209"/>
        <source>«{text}» is not a date (write 2024-05-31 or 31.05.2024)</source>
        <translation>«{text}» — не дата (введите 2024-05-31 или 31.05.2024)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>UDC</source>
        <translation>УДК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BBK</source>
        <translation>ББК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local</source>
        <translation>Локальная</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Title in another language</source>
        <translation>Заглавие на другом языке</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Surname, or name of the body</source>
        <translation>Фамилия или название организации</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Forenames or initials</source>
        <translation>Имя или инициалы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name in another script</source>
        <translation>Имя в другой графике</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Series title</source>
        <translation>Заглавие серии</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qualifier (pbk., electronic)</source>
        <translation>Уточнение (в обл., электронное)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Class number</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accessed (YYYY-MM-DD)</source>
        <translation>Дата обращения (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code or name (rus, kk, Uzbek)</source>
        <translation>Код или название (rus, kk, узбекский)</translation>
    </message>
    <message>
        <location filename="../library_app/gui/editor/record_form.py" line="+242"/>
        <source>Title and responsibility</source>
        <translation>Заглавие и сведения об ответственности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published in (journal or collection)</source>
        <translation>Источник (журнал или сборник)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors and other contributors</source>
        <translation>Авторы и другие участники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication</source>
        <translation>Выходные данные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physical description</source>
        <translation>Физическая характеристика</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Project and funding</source>
        <translation>Проект и финансирование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language and identifiers</source>
        <translation>Язык и идентификаторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject access</source>
        <translation>Предметизация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary, notes and links</source>
        <translation>Аннотация, примечания и ссылки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publication (only if the host item needs it)</source>
        <translation>Выходные данные (только если они нужны для источника)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add the conference</source>
        <translation>Добавить конференцию</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the issuing body</source>
        <translation>Добавить выпускающую организацию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2015, [2015?], 1998-2003</source>
        <translation>2015, [2015?], 1998-2003</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1:1 000 000</source>
        <translation>1:1 000 000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>45-58</source>
        <translation>45-58</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Institution / publisher</source>
        <translation>Учреждение / издательство</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extent (1 map, 4 sheets)</source>
        <translation>Объём (1 карта, 4 листа)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Funders / donors</source>
        <translation>Доноры (финансирование)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Material type</source>
        <translation>Тип материала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other title information</source>
        <translation>Сведения, относящиеся к заглавию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallel titles</source>
        <translation>Параллельные заглавия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement of responsibility</source>
        <translation>Сведения об ответственности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal or collection</source>
        <translation>Журнал или сборник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year, in the host</source>
        <translation>Год (в источнике)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>Том</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue</source>
        <translation>Выпуск</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contributors</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edition</source>
        <translation>Сведения об издании</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Places of publication</source>
        <translation>Места издания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publishers</source>
        <translation>Издательства</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages / extent</source>
        <translation>Страницы / объём</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Illustrations</source>
        <translation>Иллюстрации</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensions</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funders</source>
        <translation>Доноры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identifiers</source>
        <translation>Идентификаторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>Классификация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subjects</source>
        <translation>Предметные рубрики</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geographic names</source>
        <translation>Географические названия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keywords</source>
        <translation>Ключевые слова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Аннотация</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online links</source>
        <translation>Ссылки в интернете</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Edit {field}</source>
        <translation>изменение поля «{field}»</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>copied from the template; change it to this work&apos;s title</source>
        <translation>скопировано из шаблона; замените заглавием этого документа</translation>
    </message>
</context>
<context>
    <name>ReferenceBox</name>
    <message>
        <location filename="../library_app/gui/reference_box.py" line="+84"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Библиографическое описание:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GOST R 7.0.100-2018</source>
        <translation>ГОСТ Р 7.0.100-2018</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOST 7.1-2003</source>
        <translation>ГОСТ 7.1-2003</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOST R 7.0.5-2008 (reference)</source>
        <translation>ГОСТ Р 7.0.5-2008 (ссылка)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APA 7</source>
        <translation>APA 7</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The standard the reference follows</source>
        <translation>Стандарт, по которому составлено описание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the reference to the clipboard</source>
        <translation>Скопировать описание в буфер обмена</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Copied to the clipboard.</source>
        <translation>Скопировано в буфер обмена.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../library_app/gui/import_wizard.py" line="+134"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The records are in the catalog and become findable in a moment.</source>
        <translation>Записи внесены в каталог и через несколько мгновений будут находиться поиском.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save report…</source>
        <translation>&amp;Сохранить отчёт…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the report with the partner&apos;s file: as text, or as JSON for scripts</source>
        <translation>Сохраните отчёт вместе с файлом партнёра: текстом или в JSON для программ</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln record(s) added</source>
        <translation>
            <numerusform>Добавлена %Ln запись</numerusform>
            <numerusform>Добавлены %Ln записи</numerusform>
            <numerusform>Добавлено %Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>обновлена %Ln</numerusform>
            <numerusform>обновлены %Ln</numerusform>
            <numerusform>обновлено %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>пропущена %Ln</numerusform>
            <numerusform>пропущены %Ln</numerusform>
            <numerusform>пропущено %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln not imported because of errors</source>
        <translation>
            <numerusform>%Ln не импортирована из-за ошибок</numerusform>
            <numerusform>%Ln не импортированы из-за ошибок</numerusform>
            <numerusform>%Ln не импортировано из-за ошибок</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The report was not saved.</source>
        <translation>Отчёт не сохранён.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to {path}.</source>
        <translation>Сохранено в {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text report (*.txt)</source>
        <translation>Текстовый отчёт (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON report (*.json)</source>
        <translation>Отчёт в JSON (*.json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-import-report</source>
        <translation>-отчёт-импорта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the import report</source>
        <translation>Сохранение отчёта об импорте</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../library_app/gui/results_model.py" line="+176"/>
        <source>(record no longer available)</source>
        <translation>(запись больше недоступна)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Copies available now / copies held</source>
        <translation>Экземпляров в наличии сейчас / всего экземпляров</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelf mark</source>
        <translation>Шифр хранения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available</source>
        <translation>В наличии</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../library_app/gui/import_review.py" line="+146"/>
        <source>Check before importing</source>
        <translation>Проверка перед импортом</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing has been written yet. The list shows the records that are not simply added: duplicates, records with problems, and why.</source>
        <translation>Пока ничего не записано. В списке — записи, которые не будут просто добавлены: дубликаты и записи с ошибками, с объяснением причин.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records already in the &amp;catalog:</source>
        <translation>Записи, которые уже есть в &amp;каталоге:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip them (keep the catalog&apos;s record)</source>
        <translation>Пропустить (оставить запись каталога)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the catalog&apos;s record from the file</source>
        <translation>Обновить запись каталога из файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add them anyway</source>
        <translation>Всё равно добавить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let me decide for each</source>
        <translation>Решить для каждой отдельно</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Strict: import nothing if any record has an error</source>
        <translation>&amp;Строго: ничего не импортировать, если есть ошибка хотя бы в одной записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import the &amp;copies the file describes</source>
        <translation>Импортировать &amp;экземпляры, описанные в файле</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear it for records from a union catalogue: their copies are another library&apos;s.</source>
        <translation>Снимите флажок для записей из сводного каталога: их экземпляры принадлежат другой библиотеке.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected duplicates:</source>
        <translation>Выбранные дубликаты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kip</source>
        <translation>&amp;Пропустить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Update catalog record</source>
        <translation>&amp;Обновить запись каталога</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add as new</source>
        <translation>&amp;Добавить как новую</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Reading {name}…</source>
        <translation>Чтение файла {name}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+261"/>
        <source>Import records</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>Reading {name} and looking for duplicates…</source>
        <translation>Чтение файла {name} и поиск дубликатов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file could not be read; nothing was imported.</source>
        <translation>Не удалось прочитать файл; ничего не импортировано.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The check was cancelled.</source>
        <translation>Проверка отменена.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file could not be read: {reason}</source>
        <translation>Не удалось прочитать файл: {reason}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{file}: {format}</source>
        <translation>{file}: {format}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encoding {encoding}</source>
        <translation>кодировка {encoding}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(the whole file)</source>
        <translation>(файл в целом)</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%Ln record(s) in the file:</source>
        <translation>
            <numerusform>В файле %Ln запись:</numerusform>
            <numerusform>В файле %Ln записи:</numerusform>
            <numerusform>В файле %Ln записей:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln to add</source>
        <translation>
            <numerusform>%Ln будет добавлена</numerusform>
            <numerusform>%Ln будут добавлены</numerusform>
            <numerusform>%Ln будет добавлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln to update</source>
        <translation>
            <numerusform>%Ln обновит запись каталога</numerusform>
            <numerusform>%Ln обновят записи каталога</numerusform>
            <numerusform>%Ln обновят записи каталога</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln to skip</source>
        <translation>
            <numerusform>%Ln будет пропущена</numerusform>
            <numerusform>%Ln будут пропущены</numerusform>
            <numerusform>%Ln будет пропущено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln to decide</source>
        <translation>
            <numerusform>%Ln ждёт решения</numerusform>
            <numerusform>%Ln ждут решения</numerusform>
            <numerusform>%Ln ждут решения</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln cannot be imported</source>
        <translation>
            <numerusform>%Ln не может быть импортирована</numerusform>
            <numerusform>%Ln не могут быть импортированы</numerusform>
            <numerusform>%Ln не могут быть импортированы</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln warning(s).</source>
        <translation>
            <numerusform>%Ln предупреждение.</numerusform>
            <numerusform>%Ln предупреждения.</numerusform>
            <numerusform>%Ln предупреждений.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Strict import: %Ln problem(s) stop it, so nothing would be imported. Fix the file, or clear “Strict” to import the readable records.</source>
        <translation>
            <numerusform>Строгий импорт: %Ln ошибка препятствует ему, поэтому ничего не будет импортировано. Исправьте файл или снимите отметку «Строго», чтобы импортировать читаемые записи.</numerusform>
            <numerusform>Строгий импорт: %Ln ошибки препятствуют ему, поэтому ничего не будет импортировано. Исправьте файл или снимите отметку «Строго», чтобы импортировать читаемые записи.</numerusform>
            <numerusform>Строгий импорт: %Ln ошибок препятствуют ему, поэтому ничего не будет импортировано. Исправьте файл или снимите отметку «Строго», чтобы импортировать читаемые записи.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decide what to do with the highlighted duplicates: select them and choose Skip, Update or Add.</source>
        <translation>Решите, что делать с выделенными цветом дубликатами: выберите их и нажмите «Пропустить», «Обновить» или «Добавить».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is nothing to import.</source>
        <translation>Импортировать нечего.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update catalog record</source>
        <translation>Обновить запись каталога</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undecided</source>
        <translation>Не решено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not imported</source>
        <translation>Не импортируется</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>warning: {problem}</source>
        <translation>предупреждение: {problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Same ISBN as catalog record {id} «{title}»</source>
        <translation>Тот же ISBN, что у записи каталога {id} «{title}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same ISSN as catalog record {id} «{title}»</source>
        <translation>Тот же ISSN, что у записи каталога {id} «{title}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same control number as catalog record {id} «{title}»</source>
        <translation>Тот же контрольный номер, что у записи каталога {id} «{title}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same title, author and year as catalog record {id} «{title}»</source>
        <translation>То же заглавие, автор и год, что у записи каталога {id} «{title}»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same ISBN as record {position} of this file</source>
        <translation>Тот же ISBN, что у записи {position} этого файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same ISSN as record {position} of this file</source>
        <translation>Тот же ISSN, что у записи {position} этого файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same control number as record {position} of this file</source>
        <translation>Тот же контрольный номер, что у записи {position} этого файла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same title, author and year as record {position} of this file</source>
        <translation>То же заглавие, автор и год, что у записи {position} этого файла</translation>
    </message>
    <message numerus="yes">
        <location line="+94"/>
        <source>Writing %Ln record(s) to the catalog…</source>
        <translation>
            <numerusform>Запись %Ln записи в каталог…</numerusform>
            <numerusform>Запись %Ln записей в каталог…</numerusform>
            <numerusform>Запись %Ln записей в каталог…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported; the catalog is as it was.</source>
        <translation>Ничего не импортировано; каталог не изменился.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The import was cancelled; nothing was written to the catalog.</source>
        <translation>Импорт отменён; в каталог ничего не записано.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported: {reason}</source>
        <translation>Ничего не импортировано: {reason}</translation>
    </message>
</context>
<context>
    <name>RowListEditor</name>
    <message>
        <location filename="../library_app/gui/editor/list_editors.py" line="+139"/>
        <source>+ Add</source>
        <translation>+ Добавить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a row (Insert)</source>
        <translation>Добавить строку (Insert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the current row (Ctrl+Delete)</source>
        <translation>Удалить текущую строку (Ctrl+Delete)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the current row up (Alt+Up)</source>
        <translation>Переместить текущую строку вверх (Alt+Up)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the current row down (Alt+Down)</source>
        <translation>Переместить текущую строку вниз (Alt+Down)</translation>
    </message>
    <message>
        <location line="+251"/>
        <source>Row {number}: {message}</source>
        <translation>Строка {number}: {message}</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <location filename="../library_app/gui/search_view.py" line="+204"/>
        <source>Search titles, authors, subjects, places, full text… (Ctrl+F)</source>
        <translation>Поиск по заглавиям, авторам, рубрикам, местам, полному тексту… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Words in any script or spelling. &quot;Exact phrase&quot;, OR, NOT or -word, word*, word~ for spelling mistakes, fields such as author: title: subject: year:1990-2000 lang:kaz isbn:</source>
        <translation>Слова в любой письменности и любом написании. «Точная фраза», ИЛИ, НЕ или -слово, слово*, слово~ для опечаток, поля, например: автор: заглавие: рубрика: год:1990-2000 язык:kaz isbn:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sort:</source>
        <translation>&amp;Сортировка:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relevance</source>
        <translation>По релевантности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>По заглавию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>По автору</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year, newest first</source>
        <translation>По году, сначала новые</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>The search index is being prepared; results appear as soon as it is ready.</source>
        <translation>Поисковый индекс готовится; результаты появятся, как только он будет готов.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search failed: {reason}</source>
        <translation>Ошибка поиска: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing was found for «{query}»; showing results for «{suggestion}».</source>
        <translation>По запросу «{query}» ничего не найдено; показаны результаты для «{suggestion}».</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln record(s) found.</source>
        <translation>
            <numerusform>Найдена %Ln запись.</numerusform>
            <numerusform>Найдены %Ln записи.</numerusform>
            <numerusform>Найдено %Ln записей.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln record(s) in the catalog.</source>
        <translation>
            <numerusform>В каталоге %Ln запись.</numerusform>
            <numerusform>В каталоге %Ln записи.</numerusform>
            <numerusform>В каталоге %Ln записей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing matches with the filters chosen.</source>
        <translation>С выбранными фильтрами ничего не найдено.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search without filters</source>
        <translation>Искать без фильтров</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was found. Try fewer words, another spelling, or the beginning of a word with * (ecolog*).</source>
        <translation>Ничего не найдено. Попробуйте меньше слов, другое написание или начало слова со * (эколог*).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The catalog has no records yet.</source>
        <translation>В каталоге пока нет записей.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Some rows could not be read from the catalog: {reason}</source>
        <translation>Не удалось прочитать из каталога некоторые строки: {reason}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../library_app/gui/settings_dialog.py" line="+204"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog location</source>
        <translation>Расположение каталога</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Data folder (search index, attachments, backups; empty: the usual place):</source>
        <translation>&amp;Папка данных (поисковый индекс, вложения, резервные копии; если пусто — обычное место):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog on &amp;this computer (SQLite, in the data folder)</source>
        <translation>Каталог на &amp;этом компьютере (SQLite, в папке данных)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog on a &amp;PostgreSQL server, URL:</source>
        <translation>Каталог на &amp;сервере PostgreSQL, URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>Проверить по&amp;дключение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new location takes effect the next time the program starts. A folder or server given on the command line or in the environment takes precedence.</source>
        <translation>Новое расположение вступит в силу при следующем запуске программы. Папка или сервер, заданные в командной строке или в переменных окружения, имеют приоритет.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working</source>
        <translation>Работа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;order of results:</source>
        <translation>Сор&amp;тировка результатов по умолчанию:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relevance</source>
        <translation>По релевантности</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>По заглавию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>По автору</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year, newest first</source>
        <translation>По году, сначала новые</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New copies</source>
        <translation>Новые экземпляры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inventory number pattern:</source>
        <translation>&amp;Шаблон инвентарного номера:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} is the running number, {n:04d} pads it with zeros to four digits, {year} is the current year. Example: INV-{year}-{n:04d}</source>
        <translation>{n} — порядковый номер, {n:04d} дополняет его нулями до четырёх цифр, {year} — текущий год. Пример: INV-{year}-{n:04d}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the server&apos;s URL, e.g. postgresql://user@host:5432/catalog</source>
        <translation>Введите URL сервера, например postgresql://user@host:5432/catalog</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This pattern cannot be used: {problem}</source>
        <translation>Этот шаблон нельзя использовать: {problem}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New copies get: {numbers}, …</source>
        <translation>Новые экземпляры получат: {numbers}, …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connected. {answer}</source>
        <translation>Подключено. {answer}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No connection: {error}</source>
        <translation>Нет подключения: {error}</translation>
    </message>
</context>
<context>
    <name>SourceBox</name>
    <message>
        <location filename="../library_app/gui/record_sources.py" line="+50"/>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>All %Ln record(s) the search found</source>
        <translation>
            <numerusform>%Ln запись, найденная поиском</numerusform>
            <numerusform>Все %Ln записи, найденные поиском</numerusform>
            <numerusform>Все %Ln записей, найденных поиском</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %Ln selected record(s)</source>
        <translation>
            <numerusform>%Ln выбранная запись</numerusform>
            <numerusform>%Ln выбранные записи</numerusform>
            <numerusform>%Ln выбранных записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %Ln record(s) in the basket</source>
        <translation>
            <numerusform>%Ln запись в подборке</numerusform>
            <numerusform>%Ln записи в подборке</numerusform>
            <numerusform>%Ln записей в подборке</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The whole catalog (%Ln record(s))</source>
        <translation>
            <numerusform>Весь каталог (%Ln запись)</numerusform>
            <numerusform>Весь каталог (%Ln записи)</numerusform>
            <numerusform>Весь каталог (%Ln записей)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../library_app/gui/app.py" line="+125"/>
        <source>The catalog could not be opened.</source>
        <translation>Не удалось открыть каталог.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The catalog was upgraded to this version; a copy of the old one was saved as {path}</source>
        <translation>Каталог обновлён для этой версии программы; копия прежнего каталога сохранена в файле {path}</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <location filename="../library_app/gui/trash_view.py" line="+110"/>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted records are kept here. Restore brings the selected records back into the catalog and its searches.</source>
        <translation>Здесь хранятся удалённые записи. Кнопка «Восстановить» возвращает выбранные записи в каталог и в результаты поиска.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Заглавие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The trash could not be read.</source>
        <translation>Не удалось прочитать корзину.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Reading the trash…</source>
        <translation>Чтение корзины…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trash is empty.</source>
        <translation>Корзина пуста.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n record(s) in the trash.</source>
        <translation>
            <numerusform>В корзине %n запись.</numerusform>
            <numerusform>В корзине %n записи.</numerusform>
            <numerusform>В корзине %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Restore records</source>
        <translation>Восстановление записей</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Restoring %n record(s)…</source>
        <translation>
            <numerusform>Восстановление %n записи…</numerusform>
            <numerusform>Восстановление %n записей…</numerusform>
            <numerusform>Восстановление %n записей…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The records were not all restored.</source>
        <translation>Восстановлены не все записи.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n record(s) restored.</source>
        <translation>
            <numerusform>Восстановлена %n запись.</numerusform>
            <numerusform>Восстановлены %n записи.</numerusform>
            <numerusform>Восстановлено %n записей.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../library_app/gui/welcome.py" line="+97"/>
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
</context>
</TS>
