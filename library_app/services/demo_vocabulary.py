"""Common words of the demo collection in its seven languages: topics, title frames, phrases.

The tables are written as a glossary, one language at a time, so that a speaker can review
Kazakh or Tajik without reading Python.  Titles and summaries are assembled from pre-inflected
pieces (a Russian genitive, a Kazakh possessive, a Tajik izofat form) rather than inflected by
code: hand-written forms stay grammatical, rule-based inflection of seven languages would not.
Everything is parsed once at import and cross-checked, so a missing form fails loudly there
instead of producing a broken title somewhere in record 7,341.
"""

from __future__ import annotations

from dataclasses import dataclass

from library_app.services.demo_phrases import PHRASES

LANGUAGE_ORDER = ("rus", "eng", "kaz", "uzb", "kir", "tgk", "tuk")


def parse_table(text: str, columns: int) -> list[tuple[str, ...]]:
    """Rows of a ``a | b | c`` table; an indented line continues the line above it."""
    lines: list[str] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw[0].isspace() and lines:
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.strip())
    rows = []
    for line in lines:
        fields = tuple(field.strip() for field in line.split(" | "))
        if len(fields) != columns or not all(fields):
            raise ValueError(f"expected {columns} non-empty fields: {line!r}")
        rows.append(fields)
    return rows


def split_list(field: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in field.split(";"))


@dataclass(frozen=True)
class TopicWords:
    heading: str  # subject heading
    base: str  # the topic as it stands in a title, lower-case unless a name
    linked: str  # the form the {L} slot needs (genitive, possessive, izofat); "" when none fits
    keywords: tuple[str, ...]
    phrases: tuple[str, ...]  # ready noun phrases about the topic


@dataclass(frozen=True)
class Topic:
    key: str
    local_class: str
    udc: tuple[str, ...]
    bbk: tuple[str, ...]
    region_tags: frozenset[str]  # the kinds of place one writes about on this topic
    since: int  # first year the topic is plausible in print
    mappable: bool
    weight: int
    skip_frames: frozenset[str]  # frames that read badly with this topic
    words: dict[str, TopicWords]


# key | local class | UDC | BBK | kinds of place | since | map | weight | frames to skip
_TOPIC_META = """
water       | WR | 556.18; 556.5 | 26.22; 26.222 | region water mountain valley country province
    | 1970 | map | 6 | -
desert      | DS | 502.521; 631.459 | 20.1; 26.82 | region dryland desert country | 1970 | map
    | 3 | -
climate     | CC | 551.583; 551.58 | 26.23; 26.237
    | region mountain water desert valley country city | 1988 | - | 4 | -
biodiv      | BD | 574.1; 502.74 | 28.088; 20.1 | region water mountain desert country | 1985
    | map | 3 | -
glaciers    | GL | 551.32; 551.324 | 26.222.8 | region mountain | 1970 | map | 2 | -
air         | AQ | 504.3.054 | 20.18; 26.233 | region city country province | 1975 | - | 2 | -
waste       | WM | 628.4; 504.5 | 38.761; 20.18 | region city country province | 1985 | - | 2 | -
law         | EL | 349.6 | 67.407 | region country | 1992 | - | 2 | -
ecotourism  | ET | 338.48; 379.85 | 75.81 | region mountain water country desert | 1995 | - | 1 | -
energy      | RE | 620.9; 621.311.24 | 31.15 | region country province city | 1990 | - | 2 | -
land        | LD | 631.4; 631.459 | 40.3; 26.82 | region dryland valley country province site
    | 1970 | map | 3 | -
education   | EE | 37.033; 502/504:37 | 74.200.524 | region country city province | 1980 | - | 1 | -
ecostate    | ES | 502/504; 504.06 | 20.1
    | region water dryland mountain desert valley site province city | 1970 | map | 4
    | current_state
pollution   | WQ | 504.4.054; 628.1 | 26.22; 20.18 | water city province valley | 1970 | map | 2 | -
irrigation  | IR | 631.6; 631.67 | 40.62 | valley water dryland country province | 1970 | map | 2
    | -
protected   | PA | 502.4 | 20.18; 28.088 | region mountain water desert country | 1970 | map | 2 | -
radiation   | RD | 504.5:539.16; 614.876 | 20.1; 28.071 | site nuclear | 1990 | map | 1
    | current_state
hazards     | NH | 551.311.8; 502.58 | 26.22; 26.3 | mountain city country region | 1970 | map
    | 2 | -
sustainable | SD | 502.131.1 | 20.1; 65.28 | region country province city water | 1992 | - | 3 | -
nexus       | NX | 502.131.1:556 | 20.1; 26.22 | region water country | 2011 | - | 2
    | topic_of_region current_state prospects
monitoring  | MN | 504.064 | 20.18 | region water mountain city country province site | 1975 | -
    | 2 | -
"""

