"""Names of the demo collection: people, bodies, publishers, journals, series, projects, standards.

Bodies, publishers and journals are the real ones of the region, each with the years it existed
under that name, so a 1985 report comes from САНИГМИ and a 2020 one from a ministry that existed
in 2020.  People are not real: common surnames of each nation, written the three ways a library
meets them (Russian spelling, own-language spelling, romanised), because cross-script searching is
what the demo has to exercise.  ISSNs have valid check digits; those of the international journals
are their real ones, those of the regional journals are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from library_app.services.demo_places import years_of
from library_app.services.demo_vocabulary import parse_table, split_list


def _optional(field: str) -> str:
    return "" if field == "-" else field


# Surnames as «Russian spelling  own spelling  romanised», several to a line.
_PEOPLE = {
    "kaz": """
Ахметов Ахметов Akhmetov; Абдрахманов Әбдірахманов Abdrakhmanov; Сарсенбаев Сәрсенбаев Sarsenbayev
Нурпеисов Нұрпейісов Nurpeisov; Утегенов Өтегенов Utegenov; Толеуов Төлеуов Toleuov
Кудайбергенов Құдайбергенов Kudaibergenov; Габдуллин Ғабдуллин Gabdullin; Ибраев Ибраев Ibrayev
Жумабеков Жұмабеков Zhumabekov; Искакова Ысқақова Iskakova; Есенова Есенова Yessenova
Бекмухамедова Бекмұхамедова Bekmukhamedova; Кенжебаев Кенжебаев Kenzhebayev; Медеу Медеу Medeu
Мусабаева Мұсабаева Mussabayeva; Омарова Омарова Omarova; Тулегенов Түлегенов Tulegenov
Амиргалиев Әмірғалиев Amirgaliyev; Турсынов Тұрсынов Tursynov; Жакупов Жақыпов Zhakupov
Сагинтаев Сағынтаев Sagintayev; Калиева Қалиева Kaliyeva; Байжанова Байжанова Baizhanova
""",
    "uzb": """
Рахимов Rahimov Rakhimov; Каримов Karimov Karimov; Юсупов Yusupov Yusupov
Хамраев Hamrayev Khamraev; Тошматов Toshmatov Toshmatov; Назарова Nazarova Nazarova
Абдуллаев Abdullayev Abdullaev; Эргашев Ergashev Ergashev; Усманов Usmonov Usmanov
Юлдашева Yoʻldosheva Yuldasheva; Мирзаев Mirzayev Mirzaev; Ходжаев Xoʻjayev Khodjaev
Салиева Saliyeva Salieva; Гулямов Gʻulomov Gulyamov; Кадыров Qodirov Kadyrov
Шукуров Shukurov Shukurov; Исмаилова Ismoilova Ismailova; Турсунов Tursunov Tursunov
""",
    "kir": """
Асанов Асанов Asanov; Омурбеков Өмүрбеков Omurbekov; Токтосунов Токтосунов Toktosunov
Жумалиев Жумалиев Zhumaliev; Исаков Исаков Isakov; Усубалиев Усубалиев Usubaliev
Кулуев Күлүев Kuluev; Турдубаева Турдубаева Turdubaeva; Сыдыкова Сыдыкова Sydykova
Осмонов Осмонов Osmonov; Мамытов Мамытов Mamytov; Тулобердиев Төлөбердиев Tuloberdiev
Абдыкадыров Абдыкадыров Abdykadyrov; Эсенгулова Эсенгулова Esengulova
""",
    "tgk": """
Рахимов Раҳимов Rakhimov; Назаров Назаров Nazarov; Джураев Ҷӯраев Juraev
Кодиров Қодиров Kodirov; Хасанов Ҳасанов Khasanov; Шарипов Шарипов Sharipov
Сафаров Сафаров Safarov; Давлатова Давлатова Davlatova; Мирзоев Мирзоев Mirzoev
Файзуллоев Файзуллоев Faizulloev; Холов Ҳолов Kholov; Абдуллозода Абдуллозода Abdullozoda
Каримова Каримова Karimova; Норов Норов Norov; Хакимова Ҳакимова Khakimova
""",
    "tuk": """
Аннаев Annaýew Annaev; Оразов Orazow Orazov; Бердыев Berdiýew Berdyev
Атаев Ataýew Ataev; Мурадов Myradow Muradov; Хоммадова Hommadowa Khommadova
Ходжамурадов Hojamyradow Khojamuradov; Овезова Öwezowa Ovezova; Чарыев Çaryýew Charyev
Байрамов Baýramow Bayramov; Гельдыев Geldiýew Geldiev; Сапарова Saparowa Saparova
Ходжаев Hojaýew Khojaev; Курбанова Gurbanowa Kurbanova
""",
    "rus": """
