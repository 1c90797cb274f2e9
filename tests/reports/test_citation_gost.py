"""GOST R 7.0.100-2018 descriptions, compared whole with published examples.

Where the examples come from (cited per case as [S…]):

* [A] ГОСТ Р 7.0.100–2018, Appendix A and the examples in its text, as quoted by university
  library guides (the records below carry the same data; the strings use the standard's
  en dash «–» as area separator).
* [B] Library guide of the Belgorod technological university library (ntb.bstu.ru, "Сайты в
  сети Интернет"), quoting the standard's examples of web sites.
* [C] Fragments of the standard's own text, clause 7.3.3–7.3.5 (host items «// …»), from the
  copy of the standard on studfile.net (preview 18511676).
* [D] Data of published examples of other standards (GOST R 7.0.5-2008: Ефимова & Кусакин;
  Дирина), re-described by GOST R 7.0.100-2018 rules.
* [E] Records built to exercise one rule of the standard (the clause is named), with the
  expected string derived from that rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from library_app.core.model import (
    Contributor,
    ContributorRole,
    Copy,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
)
from library_app.reports.citation import CitationOptions, format_reference

Role = ContributorRole


def gost(record: Record, **options: Any) -> str:
    reference = format_reference(record, "gost-r-7.0.100-2018", CitationOptions(**options))
    return reference.text


def person(name: str, forenames: str, role: Role = Role.AUTHOR) -> Contributor:
    return Contributor(name, forenames, role)


def isbn(value: str) -> Identifier:
    return Identifier(IdentifierType.ISBN, value)


# --- books ------------------------------------------------------------------------------------


def test_book_by_one_author_has_heading_series_and_isbn() -> None:  # [A]
    record = Record(
        title="Основы информатики",
        title_remainder="курс лекций",
        contributors=[person("Гиляревский", "Руслан Сергеевич")],
        places=["Москва"],
        publishers=["Экзамен"],
        year="2003",
        extent=Extent("318"),
        series=[Series("Учебное пособие для вузов")],
        languages=["rus"],
        identifiers=[isbn("5-94692-503-2")],
    )
    assert gost(record) == (
        "Гиляревский, Р. С. Основы информатики : курс лекций / Р. С. Гиляревский. – Москва : "
        "Экзамен, 2003. – 318 с. – (Учебное пособие для вузов). – ISBN 5-94692-503-2. – "
        "Текст : непосредственный."
    )


def test_book_by_two_authors_repeats_both_after_the_slash() -> None:  # [A]
    record = Record(
        title="Электронная информация и электронные ресурсы: публикации и документы, "
        "библиотеки и издательства",
        contributors=[person("Земсков", "А. И."), person("Шрайберг", "Я. Л.")],
        places=["Москва"],
        publishers=["ФАИР"],
        year="2007",
        extent=Extent("528 с."),
        series=[Series("Специальный издательский проект для библиотек")],
        languages=["rus"],
        identifiers=[isbn("978-5-8183-1166-1")],
    )
    assert gost(record) == (
        "Земсков, А. И. Электронная информация и электронные ресурсы: публикации и документы, "
        "библиотеки и издательства / А. И. Земсков, Я. Л. Шрайберг. – Москва : ФАИР, 2007. – "
        "528 с. – (Специальный издательский проект для библиотек). – ISBN 978-5-8183-1166-1. – "
        "Текст : непосредственный."
    )


def test_book_by_three_authors_old_abbreviated_place_is_written_in_full() -> None:
    # [D] GOST 7.1-2003 guide example (studfile.net/preview/5997635) re-described: the place
    # catalogued as «СПб.» is given in full, as in every example of GOST R 7.0.100-2018.
    record = Record(
        title="Простейшие модели теории оболочек и пластин в офтальмологии",
        contributors=[
            person("Бауэр", "С. М."),
            person("Зимин", "Б. А."),
            person("Товстик", "П. Е."),
        ],
        places=["СПб."],
        publishers=["Издательство Санкт-Петербургского университета"],
        year="2000",
        extent=Extent("89"),
        languages=["rus"],
    )
    assert gost(record) == (
        "Бауэр, С. М. Простейшие модели теории оболочек и пластин в офтальмологии / С. М. Бауэр, "
        "Б. А. Зимин, П. Е. Товстик. – Санкт-Петербург : Издательство Санкт-Петербургского "
        "университета, 2000. – 89 с. – Текст : непосредственный."
    )


def test_edition_area_and_abbreviations_do_not_double_full_stops() -> None:  # [A]
    record = Record(
        title="Социальная психология безопасности",
        title_remainder="учебное пособие для студентов вузов",
        contributors=[person("Сухов", "А. Н.")],
        edition="3-е изд., стер.",
        places=["Москва"],
        publishers=["Академия"],
        year="2012",
        extent=Extent("256"),
        series=[Series("Высшее профессиональное образование. Бакалавриат")],
        languages=["rus"],
        identifiers=[isbn("978-5-7695-9087-0")],
    )
    assert gost(record) == (
        "Сухов, А. Н. Социальная психология безопасности : учебное пособие для студентов вузов "
        "/ А. Н. Сухов. – 3-е изд., стер. – Москва : Академия, 2012. – 256 с. – (Высшее "
        "профессиональное образование. Бакалавриат). – ISBN 978-5-7695-9087-0. – "
        "Текст : непосредственный."
    )


def three_authors_with_editor_and_bodies() -> Record:  # [A] the Агафонова example
    return Record(
        title="Гражданское право",
        title_remainder="учебное пособие для вузов",
        responsibility="Н. Н. Агафонова, Т. В. Богачева, Л. И. Глушкова ; под общей редакцией "
        "А. Г. Калпина ; Министерство общего и профессионального образования Российской "
        "Федерации, Московская государственная юридическая академия",
        contributors=[
            person("Агафонова", "Н. Н."),
            person("Богачева", "Т. В."),
            person("Глушкова", "Л. И."),
            person("Калпин", "А. Г.", Role.EDITOR),
        ],
        edition="Изд. 2-е, перераб. и доп.",
        places=["Москва"],
        publishers=["Юрист"],
        year="2002",
        extent=Extent("542"),
        series=[Series("Institutiones", "т. 221")],
        languages=["rus"],
    )


def test_statement_of_responsibility_as_catalogued_with_groups_and_series_number() -> None:
    assert gost(three_authors_with_editor_and_bodies()) == (
        "Агафонова, Н. Н. Гражданское право : учебное пособие для вузов / Н. Н. Агафонова, "
        "Т. В. Богачева, Л. И. Глушкова ; под общей редакцией А. Г. Калпина ; Министерство "
        "общего и профессионального образования Российской Федерации, Московская "
        "государственная юридическая академия. – Изд. 2-е, перераб. и доп. – Москва : Юрист, "
        "2002. – 542 с. – (Institutiones ; т. 221). – Текст : непосредственный."
    )


def five_authors(responsibility: str = "") -> Record:  # [E] 4.3 / 5.2 of the standard
    return Record(
        title="Экосистемы Приаралья",
        title_remainder="монография",
        responsibility=responsibility,
        contributors=[
            person("Абдуллаев", "Бахтияр Каримович"),
            person("Есенова", "Айгуль"),
            person("Ким", "Владимир Сергеевич"),
            person("Нурланов", "Е. Т."),
            person("Петрова", "О. Н."),
            person("Сагитов", "Р. Р.", Role.EDITOR),
        ],
        places=["Алматы"],
        publishers=["Бастау"],
        year="2019",
        extent=Extent("204", "ил."),
        languages=["rus"],
    )


def test_four_or_more_authors_no_heading_first_three_and_et_al() -> None:
    assert gost(five_authors()) == (
        "Экосистемы Приаралья : монография / Б. К. Абдуллаев, А. Есенова, В. С. Ким [и др.] ; "
        "редактор Р. Р. Сагитов. – Алматы : Бастау, 2019. – 204 с. : ил. – "
        "Текст : непосредственный."
    )


def test_all_authors_option_lists_every_author() -> None:
    assert gost(five_authors(), all_authors=True).startswith(
        "Экосистемы Приаралья : монография / Б. К. Абдуллаев, А. Есенова, В. С. Ким, "
        "Е. Т. Нурланов, О. Н. Петрова ; редактор Р. Р. Сагитов. – Алматы"
    )


def test_catalogued_statement_of_four_authors_is_cut_but_keeps_its_other_groups() -> None:
    record = five_authors(
        "Б. К. Абдуллаев, А. Есенова, В. С. Ким, Е. Т. Нурланов, О. Н. Петрова ; под редакцией "
        "Р. Р. Сагитова"
    )
    assert gost(record).startswith(
        "Экосистемы Приаралья : монография / Б. К. Абдуллаев, А. Есенова, В. С. Ким [и др.] ; "
        "под редакцией Р. Р. Сагитова. – Алматы : Бастау, 2019."
    )


def test_english_book_has_english_extent_and_full_role_words() -> None:  # [E] 4.8
    record = Record(
        title="Planting green roofs and living walls",
        contributors=[
            person("Dunnett", "Nigel"),
            person("Kingsbury", "Noël"),
            person("Smith", "Anne", Role.TRANSLATOR),
        ],
        edition="2nd ed.",
        places=["Portland"],
        publishers=["Timber Press"],
        year="2008",
        extent=Extent("328"),
        languages=["eng"],
    )
    assert gost(record) == (
        "Dunnett, N. Planting green roofs and living walls / N. Dunnett, N. Kingsbury ; "
        "translated by A. Smith. – 2nd ed. – Portland : Timber Press, 2008. – 328 p. – "
        "Текст : непосредственный."
    )


def test_translated_multivolume_part_keeps_the_printed_statement() -> None:  # [A] Фасмер
    record = Record(
        title="Этимологический словарь русского языка. Т. 1 : А–Д",
        responsibility="М. Фасмер ; перевод с немецкого и дополнения О. Н. Трубачева",
        contributors=[person("Фасмер", "Макс"), person("Трубачев", "О. Н.", Role.TRANSLATOR)],
        edition="2-е изд., стер.",
        places=["Москва"],
        publishers=["Прогресс"],
        year="1986",
        extent=Extent("576"),
        languages=["rus"],
    )
    assert gost(record) == (
        "Фасмер, М. Этимологический словарь русского языка. Т. 1 : А–Д / М. Фасмер ; перевод "
        "с немецкого и дополнения О. Н. Трубачева. – 2-е изд., стер. – Москва : Прогресс, "
        "1986. – 576 с. – Текст : непосредственный."
    )


def test_translator_without_printed_statement_is_named_by_role() -> None:  # [E]
    record = Record(
        title="Этимологический словарь русского языка",
        contributors=[person("Фасмер", "Макс"), person("Трубачев", "О. Н.", Role.TRANSLATOR)],
        languages=["rus"],
    )
    assert gost(record) == (
        "Фасмер, М. Этимологический словарь русского языка / М. Фасмер ; переводчик "
        "О. Н. Трубачев. – Текст : непосредственный."
    )


def test_corporate_author_goes_to_the_statement_not_the_heading() -> None:  # [E] 4.3
    record = Record(
        title="World health statistics 2019",
        title_remainder="monitoring health for the SDGs",
        contributors=[Contributor("World Health Organization", role=Role.CORPORATE_AUTHOR)],
        places=["Geneva"],
        publishers=["World Health Organization"],
        year="2019",
        extent=Extent("120"),
        languages=["eng"],
        identifiers=[isbn("978-92-4-156570-7")],
    )
    assert gost(record) == (
        "World health statistics 2019 : monitoring health for the SDGs / World Health "
        "Organization. – Geneva : World Health Organization, 2019. – 120 p. – "
        "ISBN 978-92-4-156570-7. – Текст : непосредственный."
    )


def test_parallel_title_comes_before_other_title_information() -> None:  # [E] 5.1
    record = Record(
        title="Қазақстанның қызыл кітабы",
        parallel_titles=[ParallelTitle("Красная книга Казахстана", "rus")],
        title_remainder="жануарлар",
        places=["Алматы"],
        publishers=["Art Print XXI"],
        year="2010",
        extent=Extent("324"),
        languages=["kaz"],
    )
    assert gost(record) == (
        "Қазақстанның қызыл кітабы = Красная книга Казахстана : жануарлар. – Алматы : "
        "Art Print XXI, 2010. – 324 с. – Текст : непосредственный."
    )


def test_publisher_without_place_gets_b_m() -> None:  # [E] 5.4
    record = Record(title="Сайгаки", publishers=["Эко"], year="2001", languages=["rus"])
    assert gost(record) == "Сайгаки. – [Б. м.] : Эко, 2001. – Текст : непосредственный."


# --- theses, reports, proceedings, standards, maps --------------------------------------------


def test_thesis_with_statement_in_other_title_information() -> None:  # [A] Вишняков
    record = Record(
        title="Модели и методы оценки коммерческих банков в условиях неопределенности",
        material_type=MaterialType.THESIS,
        title_remainder="специальность 08.00.13 «Математические и инструментальные методы "
        "экономики» : диссертация на соискание ученой степени кандидата экономических наук",
        responsibility="Вишняков Илья Владимирович ; Московский государственный университет "
        "экономики, статистики и информатики",
        contributors=[person("Вишняков", "Илья Владимирович")],
        places=["Москва"],
        year="2002",
        extent=Extent("234"),
        languages=["rus"],
    )
    assert gost(record) == (
        "Вишняков, И. В. Модели и методы оценки коммерческих банков в условиях неопределенности "
        ": специальность 08.00.13 «Математические и инструментальные методы экономики» : "
        "диссертация на соискание ученой степени кандидата экономических наук / Вишняков Илья "
        "Владимирович ; Московский государственный университет экономики, статистики и "
        "информатики. – Москва, 2002. – 234 с. – Текст : непосредственный."
    )


def test_thesis_statement_catalogued_as_a_note() -> None:  # [E] 5.1.3
    record = Record(
        title="Тугайные леса низовьев Амударьи",
        material_type=MaterialType.THESIS,
        contributors=[person("Юсупов", "Тимур Ахмедович")],
        notes=["дис. … канд. биол. наук."],
        places=["Ташкент"],
        year="2010",
        extent=Extent("160"),
        languages=["rus"],
    )
    assert gost(record) == (
        "Юсупов, Т. А. Тугайные леса низовьев Амударьи : дис. … канд. биол. наук / "
        "Т. А. Юсупов. – Ташкент, 2010. – 160 с. – Текст : непосредственный."
    )


def test_report_names_issuing_body_project_and_funders() -> None:  # [E] grey literature
    record = Record(
        title="Саксауловые леса Приаралья",
        material_type=MaterialType.REPORT,
        title_remainder="отчет о научно-исследовательской работе",
        contributors=[
            person("Ахметов", "Ержан"),
            Contributor("Институт ботаники и фитоинтродукции", role=Role.ISSUING_BODY),
        ],
        places=["Алматы"],
        year="2012",
        extent=Extent("120", "ил."),
        series=[Series("Рабочие материалы", "7")],
        project="Леса Арала",
        funders=["ПРООН", "ГЭФ"],
        languages=["rus"],
    )
    assert gost(record) == (
        "Ахметов, Е. Саксауловые леса Приаралья : отчет о научно-исследовательской работе / "
        "Е. Ахметов ; Институт ботаники и фитоинтродукции. – Алматы, 2012. – 120 с. : ил. – "
        "(Рабочие материалы ; 7). – Проект: Леса Арала. – Финансирование: ПРООН, ГЭФ. – "
        "Текст : непосредственный."
    )


def test_conference_proceedings_with_editors_and_meeting() -> None:  # [E] proceedings
    record = Record(
        title="Проблемы опустынивания Центральной Азии",
        material_type=MaterialType.PROCEEDINGS,
        title_remainder="материалы международной научно-практической конференции, Алматы, "
        "12–14 мая 2019 г.",
        contributors=[
            person("Жумабеков", "Е. Ж.", Role.EDITOR),
            person("Ли", "В. П.", Role.EDITOR),
            Contributor("Международная конференция по опустыниванию", role=Role.MEETING),
        ],
        places=["Алматы"],
        publishers=["Қазақ университеті"],
        year="2019",
        extent=Extent("312"),
        languages=["rus"],
    )
    assert gost(record) == (
        "Проблемы опустынивания Центральной Азии : материалы международной научно-практической "
        "конференции, Алматы, 12–14 мая 2019 г. / редакторы Е. Ж. Жумабеков, В. П. Ли ; "
        "Международная конференция по опустыниванию. – Алматы : Қазақ университеті, 2019. – "
        "312 с. – Текст : непосредственный."
    )


def test_standard_is_described_under_its_designation_and_title() -> None:  # [A]
    record = Record(
        title="ГОСТ Р 7.0.100–2018. Библиографическая запись. Библиографическое описание. "
        "Общие требования и правила составления",
        material_type=MaterialType.STANDARD,
        title_remainder="национальный стандарт Российской Федерации : дата введения 2019-07-01",
        contributors=[
            Contributor(
                "Федеральное агентство по техническому регулированию и метрологии",
                role=Role.ISSUING_BODY,
            )
        ],
        places=["Москва"],
        publishers=["Стандартинформ"],
        year="2019",
        languages=["rus"],
    )
    assert gost(record) == (
        "ГОСТ Р 7.0.100–2018. Библиографическая запись. Библиографическое описание. Общие "
        "требования и правила составления : национальный стандарт Российской Федерации : дата "
        "введения 2019-07-01 / Федеральное агентство по техническому регулированию и "
        "метрологии. – Москва : Стандартинформ, 2019. – Текст : непосредственный."
    )


def test_map_has_scale_area_and_cartographic_content_type() -> None:  # [E] 5.3
    record = Record(
        title="Республика Казахстан",
        material_type=MaterialType.MAP,
        title_remainder="физическая карта",
        scale="1:2500000",
        places=["Алматы"],
        publishers=["Картография"],
        year="2015",
        extent=Extent("1 к.", "цв."),
        languages=["rus"],
    )
    assert gost(record) == (
        "Республика Казахстан : физическая карта. – Масштаб 1:2 500 000. – Алматы : "
        "Картография, 2015. – 1 к. : цв. – Картографическое изображение : непосредственный."
    )


# --- parts of journals and books (analytic description) ---------------------------------------


def test_journal_article_two_authors() -> None:  # [D] Ефимова, Кусакин
    record = Record(
        title="Охрана и рациональное использование болот в Республике Марий Эл",
        material_type=MaterialType.ARTICLE,
        contributors=[person("Ефимова", "Т. Н."), person("Кусакин", "А. В.")],
        host=HostItem("Проблемы региональной экологии", "2007", issue="1", pages="80-86"),
        languages=["rus"],
    )
    assert gost(record) == (
        "Ефимова, Т. Н. Охрана и рациональное использование болот в Республике Марий Эл / "
        "Т. Н. Ефимова, А. В. Кусакин. – Текст : непосредственный // Проблемы региональной "
        "экологии. – 2007. – № 1. – С. 80–86."
    )


def test_english_article_has_vol_no_and_p() -> None:  # [E] 4.8 (the standard's «P. 18–30»)
    record = Record(
        title="A relational model of data for large shared data banks",
        material_type=MaterialType.ARTICLE,
        contributors=[person("Codd", "E. F.")],
        host=HostItem("Communications of the ACM", "1970", "13", "6", "377-387"),
        languages=["eng"],
    )
    assert gost(record) == (
        "Codd, E. F. A relational model of data for large shared data banks / E. F. Codd. – "
        "Текст : непосредственный // Communications of the ACM. – 1970. – Vol. 13, no. 6. – "
        "P. 377–387."
    )


def test_article_with_doi_and_four_authors() -> None:  # [E] DOI in the identifier area
    record = Record(
        title="Recent advances in convolutional neural networks",
        material_type=MaterialType.ARTICLE,
        contributors=[
            person("Gu", "Jiuxiang"),
            person("Wang", "Zhenhua"),
            person("Kuen", "Jason"),
            person("Ma", "Lianyang"),
        ],
        host=HostItem("Pattern Recognition", "2018", "77", pages="354-377"),
        identifiers=[Identifier(IdentifierType.DOI, "10.1016/j.patcog.2017.10.013")],
        languages=["eng"],
    )
    assert gost(record) == (
        "Recent advances in convolutional neural networks / J. Gu, Z. Wang, J. Kuen [et al.]. "
        "– DOI 10.1016/j.patcog.2017.10.013. – Текст : непосредственный // Pattern "
        "Recognition. – 2018. – Vol. 77. – P. 354–377."
    )


def test_chapter_names_editors_and_publisher_in_the_host() -> None:  # [E] 7.3.4
    record = Record(
        title="Водные ресурсы бассейна Сырдарьи",
        contributors=[person("Каримов", "А. Х."), person("Исмаилов", "Б. Б.", Role.EDITOR)],
        host=HostItem("Водное хозяйство Центральной Азии", pages="45-58"),
        places=["Ташкент"],
        publishers=["Фан"],
        year="2016",
        languages=["rus"],
    )
    assert gost(record) == (
        "Каримов, А. Х. Водные ресурсы бассейна Сырдарьи / А. Х. Каримов. – Текст : "
        "непосредственный // Водное хозяйство Центральной Азии / редактор Б. Б. Исмаилов. – "
        "Ташкент : Фан, 2016. – С. 45–58."
    )


def test_online_article_is_electronic_with_url_and_access_date() -> None:  # [D] Дирина
    record = Record(
        title="Право военнослужащих Российской Федерации на свободу ассоциаций",
        material_type=MaterialType.ARTICLE,
        contributors=[person("Дирина", "А. И.")],
        host=HostItem("Военное право : сетевой журнал", "2007"),
        links=[OnlineLink("http://www.voennoepravo.ru/node/2149", dt.date(2007, 9, 19))],
        languages=["rus"],
    )
    assert gost(record) == (
        "Дирина, А. И. Право военнослужащих Российской Федерации на свободу ассоциаций / "
        "А. И. Дирина. – Текст : электронный // Военное право : сетевой журнал. – 2007. – "
        "URL: http://www.voennoepravo.ru/node/2149 (дата обращения: 19.09.2007)."
    )


@pytest.mark.parametrize(
    "host",
    [
        "Цензура в России: история и современность : сборник научных трудов",
        "Российская государственная библиотека : официальный сайт",
        "Высшая школа экономики : [сайт]",
    ],
)
def test_host_titles_of_the_standard_are_kept_as_catalogued(host: str) -> None:  # [C] 7.3.3
    record = Record(title="Заметка", host=HostItem(host, "2018"), languages=["rus"])
    assert gost(record) == f"Заметка. – Текст : непосредственный // {host}. – 2018."


# --- electronic resources ---------------------------------------------------------------------


def test_web_site_with_access_note() -> None:  # [B] eLIBRARY.RU
    record = Record(
        title="eLIBRARY.RU",
        material_type=MaterialType.ELECTRONIC,
        title_remainder="научная электронная библиотека : сайт",
        places=["Москва"],
        year="2000 –",
        notes=["Режим доступа: для зарегистрир. пользователей"],
        links=[OnlineLink("https://elibrary.ru", dt.date(2018, 1, 9))],
        languages=["rus"],
    )
    assert gost(record, notes=True) == (
        "eLIBRARY.RU : научная электронная библиотека : сайт. – Москва, 2000 – . – URL: "
        "https://elibrary.ru (дата обращения: 09.01.2018). – Режим доступа: для зарегистрир. "
        "пользователей. – Текст : электронный."
    )


def test_web_site_of_an_organisation() -> None:  # [B] Электронная библиотека диссертаций
    record = Record(
        title="Электронная библиотека: библиотека диссертаций",
        material_type=MaterialType.ELECTRONIC,
        title_remainder="сайт",
        contributors=[Contributor("Российская государственная библиотека", role=Role.ISSUING_BODY)],
        places=["Москва"],
        publishers=["РГБ"],
        year="2003-",
        notes=["Режим доступа: для зарегистрир. читателей РГБ"],
        links=[OnlineLink("http://diss.rsl.ru/?lang=ru", dt.date(2018, 7, 20))],
        languages=["rus"],
    )
    assert gost(record, notes=True) == (
        "Электронная библиотека: библиотека диссертаций : сайт / Российская государственная "
        "библиотека. – Москва : РГБ, 2003 – . – URL: http://diss.rsl.ru/?lang=ru (дата "
        "обращения: 20.07.2018). – Режим доступа: для зарегистрир. читателей РГБ. – "
        "Текст : электронный."
    )


def test_record_with_only_online_links_is_electronic_but_a_shelved_copy_is_not() -> None:
    online = Record(
        title="Аральское море",
        places=["Нукус"],
        publishers=["Билим"],
        year="2020",
        extent=Extent("96"),
        links=[OnlineLink("https://example.org/aral.pdf", dt.date(2024, 3, 1))],
        identifiers=[isbn("978-9943-00-000-1")],
        languages=["rus"],
    )
    assert gost(online) == (
        "Аральское море. – Нукус : Билим, 2020. – 96 с. – URL: https://example.org/aral.pdf "
        "(дата обращения: 01.03.2024). – ISBN 978-9943-00-000-1. – Текст : электронный."
    )
    online.copies.append(Copy("1001"))
    assert gost(online) == (
        "Аральское море. – Нукус : Билим, 2020. – 96 с. – ISBN 978-9943-00-000-1. – "
        "Текст : непосредственный."
    )


# --- language of the description --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "expected"),
    [
        ("kaz", "Қазақстан өсімдіктері", "– 240 с."),
        ("uzb", "Ўзбекистон ўсимликлари", "– 240 с."),
        ("uzb", "O'zbekiston o'simliklari", "– 240 p."),
        ("ger", "Pflanzen Zentralasiens", "– 240 p."),
        ("", "Флора Кыргызстана", "– 240 с."),
    ],
)
def test_extent_follows_the_script_of_the_item(language: str, title: str, expected: str) -> None:
    record = Record(title=title, extent=Extent("240"), languages=[language] if language else [])
    assert expected in gost(record)


def test_text_is_escaped_in_markup() -> None:
    record = Record(title="Водоёмы <Арала> & люди", year="2001", languages=["rus"])
    reference = format_reference(record)
    assert reference.text == "Водоёмы <Арала> & люди. – 2001. – Текст : непосредственный."
    assert reference.markup == (
        "Водоёмы &lt;Арала&gt; &amp; люди. – 2001. – Текст : непосредственный."
    )