# key | title form | {L} form | keywords | phrases
_TOPIC_WORDS = {
    "rus": """
water | водные ресурсы | водных ресурсов | водопользование; водный баланс; трансграничные реки
    | интегрированное управление водными ресурсами; трансграничное водное сотрудничество
desert | опустынивание | опустынивания | засуха; аридные земли; деградация пастбищ
    | борьба с опустыниванием
climate | изменение климата | изменения климата | адаптация; парниковые газы; температура воздуха
    | адаптация к изменению климата; снижение выбросов парниковых газов
biodiv | биологическое разнообразие | биологического разнообразия | флора; фауна; редкие виды;
    Красная книга | сохранение биоразнообразия
glaciers | ледники | ледников | оледенение; снежный покров; сток рек
    | сокращение площади оледенения
air | качество атмосферного воздуха | качества атмосферного воздуха | загрязнение атмосферы;
    выбросы; смог | загрязнение атмосферного воздуха
waste | управление отходами | управления отходами | твердые бытовые отходы; полигоны; переработка
    отходов | обращение с твердыми бытовыми отходами
law | экологическое законодательство | экологического законодательства | Экологический кодекс;
    Орхусская конвенция; нормативные правовые акты | правовое регулирование охраны окружающей среды
ecotourism | экологический туризм | экологического туризма | охраняемые территории; туристские
    маршруты; местные сообщества | развитие экотуризма
energy | возобновляемые источники энергии | возобновляемых источников энергии | солнечная энергия;
    ветроэнергетика; малые ГЭС | энергоэффективность и возобновляемая энергетика
land | деградация земель | деградации земель | эрозия почв; засоление; пастбища
    | устойчивое управление земельными ресурсами
education | экологическое образование | экологического образования | просвещение; школы;
    образование для устойчивого развития | образование в интересах устойчивого развития
ecostate | экологическая обстановка | экологической обстановки | окружающая среда; антропогенная
    нагрузка; экологический кризис | экологические проблемы
pollution | качество поверхностных вод | качества поверхностных вод | загрязнение вод; гидрохимия;
    питьевая вода | загрязнение водных объектов
irrigation | орошаемое земледелие | орошаемого земледелия | ирригация; засоление почв;
    водосбережение | повышение эффективности орошения
protected | особо охраняемые природные территории | особо охраняемых природных территорий
    | заповедники; национальные парки; охрана природы | развитие сети заповедников
radiation | радиационная обстановка | радиационной обстановки | радионуклиды; радиоэкология;
    здоровье населения | радиоэкологические исследования
hazards | опасные природные явления | опасных природных явлений | сели; паводки; оползни
    | снижение риска стихийных бедствий
sustainable | устойчивое развитие | устойчивого развития | зеленая экономика; индикаторы;
    природопользование | переход к зеленой экономике
nexus | взаимосвязь «вода – энергия – продовольствие» | взаимосвязи «вода – энергия –
    продовольствие» | нексус; межсекторальное сотрудничество; водная безопасность
    | межсекторальное сотрудничество в сфере водных и энергетических ресурсов
monitoring | экологический мониторинг | экологического мониторинга | наблюдательная сеть;
    дистанционное зондирование | обмен экологической информацией
""",
    "eng": """
water | water resources | water resources | water use; water balance; transboundary rivers
    | integrated water resources management; transboundary water cooperation
desert | desertification | desertification | drought; drylands; rangeland degradation
    | combating desertification
climate | climate change | climate change | adaptation; greenhouse gases; air temperature
    | adaptation to climate change; reducing greenhouse gas emissions
biodiv | biodiversity | biodiversity | flora; fauna; endangered species; Red Data Book
    | biodiversity conservation
glaciers | glaciers | glaciers | glaciation; snow cover; river runoff | glacier retreat
air | air quality | air quality | air pollution; emissions; smog | urban air pollution
waste | waste management | waste management | municipal solid waste; landfills; recycling
    | solid waste management
law | environmental legislation | environmental legislation | Environmental Code; Aarhus
    Convention; regulations | environmental governance
ecotourism | ecotourism | ecotourism | protected areas; tourist routes; local communities
    | community-based ecotourism
energy | renewable energy | renewable energy | solar energy; wind power; small hydropower
    | energy efficiency and renewable energy
land | land degradation | land degradation | soil erosion; salinization; pastures
    | sustainable land management
education | environmental education | environmental education | public awareness; schools;
    education for sustainable development | education for sustainable development
ecostate | environmental situation | the environmental situation | environment; anthropogenic
    pressure; ecological crisis | environmental problems
pollution | surface water quality | surface water quality | water pollution; hydrochemistry;
    drinking water | water pollution control
irrigation | irrigated agriculture | irrigated agriculture | irrigation; soil salinity; water
    saving | improving irrigation efficiency
protected | protected areas | protected areas | nature reserves; national parks; nature
    conservation | protected area management
radiation | radiation situation | the radiation situation | radionuclides; radioecology; public
    health | radioecological studies
hazards | natural hazards | natural hazards | mudflows; floods; landslides
    | disaster risk reduction
sustainable | sustainable development | sustainable development | green economy; indicators;
    natural resource use | transition to a green economy
nexus | water–energy–food nexus | the water–energy–food nexus | nexus; cross-sectoral cooperation;
    water security | cross-sectoral cooperation on water and energy
monitoring | environmental monitoring | environmental monitoring | monitoring network; remote
    sensing | environmental information exchange
""",
    "kaz": """
water | су ресурстары | су ресурстары | су пайдалану; су балансы; трансшекаралық өзендер
    | су ресурстарын кешенді басқару; трансшекаралық су ынтымақтастығы
desert | шөлейттену | шөлейттенуі | құрғақшылық; құрғақ жерлер; жайылымдардың тозуы
    | шөлейттенуге қарсы күрес
climate | климаттың өзгеруі | климаттық өзгерістері | бейімделу; парниктік газдар; ауа
    температурасы | климаттың өзгеруіне бейімделу; парниктік газдар шығарындыларын азайту
biodiv | биологиялық әртүрлілік | биологиялық әртүрлілігі | флора; фауна; сирек кездесетін
    түрлер; Қызыл кітап | биоәртүрлілікті сақтау
glaciers | мұздықтар | мұздықтары | мұз басу; қар жамылғысы; өзен ағындысы
    | мұздықтардың қысқаруы
air | атмосфералық ауаның сапасы | атмосфералық ауасының сапасы | ауаның ластануы;
    шығарындылар; түтінді тұман | атмосфералық ауаның ластануы
waste | қалдықтарды басқару | қалдықтарды басқару жүйесі | қатты тұрмыстық қалдықтар;
    полигондар; қалдықтарды қайта өңдеу | қатты тұрмыстық қалдықтарды басқару
law | экологиялық заңнама | экологиялық заңнамасы | Экологиялық кодекс; Орхус конвенциясы;
    нормативтік құқықтық актілер | қоршаған ортаны қорғауды құқықтық реттеу
ecotourism | экологиялық туризм | экологиялық туризмі | қорғалатын аумақтар; туристік
    маршруттар; жергілікті қауымдастықтар | экотуризмді дамыту
energy | жаңартылатын энергия көздері | жаңартылатын энергия көздері | күн энергиясы; жел
    энергетикасы; шағын СЭС | энергия тиімділігі және жаңартылатын энергетика
land | жердің тозуы | жерлерінің тозуы | топырақ эрозиясы; тұздану; жайылымдар
    | жер ресурстарын тұрақты басқару
education | экологиялық білім беру | экологиялық білім беру жүйесі | ағарту; мектептер;
    тұрақты даму үшін білім беру | тұрақты даму мүддесіндегі білім беру
ecostate | экологиялық жағдай | экологиялық жағдайы | қоршаған орта; антропогендік жүктеме;
    экологиялық дағдарыс | экологиялық проблемалар
pollution | жер үсті суларының сапасы | жер үсті суларының сапасы | судың ластануы;
    гидрохимия; ауыз су | су объектілерінің ластануы
irrigation | суармалы егіншілік | суармалы егіншілігі | ирригация; топырақтың тұздануы; су
    үнемдеу | суарудың тиімділігін арттыру
protected | ерекше қорғалатын табиғи аумақтар | ерекше қорғалатын табиғи аумақтары | қорықтар;
    ұлттық саябақтар; табиғатты қорғау | қорықтар желісін дамыту
radiation | радиациялық жағдай | радиациялық жағдайы | радионуклидтер; радиоэкология; халық
    денсаулығы | радиоэкологиялық зерттеулер
hazards | қауіпті табиғи құбылыстар | қауіпті табиғи құбылыстары | сел; су тасқыны; көшкін
    | табиғи апаттар қаупін азайту
sustainable | тұрақты даму | тұрақты дамуы | жасыл экономика; индикаторлар; табиғатты
    пайдалану | жасыл экономикаға көшу
nexus | «су – энергия – азық-түлік» өзара байланысы | «су – энергия – азық-түлік» өзара
    байланысы | нексус; сектораралық ынтымақтастық; су қауіпсіздігі
    | су және энергетика саласындағы сектораралық ынтымақтастық
monitoring | экологиялық мониторинг | экологиялық мониторингі | бақылау желісі; қашықтықтан
    зондтау | экологиялық ақпарат алмасу
""",
    "uzb": """
water | suv resurslari | suv resurslari | suvdan foydalanish; suv balansi; transchegaraviy
    daryolar | suv resurslarini integratsiyalashgan boshqarish; transchegaraviy suv hamkorligi
desert | choʻllanish | choʻllanishi | qurgʻoqchilik; qurgʻoqchil yerlar; yaylovlar degradatsiyasi
    | choʻllanishga qarshi kurash
climate | iqlim oʻzgarishi | iqlim oʻzgarishi | moslashish; issiqxona gazlari; havo harorati
    | iqlim oʻzgarishiga moslashish; issiqxona gazlari chiqindilarini kamaytirish
biodiv | biologik xilma-xillik | biologik xilma-xilligi | flora; fauna; noyob turlar; Qizil
    kitob | biologik xilma-xillikni saqlash
glaciers | muzliklar | muzliklari | muzlanish; qor qoplami; daryo oqimi
    | muzliklarning qisqarishi
air | atmosfera havosi sifati | atmosfera havosi sifati | havoning ifloslanishi; chiqindilar;
    smog | atmosfera havosining ifloslanishi
waste | chiqindilarni boshqarish | chiqindilarni boshqarish tizimi | qattiq maishiy chiqindilar;
    poligonlar; qayta ishlash | qattiq maishiy chiqindilarni boshqarish
law | ekologik qonunchilik | ekologik qonunchiligi | Ekologik kodeks; Orhus konvensiyasi;
    normativ-huquqiy hujjatlar | atrof-muhitni muhofaza qilishni huquqiy tartibga solish
ecotourism | ekologik turizm | ekologik turizmi | muhofaza etiladigan hududlar; turistik
    yoʻnalishlar; mahalliy jamoalar | ekoturizmni rivojlantirish
energy | qayta tiklanuvchi energiya manbalari | qayta tiklanuvchi energiya manbalari | quyosh
    energiyasi; shamol energetikasi; kichik GES | energiya samaradorligi va qayta tiklanuvchi
    energetika
land | yerlar degradatsiyasi | yerlarining degradatsiyasi | tuproq eroziyasi; shoʻrlanish;
    yaylovlar | yer resurslarini barqaror boshqarish
education | ekologik taʼlim | ekologik taʼlim tizimi | maʼrifat; maktablar; barqaror
    rivojlanish uchun taʼlim | barqaror rivojlanish uchun taʼlim
ecostate | ekologik holat | ekologik holati | atrof-muhit; antropogen yuklama; ekologik
    inqiroz | ekologik muammolar
pollution | yer usti suvlarining sifati | yer usti suvlarining sifati | suvning ifloslanishi;
    gidrokimyo; ichimlik suvi | suv obyektlarining ifloslanishi
irrigation | sugʻoriladigan dehqonchilik | sugʻoriladigan dehqonchiligi | irrigatsiya; tuproq
    shoʻrlanishi; suvni tejash | sugʻorish samaradorligini oshirish
protected | alohida muhofaza etiladigan tabiiy hududlar | alohida muhofaza etiladigan tabiiy
    hududlari | qoʻriqxonalar; milliy bogʻlar; tabiatni muhofaza qilish
    | qoʻriqxonalar tarmogʻini rivojlantirish
radiation | radiatsion holat | radiatsion holati | radionuklidlar; radioekologiya; aholi
    salomatligi | radioekologik tadqiqotlar
hazards | xavfli tabiiy hodisalar | xavfli tabiiy hodisalari | sellar; toshqinlar; surilmalar
    | tabiiy ofatlar xavfini kamaytirish
sustainable | barqaror rivojlanish | barqaror rivojlanishi | yashil iqtisodiyot; indikatorlar;
    tabiatdan foydalanish | yashil iqtisodiyotga oʻtish
nexus | «suv – energiya – oziq-ovqat» oʻzaro bogʻliqligi | «suv – energiya – oziq-ovqat»
    oʻzaro bogʻliqligi | neksus; tarmoqlararo hamkorlik; suv xavfsizligi
    | suv va energetika sohasidagi tarmoqlararo hamkorlik
monitoring | ekologik monitoring | ekologik monitoringi | kuzatuv tarmogʻi; masofaviy
    zondlash | ekologik axborot almashinuvi
""",
    "kir": """
water | суу ресурстары | суу ресурстары | суу пайдалануу; суу балансы; трансчегаралык
    дарыялар | суу ресурстарын интеграцияланган башкаруу; трансчегаралык суу кызматташтыгы
desert | чөлгө айлануу | чөлгө айлануусу | кургакчылык; кургак жерлер; жайыттардын бузулушу
    | чөлгө айланууга каршы күрөш
climate | климаттын өзгөрүшү | климаттык өзгөрүүлөрү | ыңгайлашуу; парник газдары; абанын
    температурасы | климаттын өзгөрүшүнө ыңгайлашуу; парник газдарынын чыгарындыларын азайтуу
biodiv | биологиялык ар түрдүүлүк | биологиялык ар түрдүүлүгү | флора; фауна; сейрек
    кездешүүчү түрлөр; Кызыл китеп | биологиялык ар түрдүүлүктү сактоо
glaciers | мөңгүлөр | мөңгүлөрү | мөңгүлөнүү; кар катмары; дарыянын агымы
    | мөңгүлөрдүн кыскарышы
air | атмосфералык абанын сапаты | атмосфералык абасынын сапаты | абанын булганышы;
    чыгарындылар; түтүндүү туман | атмосфералык абанын булганышы
waste | калдыктарды башкаруу | калдыктарды башкаруу тутуму | катуу тиричилик калдыктары;
    полигондор; кайра иштетүү | катуу тиричилик калдыктарын башкаруу
law | экологиялык мыйзамдар | экологиялык мыйзамдары | Экологиялык кодекс; Орхус
    конвенциясы; ченемдик укуктук актылар | айлана-чөйрөнү коргоону укуктук жөнгө салуу
ecotourism | экологиялык туризм | экологиялык туризми | корголуучу аймактар; туристтик
    маршруттар; жергиликтүү жамааттар | экотуризмди өнүктүрүү
energy | кайра жаралуучу энергия булактары | кайра жаралуучу энергия булактары | күн
    энергиясы; шамал энергетикасы; чакан ГЭС | энергиялык натыйжалуулук жана кайра жаралуучу
    энергетика
land | жерлердин деградациясы | жерлеринин деградациясы | топурактын эрозиясы; туздануу;
    жайыттар | жер ресурстарын туруктуу башкаруу
education | экологиялык билим берүү | экологиялык билим берүү тутуму | агартуу; мектептер;
    туруктуу өнүгүү үчүн билим берүү | туруктуу өнүгүү үчүн билим берүү
ecostate | экологиялык абал | экологиялык абалы | айлана-чөйрө; антропогендик жүк;
    экологиялык кризис | экологиялык көйгөйлөр
pollution | жер үстүндөгү суулардын сапаты | жер үстүндөгү суулардын сапаты | суунун
    булганышы; гидрохимия; ичүүчү суу | суу объекттеринин булганышы
irrigation | сугат дыйканчылыгы | сугат дыйканчылыгы | ирригация; топурактын туздануусу;
    сууну үнөмдөө | сугаруунун натыйжалуулугун жогорулатуу
protected | өзгөчө корголуучу жаратылыш аймактары | өзгөчө корголуучу жаратылыш аймактары
    | коруктар; улуттук парктар; жаратылышты коргоо | коруктар тармагын өнүктүрүү
radiation | радиациялык абал | радиациялык абалы | радионуклиддер; радиоэкология; калктын ден
    соолугу | радиоэкологиялык изилдөөлөр
hazards | коркунучтуу табигый кубулуштар | коркунучтуу табигый кубулуштары | сел; суу ташкыны;
    жер көчкү | табигый кырсыктардын коркунучун азайтуу
sustainable | туруктуу өнүгүү | туруктуу өнүгүүсү | жашыл экономика; индикаторлор;
    жаратылышты пайдалануу | жашыл экономикага өтүү
nexus | «суу – энергия – азык-түлүк» өз ара байланышы | «суу – энергия – азык-түлүк» өз ара
    байланышы | нексус; тармактар аралык кызматташтык; суу коопсуздугу
    | суу жана энергетика тармагындагы кызматташтык
monitoring | экологиялык мониторинг | экологиялык мониторинги | байкоо тармагы; аралыктан
    зонддоо | экологиялык маалымат алмашуу
""",
    "tgk": """
water | захираҳои обӣ | захираҳои обии | истифодаи об; мувозинати об; дарёҳои фаромарзӣ
    | идоракунии ҳамгирои захираҳои обӣ; ҳамкории фаромарзӣ дар соҳаи об
desert | биёбоншавӣ | биёбоншавии | хушксолӣ; заминҳои хушк; таназзули чарогоҳҳо
    | мубориза бар зидди биёбоншавӣ
climate | тағйирёбии иқлим | тағйирёбии иқлими | мутобиқшавӣ; газҳои гулхонаӣ; ҳарорати
    ҳаво | мутобиқшавӣ ба тағйирёбии иқлим; коҳиш додани партовҳои газҳои гулхонаӣ
biodiv | гуногунии биологӣ | гуногунии биологии | наботот; ҳайвонот; намудҳои нодир; Китоби
    Сурх | ҳифзи гуногунии биологӣ
glaciers | пиряхҳо | пиряхҳои | яхбандӣ; қабати барф; ҷараёни дарёҳо | коҳиши пиряхҳо
air | сифати ҳавои атмосфера | сифати ҳавои атмосфераи | ифлосшавии ҳаво; партовҳо; дуду
    ғубор | ифлосшавии ҳавои атмосфера
waste | идоракунии партовҳо | идоракунии партовҳои | партовҳои сахти маишӣ; партовгоҳҳо;
    коркарди партовҳо | идоракунии партовҳои сахти маишӣ
law | қонунгузории экологӣ | қонунгузории экологии | Кодекси экологӣ; Конвенсияи Орхус;
    санадҳои меъёрии ҳуқуқӣ | танзими ҳуқуқии ҳифзи муҳити зист
ecotourism | сайёҳии экологӣ | сайёҳии экологии | минтақаҳои муҳофизатшаванда; хатсайрҳои
    сайёҳӣ; ҷамоатҳои маҳаллӣ | рушди экотуризм
energy | манбаъҳои барқароршавандаи энергия | манбаъҳои барқароршавандаи энергияи | энергияи
    офтоб; энергияи шамол; нерӯгоҳҳои хурди барқи обӣ | самаранокии энергия ва энергетикаи
    барқароршаванда
land | таназзули заминҳо | таназзули заминҳои | эрозияи хок; шӯршавӣ; чарогоҳҳо
    | идоракунии устувори заминҳо
education | маърифати экологӣ | маърифати экологии | тарғибот; мактабҳо; таҳсилот барои рушди
    устувор | таҳсилот барои рушди устувор
ecostate | вазъи экологӣ | вазъи экологии | муҳити зист; сарбории антропогенӣ; бӯҳрони
    экологӣ | мушкилоти экологӣ
pollution | сифати обҳои рӯизаминӣ | сифати обҳои рӯизаминии | ифлосшавии об; гидрохимия; оби
    нӯшокӣ | ифлосшавии объектҳои обӣ
irrigation | кишоварзии обёришаванда | кишоварзии обёришавандаи | обёрӣ; шӯршавии хок; сарфаи
    об | баланд бардоштани самаранокии обёрӣ
protected | минтақаҳои табиии махсус муҳофизатшаванда | минтақаҳои табиии махсус
    муҳофизатшавандаи | мамнӯъгоҳҳо; боғҳои миллӣ; ҳифзи табиат | рушди шабакаи мамнӯъгоҳҳо
radiation | вазъи радиатсионӣ | вазъи радиатсионии | радионуклидҳо; радиоэкология; саломатии
    аҳолӣ | тадқиқоти радиоэкологӣ
hazards | ҳодисаҳои хатарноки табиӣ | ҳодисаҳои хатарноки табиии | сел; обхезӣ; ярч
    | коҳиш додани хатари офатҳои табиӣ
sustainable | рушди устувор | рушди устувори | иқтисоди сабз; нишондиҳандаҳо; истифодаи
    табиат | гузариш ба иқтисоди сабз
nexus | робитаи мутақобилаи «об – энергия – озуқаворӣ» | - | нексус; ҳамкории байнисоҳавӣ;
    амнияти обӣ | ҳамкории байнисоҳавӣ дар соҳаи об ва энергетика
monitoring | мониторинги экологӣ | мониторинги экологии | шабакаи мушоҳида; зондкунии
    фосилавӣ | мубодилаи иттилооти экологӣ
""",
    "tuk": """
water | suw serişdeleri | suw serişdeleri | suwdan peýdalanmak; suw balansy; serhetüsti
    derýalar | suw serişdelerini toplumlaýyn dolandyrmak; serhetüsti suw hyzmatdaşlygy
desert | çölleşme | çölleşmesi | guraklyk; gurak ýerler; öri meýdanlarynyň zaýalanmagy
    | çölleşmä garşy göreş
climate | howanyň üýtgemegi | howasynyň üýtgemegi | uýgunlaşma; ýylyjaý gazlary; howanyň
    temperaturasy | howanyň üýtgemegine uýgunlaşma; ýylyjaý gazlarynyň zyňyndylaryny azaltmak
biodiv | biologik dürlülik | biologik dürlüligi | ösümlik dünýäsi; haýwanat dünýäsi; seýrek
    görnüşler; Gyzyl kitap | biologik dürlüligi goramak
glaciers | buzluklar | buzluklary | buzlama; gar örtügi; derýa akymy | buzluklaryň azalmagy
air | atmosfera howasynyň hili | atmosfera howasynyň hili | howanyň hapalanmagy; zyňyndylar;
    smog | atmosfera howasynyň hapalanmagy
waste | galyndylary dolandyrmak | galyndylary dolandyryş ulgamy | gaty durmuş galyndylary;
    poligonlar; gaýtadan işlemek | gaty durmuş galyndylaryny dolandyrmak
law | ekologiýa kanunçylygy | ekologiýa kanunçylygy | Ekologiýa kodeksi; Orhus konwensiýasy;
    kadalaşdyryjy hukuk namalary | daşky gurşawy goramagy hukuk taýdan düzgünleşdirmek
ecotourism | ekologik syýahatçylyk | ekologik syýahatçylygy | goralýan ýerler; syýahatçylyk
    ugurlary; ýerli jemgyýetler | ekosyýahatçylygy ösdürmek
energy | gaýtadan dikeldilýän energiýa çeşmeleri | gaýtadan dikeldilýän energiýa çeşmeleri
    | Gün energiýasy; ýel energetikasy; kiçi GES | energiýa netijeliligi we gaýtadan
    dikeldilýän energetika
land | ýerleriň zaýalanmagy | ýerleriniň zaýalanmagy | topragyň eroziýasy; şorlaşma; öri
    meýdanlary | ýer serişdelerini durnukly dolandyrmak
education | ekologik bilim | ekologik bilim ulgamy | aň-bilim işi; mekdepler; durnukly ösüş
    üçin bilim | durnukly ösüş üçin bilim
ecostate | ekologik ýagdaý | ekologik ýagdaýy | daşky gurşaw; antropogen agram; ekologik
    dargynlyk | ekologik meseleler
pollution | ýerüsti suwlaryň hili | ýerüsti suwlarynyň hili | suwuň hapalanmagy; gidrohimiýa;
    agyz suwy | suw obýektleriniň hapalanmagy
irrigation | suwarymly ekerançylyk | suwarymly ekerançylygy | suwaryş; topragyň şorlaşmagy;
    suwy tygşytlamak | suwaryşyň netijeliligini ýokarlandyrmak
protected | aýratyn goralýan tebigy ýerler | aýratyn goralýan tebigy ýerleri | goraghanalar;
    milli seýilgähler; tebigaty goramak | goraghanalar ulgamyny ösdürmek
radiation | radiasiýa ýagdaýy | radiasiýa ýagdaýy | radionuklidler; radioekologiýa; ilatyň
    saglygy | radioekologiýa barlaglary
hazards | howply tebigy hadysalar | howply tebigy hadysalary | sil; suw joşmalary; süýşmeler
    | tebigy betbagtçylyklaryň howpuny azaltmak
sustainable | durnukly ösüş | durnukly ösüşi | ýaşyl ykdysadyýet; görkezijiler; tebigatdan
    peýdalanmak | ýaşyl ykdysadyýete geçmek
nexus | «suw – energiýa – azyk» baglanyşygy | «suw – energiýa – azyk» baglanyşygy | neksus;
    pudagara hyzmatdaşlyk; suw howpsuzlygy | suw we energetika pudagynda hyzmatdaşlyk
monitoring | ekologik gözegçilik | ekologik gözegçiligi | gözegçilik ulgamy; uzakdan zondlama
    | ekologik maglumat alyşmak
""",
}