Иванов Иванов Ivanov; Петрова Петрова Petrova; Смирнов Смирнов Smirnov
Кузнецов Кузнецов Kuznetsov; Попова Попова Popova; Соколов Соколов Sokolov
Лебедева Лебедева Lebedeva; Козлов Козлов Kozlov; Новиков Новиков Novikov
Морозова Морозова Morozova; Волков Волков Volkov; Семенов Семенов Semenov
Григорьева Григорьева Grigoryeva; Белов Белов Belov; Орлова Орлова Orlova
Захаров Захаров Zakharov; Медведева Медведева Medvedeva; Ковалевский Ковалевский Kovalevsky
Тарасова Тарасова Tarasova; Никитин Никитин Nikitin; Вишневская Вишневская Vishnevskaya
Павленко Павленко Pavlenko; Фомин Фомин Fomin
""",
    "intl": """
Смит Smith Smith; Джонс Jones Jones; Браун Brown Brown; Уилсон Wilson Wilson
Тейлор Taylor Taylor; Мюллер Müller Müller; Шмидт Schmidt Schmidt; Вагнер Wagner Wagner
Дюбуа Dubois Dubois; Росси Rossi Rossi; Томпсон Thompson Thompson; Накамура Nakamura Nakamura
Чэнь Chen Chen; Ковальский Kowalski Kowalski; Петерсен Petersen Petersen
Гарсия García García; Андерссон Andersson Andersson; Хофман Hofmann Hofmann
""",
}

# The first letters of forenames, by the script and spelling the initials are printed in.
INITIALS = {
    "rus": tuple("ААБВГДЕЕЖЗИКЛМННОППРССТФЭЮЯ"),
    "kaz": tuple("ААӘБҒДЕЕЖЗІҚҚМННӨРССТҰҮШЫ"),
    "kir": tuple("ААБЖЗИККММНӨРСТТҮЧЭЫ"),
    "tgk": tuple("ААБДҶЗИҚММНОРСФҲШ"),
    "uzb": ("A", "A", "B", "D", "E", "F", "G", "Gʻ", "H", "I", "J", "K", "M", "N", "O", "Oʻ", "Q",
             "R", "S", "Sh", "T", "U", "X", "Y", "Z"),
    "tuk": ("A", "A", "B", "Ç", "D", "G", "H", "J", "K", "M", "N", "O", "Ö", "R", "S", "Ş", "T",
             "Y", "Ý"),
    "eng": ("A", "B", "D", "E", "G", "I", "K", "M", "N", "O", "R", "S", "T", "U", "V", "Yu", "Zh",
             "Sh", "Kh"),
    "intl": tuple("ABCDEFGHJKLMNPRSTW"),
}  # fmt: skip


@dataclass(frozen=True)
class Surname:
    russian: str  # as Russian-language publications print it
    own: str  # as publications in the person's own language print it
    latin: str  # as English-language publications print it


def _people() -> dict[str, tuple[Surname, ...]]:
    people = {}
    for culture, text in _PEOPLE.items():
        names = []
        for line in text.split("\n"):
            for triple in filter(None, (item.strip() for item in line.split(";"))):
                russian, own, latin = triple.split()
                names.append(Surname(russian, own, latin))
        people[culture] = tuple(names)
    return people


PEOPLE = _people()


@dataclass(frozen=True)
class Body:
    key: str
    since: int
    until: int
    city: str
    country: str
    isbn: str  # ISBN prefixes as in publisher tables, "" when it publishes without
    url: str  # where it puts its publications online, with {n}; "" when unknown
    names: dict[str, tuple[str, str]]  # language → (full name, name as publisher)


# key | years | city | country | ISBN prefixes | web address of its publications
_BODIES = """
carec          | 2001-     | almaty     | -  | 9965-32 / 978-601-10
    | https://carececo.org/publications/{n}/
ifas           | 1993-     | tashkent   | -  | - | -
icwc           | 1992-     | tashkent   | -  | - | http://www.cawater-info.net/library/{n}.pdf
sic_icwc       | 1992-     | tashkent   | -  | - | http://www.cawater-info.net/library/{n}.pdf
kazhydromet    | 1993-     | almaty     | kz | - | https://www.kazhydromet.kz/ru/publications/{n}
undp_kz        | 1993-     | almaty     | kz | - | https://www.undp.org/kazakhstan/publications/{n}
unep           | 1972-     | nairobi    | -  | 92-807 / 978-92-807
    | https://wedocs.unep.org/handle/20.500.11822/{n}
