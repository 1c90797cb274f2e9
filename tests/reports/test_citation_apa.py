"""APA 7 references against the reference examples of the APA Style website
(apastyle.apa.org/style-grammar-guidelines/references/examples): journal article (Grady et
al., 2019), authored book (Jackson, 2019), group author that is also the publisher (APA,
2020), edited-book chapter (Aron et al., 2019), report by a government agency (National
Cancer Institute, 2019) and an undated web page (U.S. Census Bureau).  Italics are checked in
the markup the PDF uses.
"""

from __future__ import annotations

import datetime as dt

from library_app.core.model import (
    Contributor,
    ContributorRole,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    Record,
    Series,
)
from library_app.reports.citation import Reference, format_reference

Role = ContributorRole


def apa(record: Record) -> Reference:
    return format_reference(record, "apa")


def doi(value: str) -> Identifier:
    return Identifier(IdentifierType.DOI, value)


def test_journal_article_with_five_authors_and_doi() -> None:
    record = Record(
        title="Emotions in storybooks",
        title_remainder="a comparison of storybooks that represent ethnic and racial groups in "
        "the United States",
        material_type=MaterialType.ARTICLE,
        contributors=[
            Contributor("Grady", "Jessica S."),
            Contributor("Her", "Malena"),
            Contributor("Moreno", "Geena"),
            Contributor("Perez", "Catherine"),
            Contributor("Yelinek", "Jelinne"),
        ],
        year="2019",
        host=HostItem("Psychology of Popular Media Culture", "2019", "8", "3", "207-217"),
        identifiers=[doi("10.1037/ppm0000185")],
        languages=["eng"],
    )
    reference = apa(record)
    assert reference.text == (
        "Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in "
        "storybooks: A comparison of storybooks that represent ethnic and racial groups in the "
        "United States. Psychology of Popular Media Culture, 8(3), 207–217. "
        "https://doi.org/10.1037/ppm0000185"
    )
    assert reference.markup == (
        "Grady, J. S., Her, M., Moreno, G., Perez, C., &amp; Yelinek, J. (2019). Emotions in "
        "storybooks: A comparison of storybooks that represent ethnic and racial groups in the "
        "United States. <i>Psychology of Popular Media Culture, 8</i>(3), 207–217. "
        "https://doi.org/10.1037/ppm0000185"
    )


def test_book_with_edition_and_doi() -> None:
    record = Record(
        title="The psychology of prejudice",
        title_remainder="from attitudes to social action",
        contributors=[Contributor("Jackson", "Lynne M.")],
        edition="2nd ed.",
        places=["Washington, DC"],
        publishers=["American Psychological Association"],
        year="2019",
        extent=Extent("256"),
        identifiers=[doi("10.1037/0000168-000")],
        languages=["eng"],
    )
    reference = apa(record)
    assert reference.text == (
        "Jackson, L. M. (2019). The psychology of prejudice: From attitudes to social action "
        "(2nd ed.). American Psychological Association. https://doi.org/10.1037/0000168-000"
    )
    assert reference.markup.startswith(
        "Jackson, L. M. (2019). <i>The psychology of prejudice: From attitudes to social "
        "action</i> (2nd ed.). American"
    )


def test_group_author_that_is_the_publisher_is_not_repeated() -> None:
    record = Record(
        title="Publication manual of the American Psychological Association",
        contributors=[
            Contributor("American Psychological Association", role=Role.CORPORATE_AUTHOR)
        ],
        edition="7th ed.",
        publishers=["American Psychological Association"],
        year="2020",
        identifiers=[doi("10.1037/0000165-000")],
    )
    assert apa(record).text == (
        "American Psychological Association. (2020). Publication manual of the American "
        "Psychological Association (7th ed.). https://doi.org/10.1037/0000165-000"
    )