FRAME_WEIGHTS = {
    "topic_of_region": 24,
    "topic_in_region": 20,
    "current_state": 9,
    "problems": 10,
    "prospects": 8,
    "assessment": 7,
    "phrase_in_region": 16,
    "phrase": 6,
}
REMAINDER_KINDS = (
    "book",
    "collection",
    "report",
    "thesis",
    "thesis_phd",
    "map",
    "serial",
    "electronic",
    "audiovisual",
)
CLOSING_KINDS = ("book", "report", "article", "proceedings", "thesis", "map", "any")
WORD_KEYS = (
    "pages",
    "ill",
    "cm",
    "map",
    "map_colour",
    "dvd",
    "vhs",
    "issue",
    "et_al",
    "editor",
    "compiler",
    "translator",
    "bilingual",
    "bibliography",
    "screen",
    "languages",
)


@dataclass(frozen=True)
class LanguageWords:
    """Everything but topics and names that a record in one language is written with."""

    code: str
    frames: dict[str, str]
    remainders: dict[str, tuple[str, ...]]
    openings: tuple[str, ...]
    closings: dict[str, tuple[str, ...]]
    words: dict[str, str]  # "" where the language has no such word (a title-screen note)
    editions: tuple[str, ...]
    meetings: tuple[tuple[str, str], ...]  # (name of the meeting with {title}, other title info)
    thesis_notes: dict[str, tuple[str, ...]]  # "candidate" / "phd"
    language_names: dict[str, str]  # code → the name used in a «text in … and …» note