osce           | 1995-     | vienna     | -  | - | https://www.osce.org/files/f/documents/{n}.pdf
unece          | 1970-     | geneva     | -  | 92-1 / 978-92-1 | https://unece.org/documents/{n}
gtz            | 1975-2010 | eschborn   | -  | - | -
giz            | 2011-     | eschborn   | -  | - | https://www.giz.de/en/downloads/{n}.pdf
fao            | 1970-     | rome       | -  | 92-5 / 978-92-5 | https://www.fao.org/documents/card/en/c/{n}
adb            | 1970-     | manila     | -  | 971-561 / 978-92-9 | https://www.adb.org/publications/{n}
world_bank     | 1970-     | washington | -  | 0-8213 / 978-1-4648
    | https://openknowledge.worldbank.org/handle/10986/{n}
zoi            | 2004-     | geneva     | -  | - | https://zoinet.org/product/{n}/
sco            | 2001-     | beijing    | -  | - | -
kz_moep        | 1999-2013 | astana     | kz | - | -
kz_megnr       | 2019-2022 | astana     | kz | - | -
kz_menr        | 2023-     | astana     | kz | - | -
uz_nature      | 1992-2016 | tashkent   | uz | - | -
uz_ecology     | 2017-2022 | tashkent   | uz | - | -
uz_ministry    | 2023-     | tashkent   | uz | - | -
kg_agency      | 2005-2020 | bishkek    | kg | - | -
kg_ministry    | 2021-     | bishkek    | kg | - | -
tj_committee   | 2008-     | dushanbe   | tj | - | -
tm_nature      | 1992-2015 | ashgabat   | tm | - | -
tm_ministry    | 2019-     | ashgabat   | tm | - | -
sanigmi        | 1970-1991 | tashkent   | uz | - | -
kaznigmi       | 1970-1991 | almaty     | kz | - | -
saniiri        | 1970-1991 | tashkent   | uz | - | -
goskomgidromet | 1978-1991 | stpb       | -  | - | -
ig_kazssr      | 1970-1991 | almaty     | kz | - | -
"""

# key | language | full name | name as publisher ("-": the full name)
_BODY_NAMES = """
carec | rus | Региональный экологический центр Центральной Азии | РЭЦЦА
carec | eng | Regional Environmental Centre for Central Asia | CAREC
carec | kaz | Орталық Азияның өңірлік экологиялық орталығы | -
carec | uzb | Markaziy Osiyo mintaqaviy ekologik markazi | -
carec | kir | Борбордук Азиянын регионалдык экологиялык борбору | -
carec | tgk | Маркази минтақавии экологии Осиёи Марказӣ | -
carec | tuk | Merkezi Aziýanyň sebit ekologiýa merkezi | -
ifas | rus | Международный фонд спасения Арала | МФСА
ifas | eng | International Fund for Saving the Aral Sea | IFAS
ifas | kaz | Аралды құтқарудың халықаралық қоры | -
ifas | uzb | Orolni qutqarish xalqaro jamgʻarmasi | -
ifas | kir | Аралды куткаруунун эл аралык фонду | -
ifas | tgk | Хазинаи байналмилалии наҷоти Арал | -
ifas | tuk | Araly halas etmegiň halkara gaznasy | -
icwc | rus | Межгосударственная координационная водохозяйственная комиссия Центральной Азии | МКВК
icwc | eng | Interstate Commission for Water Coordination of Central Asia | ICWC
sic_icwc | rus | Научно-информационный центр Межгосударственной координационной водохозяйственной
    комиссии Центральной Азии | НИЦ МКВК
sic_icwc | eng | Scientific Information Center of the Interstate Commission for Water Coordination
    of Central Asia | SIC ICWC
sic_icwc | uzb | Markaziy Osiyo davlatlararo suv xoʻjaligini muvofiqlashtirish komissiyasining
    ilmiy-axborot markazi | -
