"""Phrases of the demo collection in its seven languages, one glossary table per language.

Kept apart from the topic vocabulary only to keep each module readable; ``demo_vocabulary``
parses and cross-checks these tables at import, so every language must define every frame,
word and kind of other title information that the others do.
"""

# kind | key | text.  Frames fill {T} (topic), {L} (its linked form), {P} (a topic phrase), {Rg}
# (the place as a possessor: "of …") and {Rl} (the place as a location: "in …").
PHRASES = {
    "rus": """
frame | topic_of_region | {T} {Rg}
frame | topic_in_region | {T} {Rl}
frame | current_state | Современное состояние {L} {Rg}
frame | problems | Проблемы {L} {Rl}
frame | prospects | {T} {Rg}: проблемы и перспективы
frame | assessment | Оценка {L} {Rl}
frame | phrase_in_region | {P} {Rl}
frame | phrase | {P}
remainder | book | монография; учебное пособие; научное издание; справочник; учебник для вузов;
    научно-популярное издание; практическое руководство
remainder | collection | сборник научных трудов; сборник статей
remainder | report | национальный доклад; аналитический отчет; отчет по проекту; обзор;
    региональный доклад; информационный бюллетень
remainder | thesis | автореферат диссертации на соискание ученой степени кандидата
    географических наук; автореферат диссертации на соискание ученой степени кандидата
    биологических наук; автореферат диссертации на соискание ученой степени кандидата
    технических наук
remainder | thesis_phd | диссертация на соискание степени доктора философии (PhD)
remainder | map | тематическая карта; обзорная карта; учебная карта
remainder | serial | научно-технический журнал; научный журнал
remainder | electronic | база данных; информационный портал; интерактивный атлас
remainder | audiovisual | документальный фильм; учебный видеофильм
opening | - | Рассмотрены вопросы {L} {Rl}.
opening | - | Проанализировано современное состояние {L} {Rg}.
opening | - | Обобщены результаты многолетних исследований {L} {Rl}.
opening | - | Дана оценка {L} {Rl}, определены приоритеты дальнейших действий.
closing | book | Издание предназначено для специалистов в области охраны окружающей среды,
    преподавателей и студентов вузов.
closing | book | Книга рассчитана на широкий круг читателей, интересующихся экологией региона.
closing | report | Предложены рекомендации для органов государственного управления и местных
    сообществ.
closing | report | Отчет подготовлен при участии национальных экспертов стран Центральной Азии.
closing | article | Выявлены основные тенденции изменений за период наблюдений.
closing | article | Показана необходимость комплексного подхода к решению проблемы.
closing | proceedings | В сборник вошли доклады участников из стран Центральной Азии и других
    государств.
closing | thesis | Разработаны практические рекомендации по рациональному природопользованию.
closing | map | Карта составлена по данным полевых исследований и дистанционного зондирования.
closing | any | Особое внимание уделено трансграничному сотрудничеству.
closing | any | Использованы данные национальных служб мониторинга.
closing | any | Приведены статистические данные, таблицы и список литературы.
word | pages | {n} с.
word | ill | ил.; ил., карты; ил., табл.
word | cm | {n} см
word | map | 1 карта
word | map_colour | цв.
word | dvd | 1 DVD ({n} мин)
word | vhs | 1 видеокассета (VHS, {n} мин)
word | issue | № {n}
word | et_al | [и др.]
word | editor | отв. ред.
word | compiler | сост.
word | translator | пер. с англ.
word | bilingual | Текст парал. {a}, {b}
word | bibliography | Библиогр.: с. {a}–{b}
word | screen | Загл. с титул. экрана
word | languages | рус.; англ.; каз.; узб.; кирг.; тадж.; туркм.
edition | - | 2-е изд., перераб. и доп.; 2-е изд.; 3-е изд., испр. и доп.
meeting | Международная научно-практическая конференция «{title}» | материалы Международной
    научно-практической конференции
meeting | Региональный семинар «{title}» | материалы регионального семинара
meeting | Республиканская научная конференция «{title}» | материалы Республиканской научной
    конференции
thesis_note | candidate | Специальность 25.00.36 – Геоэкология
thesis_note | candidate | Специальность 25.00.27 – Гидрология суши, водные ресурсы, гидрохимия
thesis_note | candidate | Специальность 03.02.08 – Экология
thesis_note | phd | Специальность 6D060800 – Экология
""",
    "eng": """
frame | topic_of_region | {T} {Rg}
frame | topic_in_region | {T} {Rl}
frame | current_state | Current state of {L} {Rg}
frame | problems | {T} {Rl}: problems and solutions
frame | prospects | {T} {Rg}: challenges and prospects
frame | assessment | Assessment of {L} {Rl}
frame | phrase_in_region | {P} {Rl}
frame | phrase | {P}
remainder | book | a textbook for universities; a practical guide; a reference book; an
    introduction; a review of experience
remainder | collection | collected papers; selected papers
remainder | report | national report; assessment report; project report; regional review; policy
    brief; technical report
remainder | thesis | MSc thesis
remainder | thesis_phd | PhD thesis; a dissertation submitted for the degree of Doctor of
    Philosophy
remainder | map | thematic map; overview map
remainder | serial | scientific journal; newsletter
remainder | electronic | database; online portal; interactive atlas
remainder | audiovisual | documentary film; training video
opening | - | This study examines {L} {Rl}.
opening | - | The current state of {L} {Rg} is analysed.
opening | - | Results of long-term research on {L} {Rl} are summarised.
opening | - | An assessment of {L} {Rl} is presented, with priorities for further action.
closing | book | The book is intended for environmental specialists, university teachers and
    students.
closing | book | It is written for a broad readership interested in the environment of the region.
closing | report | Recommendations are offered to government agencies and local communities.
closing | report | The report was prepared with national experts from the Central Asian countries.
closing | article | The main trends over the observation period are identified.
closing | article | The need for an integrated approach is demonstrated.
closing | proceedings | The volume brings together papers by participants from Central Asia and
    beyond.
closing | thesis | Practical recommendations for sustainable natural resource use are developed.
closing | map | The map is compiled from field surveys and remote sensing data.
closing | any | Particular attention is paid to transboundary cooperation.
closing | any | Data from national monitoring services are used.
closing | any | Statistical data, tables and a bibliography are included.
word | pages | {n} p.
word | ill | ill.; ill., maps; col. ill., maps
word | cm | {n} cm
word | map | 1 map
word | map_colour | col.
word | dvd | 1 DVD ({n} min.)
word | vhs | 1 videocassette (VHS, {n} min.)
word | issue | Vol. {v}, no. {n}
word | et_al | [et al.]
word | editor | edited by
word | compiler | compiled by
word | translator | translated from the Russian by
word | bilingual | Text in {a} and {b}
word | bibliography | Includes bibliographical references (p. {a}–{b})
word | screen | Title from home page
word | languages | Russian; English; Kazakh; Uzbek; Kyrgyz; Tajik; Turkmen
edition | - | 2nd ed.; 3rd ed.; Rev. ed.
meeting | International Scientific and Practical Conference “{title}” | proceedings of the
    international scientific and practical conference
meeting | Regional Workshop “{title}” | proceedings of the regional workshop
thesis_note | candidate | Thesis (M.Sc.) – Wageningen University, {year}
thesis_note | candidate | Thesis (M.Sc.) – University of Twente, {year}
thesis_note | phd | Thesis (Ph.D.) – University of Bonn, {year}
thesis_note | phd | Thesis (Ph.D.) – Humboldt-Universität zu Berlin, {year}
thesis_note | phd | Thesis (Ph.D.) – University of Tsukuba, {year}
""",
    "kaz": """
frame | topic_of_region | {Rg} {L}
frame | topic_in_region | {Rl} {T}
frame | current_state | {Rg} {L}: қазіргі жағдайы
frame | problems | {Rl} {T} мәселелері
frame | prospects | {Rg} {L}: мәселелері мен даму болашағы
frame | assessment | {Rl} {T}: бағалау және болжам
frame | phrase_in_region | {Rl} {P}
frame | phrase | {P}
remainder | book | монография; оқу құралы; ғылыми басылым; анықтамалық; жоғары оқу орындарына
    арналған оқулық; ғылыми-көпшілік басылым
remainder | collection | ғылыми еңбектер жинағы; мақалалар жинағы
remainder | report | ұлттық баяндама; талдамалық есеп; жоба бойынша есеп; шолу; өңірлік
    баяндама; ақпараттық бюллетень
remainder | thesis | география ғылымдарының кандидаты ғылыми дәрежесін алу үшін дайындалған
    диссертацияның авторефераты; биология ғылымдарының кандидаты ғылыми дәрежесін алу үшін
    дайындалған диссертацияның авторефераты
remainder | thesis_phd | философия докторы (PhD) дәрежесін алу үшін дайындалған диссертация
remainder | map | тақырыптық карта; шолу картасы; оқу картасы
remainder | serial | ғылыми-техникалық журнал; ғылыми журнал
remainder | electronic | деректер қоры; ақпараттық портал; интерактивті атлас
remainder | audiovisual | деректі фильм; оқу бейнефильмі
opening | - | {Rl} {T} мәселелері қарастырылған.
opening | - | {Rg} {L} жан-жақты талданған.
opening | - | {Rl} {T} бойынша көпжылдық зерттеулердің нәтижелері жинақталған.
opening | - | {Rl} {T} бағаланып, алдағы іс-қимылдың басымдықтары анықталған.
closing | book | Басылым қоршаған ортаны қорғау саласының мамандарына, жоғары оқу орындарының
    оқытушылары мен студенттеріне арналған.
closing | book | Кітап өңір экологиясына қызығушылық танытатын көпшілік оқырманға арналған.
closing | report | Мемлекеттік басқару органдары мен жергілікті қауымдастықтарға ұсыныстар
    берілген.
closing | report | Есеп Орталық Азия елдерінің ұлттық сарапшыларының қатысуымен дайындалды.
closing | article | Бақылау кезеңіндегі өзгерістердің негізгі үрдістері анықталған.
closing | article | Мәселені шешуде кешенді тәсілдің қажеттігі көрсетілген.
closing | proceedings | Жинаққа Орталық Азия елдері мен басқа да мемлекеттерден келген
    қатысушылардың баяндамалары енгізілген.
closing | thesis | Табиғатты ұтымды пайдалану бойынша практикалық ұсыныстар әзірленген.
closing | map | Карта далалық зерттеулер мен қашықтықтан зондтау деректері бойынша құрастырылған.
closing | any | Трансшекаралық ынтымақтастыққа ерекше назар аударылған.
closing | any | Ұлттық мониторинг қызметтерінің деректері пайдаланылған.
closing | any | Статистикалық деректер, кестелер және әдебиеттер тізімі келтірілген.
word | pages | {n} б.
word | ill | сур.; сур., карталар; сур., кестелер
word | cm | {n} см
word | map | 1 карта
word | map_colour | түрлі түсті
word | dvd | 1 DVD ({n} мин)
word | vhs | 1 бейнекассета (VHS, {n} мин)
word | issue | № {n}
word | et_al | [ж.б.]
word | editor | жауапты ред.
word | compiler | құраст.
word | translator | орыс тілінен аударған
word | bilingual | Мәтін {a} және {b} тілдерінде
word | bibliography | Әдебиеттер: {a}–{b} б.
word | screen | -
word | languages | орыс; ағылшын; қазақ; өзбек; қырғыз; тәжік; түрікмен
edition | - | 2-басылым; 2-бас., толықт. және өңд.; 3-басылым
meeting | «{title}» атты халықаралық ғылыми-практикалық конференция | халықаралық
    ғылыми-практикалық конференция материалдары
meeting | «{title}» атты өңірлік семинар | өңірлік семинар материалдары
thesis_note | candidate | Мамандығы 25.00.36 – Геоэкология
thesis_note | phd | Мамандығы 6D060800 – Экология
""",
    "uzb": """
frame | topic_of_region | {Rg} {L}
frame | topic_in_region | {Rl} {T}
frame | current_state | {Rg} {L}: hozirgi holati
frame | problems | {Rl} {T} muammolari
frame | prospects | {Rg} {L}: muammolar va istiqbollar
frame | assessment | {Rl} {T}: baholash va prognoz
frame | phrase_in_region | {Rl} {P}
frame | phrase | {P}
remainder | book | monografiya; oʻquv qoʻllanma; ilmiy nashr; maʼlumotnoma; oliy oʻquv yurtlari
    uchun darslik; ilmiy-ommabop nashr
remainder | collection | ilmiy maqolalar toʻplami; ilmiy ishlar toʻplami
remainder | report | milliy maʼruza; tahliliy hisobot; loyiha boʻyicha hisobot; sharh; mintaqaviy
    maʼruza; axborot byulleteni
remainder | thesis | geografiya fanlari nomzodi ilmiy darajasini olish uchun yozilgan
    dissertatsiya avtoreferati; biologiya fanlari nomzodi ilmiy darajasini olish uchun yozilgan
    dissertatsiya avtoreferati
remainder | thesis_phd | falsafa doktori (PhD) ilmiy darajasini olish uchun yozilgan
    dissertatsiya avtoreferati
remainder | map | tematik xarita; umumgeografik xarita; oʻquv xaritasi
remainder | serial | ilmiy-texnik jurnal; ilmiy jurnal
remainder | electronic | maʼlumotlar bazasi; axborot portali; interaktiv atlas
remainder | audiovisual | hujjatli film; oʻquv videofilmi
opening | - | {Rl} {T} masalalari koʻrib chiqilgan.
opening | - | {Rg} {L} har tomonlama tahlil qilingan.
opening | - | {Rl} {T} boʻyicha koʻp yillik tadqiqotlar natijalari umumlashtirilgan.
opening | - | {Rl} {T} baholanib, keyingi harakatlarning ustuvor yoʻnalishlari belgilangan.
closing | book | Nashr atrof-muhitni muhofaza qilish sohasidagi mutaxassislar, oliy oʻquv
    yurtlari oʻqituvchilari va talabalari uchun moʻljallangan.
closing | book | Kitob mintaqa ekologiyasiga qiziquvchi keng kitobxonlar ommasiga moʻljallangan.
closing | report | Davlat boshqaruvi organlari va mahalliy jamoalar uchun tavsiyalar berilgan.
closing | report | Hisobot Markaziy Osiyo mamlakatlari milliy ekspertlari ishtirokida
    tayyorlangan.
closing | article | Kuzatuv davridagi oʻzgarishlarning asosiy tendensiyalari aniqlangan.
closing | article | Muammoni hal etishda kompleks yondashuv zarurligi koʻrsatilgan.
closing | proceedings | Toʻplamga Markaziy Osiyo va boshqa davlatlardan kelgan ishtirokchilarning
    maʼruzalari kiritilgan.
closing | thesis | Tabiatdan oqilona foydalanish boʻyicha amaliy tavsiyalar ishlab chiqilgan.
closing | map | Xarita dala tadqiqotlari va masofaviy zondlash maʼlumotlari asosida tuzilgan.
closing | any | Transchegaraviy hamkorlikka alohida eʼtibor qaratilgan.
closing | any | Milliy monitoring xizmatlari maʼlumotlaridan foydalanilgan.
closing | any | Statistik maʼlumotlar, jadvallar va adabiyotlar roʻyxati keltirilgan.
word | pages | {n} b.
word | ill | rasm.; rasm., xaritalar; rasm., jadvallar
word | cm | {n} sm
word | map | 1 xarita
word | map_colour | rangli
word | dvd | 1 DVD ({n} daq.)
word | vhs | 1 videokasseta (VHS, {n} daq.)
word | issue | {n}-son
word | et_al | [va boshq.]
word | editor | masʼul muharrir
word | compiler | tuzuvchi
word | translator | rus tilidan tarjima qiluvchi
word | bilingual | Matn {a} va {b} tillarida
word | bibliography | Adabiyotlar: {a}–{b} b.
word | screen | -
word | languages | rus; ingliz; qozoq; oʻzbek; qirgʻiz; tojik; turkman
edition | - | 2-nashr; qayta ishlangan va toʻldirilgan 2-nashr; 3-nashr
meeting | «{title}» mavzusidagi xalqaro ilmiy-amaliy konferensiya | xalqaro ilmiy-amaliy
    konferensiya materiallari
meeting | «{title}» mavzusidagi respublika ilmiy-amaliy konferensiyasi | respublika ilmiy-amaliy
    konferensiyasi materiallari
thesis_note | candidate | Ixtisoslik: 11.00.05 – Atrof-muhitni muhofaza qilish va tabiiy
    resurslardan oqilona foydalanish
thesis_note | phd | Ixtisoslik: 11.00.05 – Atrof-muhitni muhofaza qilish va tabiiy resurslardan
    oqilona foydalanish
""",
    "kir": """
frame | topic_of_region | {Rg} {L}
frame | topic_in_region | {Rl} {T}
frame | current_state | {Rg} {L}: азыркы абалы
frame | problems | {Rl} {T} көйгөйлөрү
frame | prospects | {Rg} {L}: көйгөйлөр жана келечек
frame | assessment | {Rl} {T}: баалоо жана божомол
frame | phrase_in_region | {Rl} {P}
frame | phrase | {P}
remainder | book | монография; окуу куралы; илимий басылма; маалымдама; жогорку окуу жайлары
    үчүн окуу китеби; илимий-популярдуу басылма
remainder | collection | илимий эмгектердин жыйнагы; макалалар жыйнагы
remainder | report | улуттук баяндама; аналитикалык отчет; долбоор боюнча отчет; сереп;
    аймактык баяндама; маалыматтык бюллетень
remainder | thesis | география илимдеринин кандидаты окумуштуулук даражасын изденип алуу үчүн
    жазылган диссертациянын авторефераты; биология илимдеринин кандидаты окумуштуулук
    даражасын изденип алуу үчүн жазылган диссертациянын авторефераты
remainder | thesis_phd | философия доктору (PhD) даражасын изденип алуу үчүн жазылган
    диссертациянын авторефераты
remainder | map | тематикалык карта; жалпы географиялык карта; окуу картасы
remainder | serial | илимий-техникалык журнал; илимий журнал
remainder | electronic | маалымат базасы; маалымат порталы; интерактивдүү атлас
remainder | audiovisual | документалдык фильм; окуу видеофильми
opening | - | {Rl} {T} маселелери каралган.
opening | - | {Rg} {L} ар тараптуу талданган.
opening | - | {Rl} {T} боюнча көп жылдык изилдөөлөрдүн жыйынтыктары жалпыланган.
opening | - | {Rl} {T} бааланып, андан аркы аракеттердин артыкчылыктары аныкталган.
closing | book | Басылма айлана-чөйрөнү коргоо жаатындагы адистерге, жогорку окуу жайларынын
    окутуучуларына жана студенттерине арналган.
closing | book | Китеп аймактын экологиясына кызыккан кеңири окурмандарга арналган.
closing | report | Мамлекеттик башкаруу органдарына жана жергиликтүү жамааттарга сунуштар
    берилген.
closing | report | Отчет Борбордук Азия өлкөлөрүнүн улуттук эксперттеринин катышуусу менен
    даярдалган.
closing | article | Байкоо мезгилиндеги өзгөрүүлөрдүн негизги тенденциялары аныкталган.
closing | article | Көйгөйдү чечүүдө комплекстүү мамиленин зарылдыгы көрсөтүлгөн.
closing | proceedings | Жыйнакка Борбордук Азия жана башка мамлекеттерден келген
    катышуучулардын баяндамалары киргизилген.
closing | thesis | Жаратылышты сарамжалдуу пайдалануу боюнча практикалык сунуштар иштелип
    чыккан.
closing | map | Карта талаа изилдөөлөрүнүн жана аралыктан зонддоонун маалыматтарынын негизинде
    түзүлгөн.
closing | any | Трансчегаралык кызматташтыкка өзгөчө көңүл бурулган.
closing | any | Улуттук мониторинг кызматтарынын маалыматтары колдонулган.
closing | any | Статистикалык маалыматтар, таблицалар жана адабияттардын тизмеси келтирилген.
word | pages | {n} б.
word | ill | сүр.; сүр., карталар; сүр., таблицалар
word | cm | {n} см
word | map | 1 карта
word | map_colour | түстүү
word | dvd | 1 DVD ({n} мүн.)
word | vhs | 1 видеокассета (VHS, {n} мүн.)
word | issue | № {n}
word | et_al | [ж.б.]
word | editor | жооптуу ред.
word | compiler | түзгөн
word | translator | орус тилинен которгон
word | bilingual | Текст {a} жана {b} тилдеринде
word | bibliography | Адабияттар: {a}–{b} б.
word | screen | -
word | languages | орус; англис; казак; өзбек; кыргыз; тажик; түркмөн
edition | - | 2-басылышы; 2-басылышы, толукталган; 3-басылышы
meeting | «{title}» аттуу эл аралык илимий-практикалык конференция | эл аралык
    илимий-практикалык конференциянын материалдары
meeting | «{title}» аттуу аймактык семинар | аймактык семинардын материалдары
thesis_note | candidate | Адистиги 25.00.36 – Геоэкология
thesis_note | phd | Адистиги 25.00.36 – Геоэкология
""",
    "tgk": """
frame | topic_of_region | {L} {Rg}
frame | topic_in_region | {T} {Rl}
frame | current_state | Вазъи кунунии {L} {Rg}
frame | problems | Мушкилоти {L} {Rg}
frame | prospects | {T} {Rl}: мушкилот ва дурнамо
frame | assessment | Арзёбии {L} {Rg}
frame | phrase_in_region | {P} {Rl}
frame | phrase | {P}
remainder | book | монография; дастури таълимӣ; нашри илмӣ; маълумотнома; китоби дарсӣ барои
    муассисаҳои таҳсилоти олӣ; нашри илмӣ-оммавӣ
remainder | collection | маҷмӯаи мақолаҳои илмӣ; маҷмӯаи асарҳои илмӣ
remainder | report | гузориши миллӣ; гузориши таҳлилӣ; гузориш оид ба лоиҳа; шарҳ; гузориши
    минтақавӣ; бюллетени иттилоотӣ
remainder | thesis | автореферати диссертатсия барои дарёфти дараҷаи илмии номзади илмҳои
    ҷуғрофия; автореферати диссертатсия барои дарёфти дараҷаи илмии номзади илмҳои биология
remainder | thesis_phd | автореферати диссертатсия барои дарёфти дараҷаи доктори фалсафа (PhD)
remainder | map | харитаи мавзӯӣ; харитаи умумиҷуғрофӣ; харитаи таълимӣ
remainder | serial | маҷаллаи илмӣ-техникӣ; маҷаллаи илмӣ
remainder | electronic | пойгоҳи иттилоотӣ; портали иттилоотӣ; атласи интерактивӣ
remainder | audiovisual | филми ҳуҷҷатӣ; видеофилми таълимӣ
opening | - | Масъалаҳои {L} {Rg} баррасӣ шудаанд.
opening | - | Вазъи кунунии {L} {Rg} таҳлил карда шудааст.
opening | - | Натиҷаҳои тадқиқоти бисёрсолаи {L} {Rg} ҷамъбаст шудаанд.
opening | - | {T} {Rl} арзёбӣ гардида, самтҳои афзалиятноки фаъолияти минбаъда муайян карда
    шудаанд.
closing | book | Нашр барои мутахассисони соҳаи ҳифзи муҳити зист, омӯзгорон ва донишҷӯёни
    муассисаҳои таҳсилоти олӣ пешбинӣ шудааст.
closing | book | Китоб барои доираи васеи хонандагоне, ки ба экологияи минтақа таваҷҷуҳ доранд,
    пешбинӣ шудааст.
closing | report | Барои мақомоти идоракунии давлатӣ ва ҷамоатҳои маҳаллӣ тавсияҳо пешниҳод
    шудаанд.
closing | report | Гузориш бо иштироки коршиносони миллии кишварҳои Осиёи Марказӣ омода шудааст.
closing | article | Тамоюлҳои асосии тағйирот дар давраи мушоҳида муайян карда шудаанд.
closing | article | Зарурати равиши комплексӣ дар ҳалли мушкилот нишон дода шудааст.
closing | proceedings | Ба маҷмӯа маърӯзаҳои иштирокчиён аз кишварҳои Осиёи Марказӣ ва дигар
    давлатҳо ворид гардидаанд.
closing | thesis | Тавсияҳои амалӣ оид ба истифодаи оқилонаи табиат таҳия шудаанд.
closing | map | Харита дар асоси маълумоти тадқиқоти саҳроӣ ва зондкунии фосилавӣ тартиб дода
    шудааст.
closing | any | Ба ҳамкориҳои фаромарзӣ диққати махсус дода шудааст.
closing | any | Маълумоти хадамоти миллии мониторинг истифода шудааст.
closing | any | Маълумоти оморӣ, ҷадвалҳо ва феҳристи адабиёт оварда шудаанд.
word | pages | {n} саҳ.
word | ill | расм.; расм., харитаҳо; расм., ҷадвалҳо
word | cm | {n} см
word | map | 1 харита
word | map_colour | ранга
word | dvd | 1 DVD ({n} дақ.)
word | vhs | 1 видеокассета (VHS, {n} дақ.)
word | issue | № {n}
word | et_al | [ва диг.]
word | editor | муҳаррири масъул
word | compiler | мураттиб
word | translator | тарҷумаи
word | bilingual | Матн бо забонҳои {a} ва {b}
word | bibliography | Адабиёт: саҳ. {a}–{b}
word | screen | -
word | languages | русӣ; англисӣ; қазоқӣ; ӯзбекӣ; қирғизӣ; тоҷикӣ; туркманӣ
edition | - | Нашри 2-юм; Нашри 2-юми иловашуда ва ислоҳшуда; Нашри 3-юм
meeting | Конференсияи байналмилалии илмӣ-амалӣ «{title}» | маводи конференсияи
    байналмилалии илмӣ-амалӣ
meeting | Семинари минтақавӣ «{title}» | маводи семинари минтақавӣ
thesis_note | candidate | Ихтисос 25.00.36 – Геоэкология
thesis_note | phd | Ихтисос 6D060800 – Экология
""",
    "tuk": """
frame | topic_of_region | {Rg} {L}
frame | topic_in_region | {Rl} {T}
frame | current_state | {Rg} {L}: häzirki ýagdaýy
frame | problems | {Rl} {T} meseleleri
frame | prospects | {Rg} {L}: meseleler we geljek
frame | assessment | {Rl} {T}: baha bermek we çaklama
frame | phrase_in_region | {Rl} {P}
frame | phrase | {P}
remainder | book | monografiýa; okuw gollanmasy; ylmy neşir; salgylanma kitaby; ýokary okuw
    mekdepleri üçin okuw kitaby; ylmy-köpçülikleýin neşir
remainder | collection | ylmy işleriň ýygyndysy; makalalar ýygyndysy
remainder | report | milli hasabat; seljeriş hasabaty; taslama boýunça hasabat; syn; sebit
    hasabaty; maglumat býulleteni
remainder | thesis | geografiýa ylymlarynyň kandidaty alymlyk derejesini almak üçin ýazylan
    dissertasiýanyň awtoreferaty; biologiýa ylymlarynyň kandidaty alymlyk derejesini almak
    üçin ýazylan dissertasiýanyň awtoreferaty
remainder | thesis_phd | filosofiýa doktory (PhD) derejesini almak üçin ýazylan dissertasiýa
remainder | map | tematik karta; umumy geografik karta; okuw kartasy
remainder | serial | ylmy-tehniki žurnal; ylmy žurnal
remainder | electronic | maglumatlar binýady; maglumat portaly; interaktiw atlas
remainder | audiovisual | dokumental film; okuw wideofilmi
opening | - | {Rl} {T} meseleleri seredilýär.
opening | - | {Rg} {L} hemmetaraplaýyn seljerilýär.
opening | - | {Rl} {T} boýunça köpýyllyk barlaglaryň netijeleri jemlenýär.
opening | - | {Rl} {T} bahalandyrylyp, geljekki işleriň ileri tutulýan ugurlary kesgitlenýär.
closing | book | Neşir daşky gurşawy goramak ulgamynyň hünärmenlerine, ýokary okuw
    mekdepleriniň mugallymlaryna we talyplaryna niýetlenendir.
closing | book | Kitap sebitiň ekologiýasy bilen gyzyklanýan giň okyjylar köpçüligine
    niýetlenendir.
closing | report | Döwlet dolandyryş edaralaryna we ýerli jemgyýetlere teklipler berilýär.
closing | report | Hasabat Merkezi Aziýa ýurtlarynyň milli hünärmenleriniň gatnaşmagynda
    taýýarlandy.
closing | article | Gözegçilik döwründäki üýtgeşmeleriň esasy ugurlary ýüze çykarylýar.
closing | article | Meseläni çözmekde toplumlaýyn çemeleşmäniň zerurlygy görkezilýär.
closing | proceedings | Ýygynda Merkezi Aziýa we beýleki döwletlerden gatnaşyjylaryň çykyşlary
    girizildi.
closing | thesis | Tebigatdan rejeli peýdalanmak boýunça amaly teklipler işlenip düzüldi.
closing | map | Karta meýdan barlaglarynyň we uzakdan zondlamanyň maglumatlary esasynda düzüldi.
closing | any | Serhetüsti hyzmatdaşlyga aýratyn üns berilýär.
closing | any | Milli gözegçilik gulluklarynyň maglumatlaryndan peýdalanyldy.
closing | any | Statistik maglumatlar, tablisalar we edebiýatlaryň sanawy getirilýär.
word | pages | {n} sah.
word | ill | surat.; surat., kartalar; surat., tablisalar
word | cm | {n} sm
word | map | 1 karta
word | map_colour | reňkli
word | dvd | 1 DVD ({n} min.)
word | vhs | 1 wideokasseta (VHS, {n} min.)
word | issue | № {n}
word | et_al | [we başg.]
word | editor | jogapkär redaktor
word | compiler | düzüji
word | translator | rus dilinden terjime eden
word | bilingual | Tekst {a} we {b} dillerinde
word | bibliography | Edebiýat: {a}–{b} sah.
word | screen | -
word | languages | rus; iňlis; gazak; özbek; gyrgyz; täjik; türkmen
edition | - | 2-nji neşir; gaýtadan işlenen 2-nji neşir; 3-nji neşir
meeting | «{title}» atly halkara ylmy-amaly maslahat | halkara ylmy-amaly maslahatyň materiallary
meeting | «{title}» atly sebit maslahaty | sebit maslahatynyň materiallary
thesis_note | candidate | Hünäri 25.00.36 – Geoekologiýa
thesis_note | phd | Hünäri 25.00.36 – Geoekologiýa
""",
}