def test_chapter_in_an_edited_book() -> None:
    record = Record(
        title="Culinary arts",
        title_remainder="talent and their development",
        contributors=[
            Contributor("Aron", "L."),
            Contributor("Botella", "M."),
            Contributor("Lubart", "T."),
            Contributor("Subotnik", "R. F.", Role.EDITOR),
            Contributor("Olszewski-Kubilius", "P.", Role.EDITOR),
            Contributor("Worrell", "F. C.", Role.EDITOR),
        ],
        publishers=["American Psychological Association"],
        year="2019",
        host=HostItem(
            "The psychology of high performance: Developing human potential into "
            "domain-specific talent",
            "2019",
            pages="345-359",
        ),
        identifiers=[doi("10.1037/0000120-016")],
    )
    reference = apa(record)
    assert reference.text == (
        "Aron, L., Botella, M., & Lubart, T. (2019). Culinary arts: Talent and their "
        "development. In R. F. Subotnik, P. Olszewski-Kubilius, & F. C. Worrell (Eds.), The "
        "psychology of high performance: Developing human potential into domain-specific talent "
        "(pp. 345–359). American Psychological Association. https://doi.org/10.1037/0000120-016"
    )
    assert "(Eds.), <i>The psychology of high performance: Developing" in reference.markup


def test_report_by_an_agency_with_its_number() -> None:
    record = Record(
        title="Taking time",
        title_remainder="support for people with cancer",
        material_type=MaterialType.REPORT,
        contributors=[Contributor("National Cancer Institute", role=Role.CORPORATE_AUTHOR)],
        publishers=["U.S. Department of Health and Human Services, National Institutes of Health"],
        year="2019",
        series=[Series("NIH Publication", "18-2059")],
        links=[OnlineLink("https://www.cancer.gov/publications/patient-education/takingtime.pdf")],
    )
    assert apa(record).text == (
        "National Cancer Institute. (2019). Taking time: Support for people with cancer (NIH "
        "Publication No. 18-2059). U.S. Department of Health and Human Services, National "
        "Institutes of Health. https://www.cancer.gov/publications/patient-education/"
        "takingtime.pdf"
    )


def test_undated_web_page_gives_the_retrieval_date() -> None:
    record = Record(
        title="U.S. and world population clock",
        material_type=MaterialType.ELECTRONIC,
        contributors=[Contributor("U.S. Census Bureau", role=Role.CORPORATE_AUTHOR)],
        publishers=["U.S. Department of Commerce"],
        links=[OnlineLink("https://www.census.gov/popclock/", dt.date(2019, 7, 3))],
    )
    reference = apa(record)
    assert reference.text == (
        "U.S. Census Bureau. (n.d.). U.S. and world population clock. U.S. Department of "
        "Commerce. Retrieved July 3, 2019, from https://www.census.gov/popclock/"
    )
    assert "(n.d.). <i>U.S. and world population clock</i>. U.S." in reference.markup


def test_work_without_author_starts_with_its_title() -> None:
    record = Record(title="Atlas of the Aral Sea", publishers=["UNEP"], year="2014")
    assert apa(record).text == "Atlas of the Aral Sea. (2014). UNEP."


def test_edited_book_lists_editors_as_authors() -> None:
    record = Record(
        title="Desert ecosystems of Central Asia",
        contributors=[Contributor("Smith", "Anne", Role.EDITOR)],
        publishers=["Springer"],
        year="2020",
    )
    assert (
        apa(record).text == "Smith, A. (Ed.). (2020). Desert ecosystems of Central Asia. Springer."
    )


def test_thesis_names_the_institution_in_brackets() -> None:
    record = Record(
        title="Riparian forests of the Amu Darya delta",
        material_type=MaterialType.THESIS,
        contributors=[Contributor("Yusupov", "Timur")],
        notes=["PhD thesis."],
        publishers=["University of Bonn"],
        year="2015",
    )
    assert apa(record).text == (
        "Yusupov, T. (2015). Riparian forests of the Amu Darya delta [Doctoral dissertation, "
        "University of Bonn]."
    )


def test_twenty_one_authors_are_cut_with_an_ellipsis() -> None:
    record = Record(
        title="Big team science",
        contributors=[Contributor(f"Author{n}", "A.") for n in range(1, 22)],
        year="2021",
    )
    text = apa(record).text
    assert "Author19, A., . . . Author21, A. (2021)." in text
    assert "Author20" not in text