kazhydromet | rus | РГП «Казгидромет» | Казгидромет
kazhydromet | eng | Kazhydromet | -
kazhydromet | kaz | «Қазгидромет» РМК | Қазгидромет
undp_kz | rus | Программа развития ООН в Казахстане | ПРООН
undp_kz | eng | United Nations Development Programme in Kazakhstan | UNDP
undp_kz | kaz | БҰҰ Даму бағдарламасының Қазақстандағы өкілдігі | БҰҰДБ
unep | rus | Программа ООН по окружающей среде | ЮНЕП
unep | eng | United Nations Environment Programme | UNEP
osce | rus | Организация по безопасности и сотрудничеству в Европе | ОБСЕ
osce | eng | Organization for Security and Co-operation in Europe | OSCE
unece | rus | Европейская экономическая комиссия ООН | ЕЭК ООН
unece | eng | United Nations Economic Commission for Europe | UNECE
gtz | rus | Германское общество по техническому сотрудничеству (GTZ) | GTZ
gtz | eng | Deutsche Gesellschaft für Technische Zusammenarbeit (GTZ) | GTZ
giz | rus | Германское общество по международному сотрудничеству (GIZ) | GIZ
giz | eng | Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) | GIZ
fao | rus | Продовольственная и сельскохозяйственная организация ООН | ФАО
fao | eng | Food and Agriculture Organization of the United Nations | FAO
adb | rus | Азиатский банк развития | АБР
adb | eng | Asian Development Bank | ADB
world_bank | rus | Всемирный банк | -
world_bank | eng | World Bank | -
zoi | rus | Zoï Environment Network | -
zoi | eng | Zoï Environment Network | -
sco | rus | Шанхайская организация сотрудничества | ШОС
sco | eng | Shanghai Cooperation Organisation | SCO
kz_moep | rus | Министерство охраны окружающей среды Республики Казахстан | -
kz_moep | eng | Ministry of Environmental Protection of the Republic of Kazakhstan | -
kz_moep | kaz | Қазақстан Республикасы Қоршаған ортаны қорғау министрлігі | -
kz_megnr | rus | Министерство экологии, геологии и природных ресурсов Республики Казахстан | -
kz_megnr | eng | Ministry of Ecology, Geology and Natural Resources of the Republic of Kazakhstan
    | -
kz_megnr | kaz | Қазақстан Республикасы Экология, геология және табиғи ресурстар министрлігі | -
kz_menr | rus | Министерство экологии и природных ресурсов Республики Казахстан | -
kz_menr | eng | Ministry of Ecology and Natural Resources of the Republic of Kazakhstan | -
kz_menr | kaz | Қазақстан Республикасы Экология және табиғи ресурстар министрлігі | -
uz_nature | rus | Государственный комитет Республики Узбекистан по охране природы | Госкомприроды
uz_nature | eng | State Committee for Nature Protection of the Republic of Uzbekistan | -
uz_nature | uzb | Oʻzbekiston Respublikasi Tabiatni muhofaza qilish davlat qoʻmitasi | -
uz_ecology | rus | Государственный комитет Республики Узбекистан по экологии и охране окружающей
    среды | Госкомэкологии
uz_ecology | eng | State Committee of the Republic of Uzbekistan on Ecology and Environmental
    Protection | -
uz_ecology | uzb | Oʻzbekiston Respublikasi Ekologiya va atrof-muhitni muhofaza qilish davlat
    qoʻmitasi | -
uz_ministry | rus | Министерство экологии, охраны окружающей среды и изменения климата Республики
    Узбекистан | -
uz_ministry | eng | Ministry of Ecology, Environmental Protection and Climate Change of the
    Republic of Uzbekistan | -
uz_ministry | uzb | Oʻzbekiston Respublikasi Ekologiya, atrof-muhitni muhofaza qilish va iqlim
    oʻzgarishi vazirligi | -
kg_agency | rus | Государственное агентство охраны окружающей среды и лесного хозяйства при
    Правительстве Кыргызской Республики | ГАООСЛХ
kg_agency | eng | State Agency on Environmental Protection and Forestry under the Government of
    the Kyrgyz Republic | -
kg_agency | kir | Кыргыз Республикасынын Өкмөтүнө караштуу Айлана-чөйрөнү коргоо жана токой
    чарбасы мамлекеттик агенттиги | -
kg_ministry | rus | Министерство природных ресурсов, экологии и технического надзора Кыргызской
    Республики | МПРЭТН
kg_ministry | eng | Ministry of Natural Resources, Ecology and Technical Supervision of the Kyrgyz
    Republic | -
kg_ministry | kir | Кыргыз Республикасынын Жаратылыш ресурстары, экология жана техникалык
    көзөмөл министрлиги | -
tj_committee | rus | Комитет по охране окружающей среды при Правительстве Республики Таджикистан
    | -
tj_committee | eng | Committee for Environmental Protection under the Government of the Republic
    of Tajikistan | -
tj_committee | tgk | Кумитаи ҳифзи муҳити зисти назди Ҳукумати Ҷумҳурии Тоҷикистон | -
tm_nature | rus | Министерство охраны природы Туркменистана | -
tm_nature | eng | Ministry of Nature Protection of Turkmenistan | -
tm_nature | tuk | Türkmenistanyň Tebigaty goramak ministrligi | -
tm_ministry | rus | Министерство сельского хозяйства и охраны окружающей среды Туркменистана | -
tm_ministry | eng | Ministry of Agriculture and Environmental Protection of Turkmenistan | -
tm_ministry | tuk | Türkmenistanyň Oba hojalyk we daşky gurşawy goramak ministrligi | -
sanigmi | rus | Среднеазиатский региональный научно-исследовательский гидрометеорологический
    институт | САНИГМИ