def capitalised(text: str) -> str:
    """Upper-case the first letter, wherever it is («су → «Су); the rest is left as written."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
    return text


def _topics() -> dict[str, Topic]:
    words: dict[str, dict[str, TopicWords]] = {}
    for language in LANGUAGE_ORDER:
        for key, base, linked, keywords, phrases in parse_table(_TOPIC_WORDS[language], 5):
            words.setdefault(key, {})[language] = TopicWords(
                capitalised(base),
                base,
                "" if linked == "-" else linked,
                split_list(keywords),
                split_list(phrases),
            )
    topics = {}
    for row in parse_table(_TOPIC_META, 9):
        key, local, udc, bbk, tags, since, mappable, weight, skip = row
        by_language = words.pop(key, {})
        if set(by_language) != set(LANGUAGE_ORDER):
            raise ValueError(f"topic {key} lacks words in {set(LANGUAGE_ORDER) - set(by_language)}")
        if len({len(w.phrases) for w in by_language.values()}) != 1:
            raise ValueError(f"topic {key}: every language needs the same number of phrases")
        topics[key] = Topic(
            key,
            local,
            split_list(udc),
            split_list(bbk),
            frozenset(tags.split()),
            int(since),
            mappable == "map",
            int(weight),
            frozenset() if skip == "-" else frozenset(skip.split()),
            by_language,
        )
    if words:
        raise ValueError(f"topics with words but no description: {sorted(words)}")
    return topics


def _language(code: str, text: str) -> LanguageWords:
    frames: dict[str, str] = {}
    remainders: dict[str, tuple[str, ...]] = {}
    openings: list[str] = []
    closings: dict[str, list[str]] = {}
    words: dict[str, str] = {}
    editions: tuple[str, ...] = ()
    meetings: list[tuple[str, str]] = []
    notes: dict[str, list[str]] = {}
    for kind, key, value in parse_table(text, 3):
        if kind == "frame":
            frames[key] = value
        elif kind == "remainder":
            remainders[key] = split_list(value)
        elif kind == "opening":
            openings.append(value)
        elif kind == "closing":
            closings.setdefault(key, []).append(value)
        elif kind == "word":
            words[key] = "" if value == "-" else value
        elif kind == "edition":
            editions = split_list(value)
        elif kind == "meeting":
            meetings.append((key, value))
        elif kind == "thesis_note":
            notes.setdefault(key, []).append(value)
        else:
            raise ValueError(f"{code}: unknown kind of phrase «{kind}»")
    for what, have, need in (
        ("frames", frames, FRAME_WEIGHTS),
        ("other title information", remainders, REMAINDER_KINDS),
        ("closing sentences", closings, CLOSING_KINDS),
        ("words", words, WORD_KEYS),
        ("thesis notes", notes, ("candidate", "phd")),
    ):
        if set(have) != set(need):
            raise ValueError(
                f"{code}: {what} differ from the list: {sorted(set(have) ^ set(need))}"
            )
    if not (openings and editions and meetings):
        raise ValueError(f"{code}: openings, editions and meetings are all needed")
    names = split_list(words["languages"])
    return LanguageWords(
        code,
        frames,
        remainders,
        tuple(openings),
        {key: tuple(value) for key, value in closings.items()},
        words,
        editions,
        tuple(meetings),
        {key: tuple(value) for key, value in notes.items()},
        dict(zip(LANGUAGE_ORDER, names, strict=True)),
    )


TOPICS = _topics()
LANGUAGES = {code: _language(code, PHRASES[code]) for code in LANGUAGE_ORDER}