kaznigmi | rus | Казахский научно-исследовательский гидрометеорологический институт | КазНИГМИ
saniiri | rus | Среднеазиатский научно-исследовательский институт ирригации | САНИИРИ
goskomgidromet | rus | Государственный комитет СССР по гидрометеорологии и контролю природной
    среды | Гидрометеоиздат
ig_kazssr | rus | Институт географии АН КазССР | Наука КазССР
"""


@dataclass(frozen=True)
class Publisher:
    language: str
    city: str
    since: int
    until: int
    isbn: str
    kinds: str  # b: books and proceedings, m: maps
    name: str


# language | city | years | ISBN prefixes (before 2007 / from 2007) | kinds | name
_PUBLISHERS = """
rus | almaty | 1970-1989 | 5-628 | bm | Наука КазССР
rus | almaty | 1990- | 5-628 / 978-601-05 | b | Ғылым
rus | almaty | 1970-1999 | 5-615 | b | Казахстан
rus | almaty | 1970-2005 | 5-620 | b | Кайнар
rus | almaty | 2000- | 9965-26 / 978-601-08 | b | Экономика
rus | almaty | 1992- | 9965-29 / 978-601-04 | b | Қазақ университеті
rus | almaty | 1992- | 9965-13 / 978-601-11 | m | Институт географии
rus | astana | 2000- | 9965-35 / 978-601-09 | b | Фолиант
rus | tashkent | 1970- | 5-648 / 978-9943-1 | b | Фан
rus | tashkent | 1970-1991 | 5-640 | b | Узбекистан
rus | tashkent | 1992- | 5-640 / 978-9943-0 | b | Ўзбекистон
rus | tashkent | 1995-2012 | 5-8244 / 978-9943-2 | b | Chinor ENK
rus | bishkek | 1970- | 5-8355 / 978-9967-1 | b | Илим
rus | bishkek | 1970-2005 | 5-655 | b | Кыргызстан
rus | dushanbe | 1970- | 5-8367 / 978-99947 | b | Дониш
rus | dushanbe | 1970-2010 | 5-667 / 978-99975-2 | b | Ирфон
rus | ashgabat | 1970-2012 | 5-8377 | b | Ылым
rus | moscow | 1970- | 5-02 | b | Наука
rus | moscow | 1970-2005 | 5-244 | b | Мысль
rus | stpb | 1970-2003 | 5-286 | b | Гидрометеоиздат
rus | moscow | 1970- | 5-211 | b | Издательство Московского университета
rus | moscow | 1970-2010 | 5-03 | b | Мир
rus | moscow | 1970-1991 | - | m | ГУГК СССР
rus | moscow | 1992-2010 | 5-85120 | m | Роскартография
kaz | almaty | 1970- | 5-620 / 978-601-03 | b | Қайнар
kaz | almaty | 1990- | 5-628 / 978-601-05 | b | Ғылым
kaz | almaty | 1992- | 5-7667 / 978-601-06 | b | Атамұра
kaz | almaty | 1970- | 5-625 / 978-601-07 | b | Мектеп
kaz | almaty | 1992- | 9965-29 / 978-601-04 | b | Қазақ университеті
kaz | almaty | 1992- | 9965-13 / 978-601-11 | m | География институты
kaz | astana | 2000- | 9965-35 / 978-601-09 | b | Фолиант
uzb | tashkent | 1996- | 5-648 / 978-9943-1 | b | Fan
uzb | tashkent | 1996- | 5-640 / 978-9943-0 | b | Oʻzbekiston
uzb | tashkent | 1996-2012 | 5-8244 / 978-9943-2 | b | Chinor ENK
uzb | tashkent | 1996- | 5-8250 / 978-9943-3 | b | Sharq
uzb | tashkent | 1996- | 5-645 / 978-9943-4 | b | Oʻqituvchi
kir | bishkek | 1970- | 5-8355 / 978-9967-1 | b | Илим
kir | bishkek | 1970-2005 | 5-655 | b | Кыргызстан
kir | bishkek | 1970- | 5-658 / 978-9967-2 | b | Мектеп
tgk | dushanbe | 1970- | 5-8367 / 978-99947 | b | Дониш
tgk | dushanbe | 1970-2010 | 5-667 / 978-99975-2 | b | Ирфон
tgk | dushanbe | 1970- | 5-8366 / 978-99975-0 | b | Маориф
tuk | ashgabat | 1996- | - | b | Ylym
tuk | ashgabat | 2000- | - | b | Türkmen döwlet neşirýat gullugy
eng | oxford | 1970- | 0-19 | b | Oxford University Press
eng | cambridge | 1970- | 0-521 / 978-1-107 | b | Cambridge University Press
eng | london | 1990- | 0-415 / 978-1-138 | b | Routledge
eng | berlin | 1970-2004 | 3-540 | b | Springer-Verlag
eng | dordrecht | 1990-2004 | 0-7923 | b | Kluwer Academic Publishers
eng | dordrecht | 2005-2013 | 1-4020 / 978-94-007 | b | Springer
eng | cham | 2014-2018 | 978-3-319 | b | Springer
eng | cham | 2019- | 978-3-030 | b | Springer
eng | washington | 1970- | 0-8213 / 978-1-4648 | b | World Bank
eng | newyork | 1970- | 92-1 / 978-92-1 | b | United Nations
eng | almaty | 2001- | 9965-32 / 978-601-10 | b | CAREC
eng | geneva | 2004- | - | bm | Zoï Environment Network
eng | arendal | 1990- | 82-7701 / 978-82-7701 | m | GRID-Arendal
"""


@dataclass(frozen=True)
class Journal:
    language: str
    since: int
    until: int
    issn: str
    city: str
    publisher: str
    doi: str  # template for its DOIs, "" when it has none
    title: str


# language | years | ISSN | city | publisher | DOI template | title
_JOURNALS = """
rus | 1995- | 1561-4212 | almaty | Казгидромет | - | Гидрометеорология и экология
kaz | 1995- | 1561-4212 | almaty | Қазгидромет | - | Гидрометеорология және экология
rus | 1996- | 1563-034X | almaty | Қазақ университеті | - | Вестник КазНУ. Серия экологическая
kaz | 1996- | 1563-034X | almaty | Қазақ университеті | - | ҚазҰУ хабаршысы. Экология сериясы
rus | 1970- | 0032-9428 | ashgabat | Ылым | - | Проблемы освоения пустынь
tuk | 1996- | 0032-9428 | ashgabat | Ylym | - | Çölleri özleşdirmegiň problemalary
rus | 2012- | 2224-5278 | almaty | НАН РК | - | Известия НАН РК. Серия геологии и технических
    наук
kaz | 2012- | 2224-5278 | almaty | ҚР ҰҒА | - | Қазақстан Республикасы Ұлттық ғылым
    академиясының хабарлары. Геология және техникалық ғылымдар сериясы
rus | 1970- | 0042-1685 | tashkent | Фан | - | Узбекский биологический журнал
uzb | 1996- | 0042-1685 | tashkent | Fan | - | Oʻzbekiston biologiya jurnali
rus | 1972- | 0321-0596 | moscow | Наука | - | Водные ресурсы
rus | 1970-1992 | 0373-2444 | moscow | Наука | - | Известия АН СССР. Серия географическая
rus | 1993- | 0373-2444 | moscow | Наука | - | Известия РАН. Серия географическая
rus | 1995- | 1993-3916 | moscow | Товарищество научных изданий КМК | - | Аридные экосистемы
rus | 2008- | 2307-8669 | almaty | Институт географии | - | Вопросы географии и геоэкологии
rus | 1992- | 0002-3477 | dushanbe | Дониш | - | Доклады Академии наук Республики Таджикистан
rus | 1992- | 1694-7231 | bishkek | Илим | - | Известия Национальной академии наук Кыргызской
    Республики
kir | 1992- | 1694-7231 | bishkek | Илим | - | Кыргыз Республикасынын Улуттук илимдер
    академиясынын кабарлары
kir | 2000- | 1694-8769 | bishkek | КУУ | - | Ж. Баласагын атындагы КУУнун жарчысы
tgk | 1992- | 1680-0850 | dushanbe | Дониш | - | Ахбори Академияи илмҳои Ҷумҳурии Тоҷикистон
tgk | 2000- | 1995-7394 | dushanbe | Сино | - | Паёми Донишгоҳи миллии Тоҷикистон
uzb | 1996- | 2181-0362 | tashkent | Oʻzbekiston | - | Ekologiya xabarnomasi
uzb | 2015- | 2181-8274 | tashkent | TIQXMMI | - | Irrigatsiya va melioratsiya
tuk | 1996- | 2010-7277 | ashgabat | Ylym | - | Türkmenistanda ylym we tehnika
eng | 1978- | 0140-1963 | london | Elsevier | 10.1016/j.jaridenv.{year}.{m2}.{n3}
    | Journal of Arid Environments
eng | 1975- | 0250-8060 | london | Taylor & Francis | 10.1080/02508060.{year}.{n7} | Water
    International
eng | 1972- | 0048-9697 | amsterdam | Elsevier | 10.1016/j.scitotenv.{year}.{n6} | Science of
    the Total Environment
eng | 1970- | 0022-1694 | amsterdam | Elsevier | 10.1016/j.jhydrol.{year}.{n6} | Journal of
    Hydrology
eng | 1982- | 0263-4937 | london | Taylor & Francis | 10.1080/02634937.{year}.{n7} | Central
    Asian Survey
eng | 2009- | 1866-6280 | berlin | Springer | 10.1007/s12665-{y3}-{n4}-{d1} | Environmental
    Earth Sciences
eng | 2009- | 2073-4441 | basel | MDPI | 10.3390/w{v2}{i2}{n4} | Water
eng | 2009- | 2071-1050 | basel | MDPI | 10.3390/su{v2}{i2}{n4} | Sustainability
eng | 2015- | 2522-9060 | almaty | Kazakh-German University
    | 10.29258/cajwr/{year}-r1.v{v}-{i}/{n4}.eng
    | Central Asian Journal of Water Research
"""


@dataclass(frozen=True)
class Standard:
    language: str
    year: int
    topic: str
    designation: str
    title: str


# language | year | topic | designation | title
_STANDARDS = """
rus | 1976 | monitoring | ГОСТ 17.0.0.01-76 | Система стандартов в области охраны природы и
    улучшения использования природных ресурсов. Основные положения
rus | 1980 | pollution | ГОСТ 17.1.5.01-80 | Охрана природы. Гидросфера. Общие требования к отбору
    проб донных отложений водных объектов для анализа на загрязненность
rus | 1982 | pollution | ГОСТ 2874-82 | Вода питьевая. Гигиенические требования и контроль за
    качеством
rus | 1983 | land | ГОСТ 17.4.3.01-83 | Охрана природы. Почвы. Общие требования к отбору проб
rus | 1983 | land | ГОСТ 17.5.3.04-83 | Охрана природы. Земли. Общие требования к рекультивации
    земель
rus | 1986 | pollution | ГОСТ 17.1.3.13-86 | Охрана природы. Гидросфера. Общие требования к охране
    поверхностных вод от загрязнения
rus | 1986 | air | ГОСТ 17.2.3.01-86 | Охрана природы. Атмосфера. Правила контроля качества
    воздуха населенных пунктов
rus | 1986 | ecostate | ГОСТ 17.8.1.01-86 | Охрана природы. Ландшафты. Термины и определения
rus | 2007 | monitoring | ГОСТ Р ИСО 14001-2007 | Системы экологического менеджмента. Требования
    и руководство по применению
rus | 2012 | pollution | ГОСТ 31861-2012 | Вода. Общие требования к отбору проб
rus | 2016 | monitoring | СТ РК ISO 14001-2016 | Системы экологического менеджмента. Требования и
    руководство по применению
eng | 2004 | monitoring | ISO 14001:2004 | Environmental management systems – Requirements with
    guidance for use
eng | 2006 | sustainable | ISO 14040:2006 | Environmental management – Life cycle assessment –
    Principles and framework
eng | 2006 | pollution | ISO 5667-1:2006 | Water quality – Sampling – Part 1: Guidance on the
    design of sampling programmes and sampling techniques
eng | 2015 | monitoring | ISO 14001:2015 | Environmental management systems – Requirements with
    guidance for use
eng | 2018 | climate | ISO 14064-1:2018 | Greenhouse gases – Part 1: Specification with guidance
    at the organization level for quantification and reporting of greenhouse gas emissions and
    removals
"""

# designation prefix | city | years of print | publisher
_STANDARD_PUBLISHERS = """
ГОСТ | moscow | 1970-2004 | Издательство стандартов
ГОСТ | moscow | 2005-2020 | Стандартинформ
ГОСТ | moscow | 2021- | Российский институт стандартизации
СТ РК | astana | 1992- | Комитет технического регулирования и метрологии
ISO | geneva | 1970- | ISO
"""


@dataclass(frozen=True)
class Project:
    since: int
    until: int
    funders: tuple[str, ...]
    names: dict[str, str]  # rus, eng


# years | funders | Russian name | English name
_PROJECTS = """
1994-2010 | world_bank | Программа бассейна Аральского моря | Aral Sea Basin Program
2001-2006 | adb; unep | Региональный план действий по охране окружающей среды в Центральной Азии
    | Regional Environmental Action Plan for Central Asia
2003-2016 | osce; undp; unep | Инициатива «Окружающая среда и безопасность» (ENVSEC)
    | Environment and Security Initiative (ENVSEC)
2009-2015 | eu; giz | FLERMONECA | FLERMONECA
2009-2020 | germany; giz | Трансграничное управление водными ресурсами в Центральной Азии
    | Transboundary Water Management in Central Asia
2009-2024 | world_bank; eu; switzerland | Центральноазиатская программа по водным и
    энергетическим ресурсам (CAWEP) | Central Asia Water and Energy Program (CAWEP)
2015-2020 | usaid | Умные воды | Smart Waters
2016-2022 | eu | Диалог по нексусу в Центральной Азии | Central Asia Nexus Dialogue project
2016-2023 | world_bank | Программа по адаптации к изменению климата и смягчению его последствий
    для бассейна Аральского моря (CAMP4ASB) | Climate Adaptation and Mitigation Program for the
    Aral Sea Basin (CAMP4ASB)
2017-2026 | switzerland | Голубой мир в Центральной Азии | Blue Peace Central Asia
2018-2023 | eu | WECOOP | EU–Central Asia Water, Environment and Climate Change Cooperation
    (WECOOP)
2020-2026 | germany; giz | Зеленая Центральная Азия | Green Central Asia
"""

# key | Russian | English
_FUNDERS = """
eu | Европейский союз | European Union
usaid | Агентство США по международному развитию (USAID) | United States Agency for
    International Development (USAID)
germany | Министерство иностранных дел Германии | German Federal Foreign Office
giz | GIZ | GIZ
world_bank | Всемирный банк | World Bank
switzerland | Швейцарское управление по развитию и сотрудничеству | Swiss Agency for Development
    and Cooperation
osce | ОБСЕ | OSCE
undp | ПРООН | UNDP
unep | ЮНЕП | UNEP
adb | Азиатский банк развития | Asian Development Bank
"""


@dataclass(frozen=True)
class SeriesTitle:
    language: str
    since: int
    until: int
    numbered: bool
    title: str


# language | years | numbered | title
_SERIES = """
rus | 1970-1991 | yes | Труды САНИГМИ
rus | 1970-1991 | yes | Труды КазНИГМИ
rus | 1970- | no | Библиотека эколога
rus | 1970- | no | Природа Казахстана
rus | 1992- | yes | Экологическая безопасность Центральной Азии
rus | 2001- | yes | Библиотека РЭЦЦА
eng | 2004- | yes | Environmental Science and Engineering
eng | 2015- | no | Springer Water
eng | 1970-2008 | yes | World Bank Technical Paper
eng | 1980-2010 | yes | UNEP Regional Seas Reports and Studies
eng | 1990- | yes | FAO Land and Water Development Series
kaz | 1970- | no | Эколог кітапханасы
kaz | 1992- | yes | Қазақстан табиғаты
uzb | 1996- | no | Ekolog kutubxonasi
uzb | 1996- | yes | Oʻzbekiston tabiati
kir | 1970- | no | Эколог китепканасы
kir | 1992- | yes | Кыргызстандын жаратылышы
tgk | 1970- | no | Китобхонаи эколог
tgk | 1992- | yes | Табиати Тоҷикистон
tuk | 1996- | no | Ekologyň kitaphanasy
tuk | 1996- | yes | Türkmenistanyň tebigaty
"""


def _bodies() -> dict[str, Body]:
    names: dict[str, dict[str, tuple[str, str]]] = {}
    for key, language, full, short in parse_table(_BODY_NAMES, 4):
        names.setdefault(key, {})[language] = (full, full if short == "-" else short)
    bodies = {}
    for key, years, city, country, isbn, url in parse_table(_BODIES, 6):
        since, until = years_of(years)
        bodies[key] = Body(
            key, since, until, city, _optional(country), _optional(isbn), _optional(url), names[key]
        )
    return bodies


def _publishers() -> tuple[Publisher, ...]:
    rows = parse_table(_PUBLISHERS, 6)
    return tuple(
        Publisher(language, city, *years_of(years), _optional(isbn), kinds, name)
        for language, city, years, isbn, kinds, name in rows
    )


def _journals() -> tuple[Journal, ...]:
    rows = parse_table(_JOURNALS, 7)
    return tuple(
        Journal(language, *years_of(years), issn, city, publisher, _optional(doi), title)
        for language, years, issn, city, publisher, doi, title in rows
    )


BODIES = _bodies()
PUBLISHERS = _publishers()
JOURNALS = _journals()
STANDARDS = tuple(
    Standard(language, int(year), topic, designation, title)
    for language, year, topic, designation, title in parse_table(_STANDARDS, 5)
)
STANDARD_PUBLISHERS = tuple(
    (prefix, city, *years_of(years), name)
    for prefix, city, years, name in parse_table(_STANDARD_PUBLISHERS, 4)
)
FUNDERS = {key: {"rus": rus, "eng": eng} for key, rus, eng in parse_table(_FUNDERS, 3)}
PROJECTS = tuple(
    Project(*years_of(years), split_list(funders), {"rus": rus, "eng": eng})
    for years, funders, rus, eng in parse_table(_PROJECTS, 4)
)
SERIES = tuple(
    SeriesTitle(language, *years_of(years), numbered == "yes", title)
    for language, years, numbered, title in parse_table(_SERIES, 4)
)
